// Pure role checks shared by the server (enforcement) and the browser (hiding controls).
export const roles = ["viewer", "operator", "admin"] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export const roleLabels: Record<Role, string> = {
  viewer: "Viewer",
  operator: "Operator",
  admin: "Admin",
};

export const roleDescriptions: Record<Role, string> = {
  viewer: "Reads runs and the audit log; starts nothing.",
  operator: "Starts and cancels deletion runs.",
  admin: "Operator rights plus users and API tokens.",
};

export function hasRole(role: Role, required: Role): boolean {
  return rank[role] >= rank[required];
}

export const canStartRun = (role: Role) => hasRole(role, "operator");
export const canManageAccess = (role: Role) => hasRole(role, "admin");
