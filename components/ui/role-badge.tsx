import { roleLabels, type Role } from "@/lib/auth/roles";
import { Badge } from "./badge";

const tone = { viewer: "neutral", operator: "info", admin: "warning" } as const;

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={tone[role]}>{roleLabels[role]}</Badge>;
}
