import type { Role } from "@/lib/auth/roles";

// Known passwords are fine here: the demo runs on loopback against the fake providers only.
// Data only, so that end-to-end specs can import it without pulling in server modules.
export const demoAccounts: {
  email: string;
  password: string;
  role: Role;
  name: string;
}[] = [
  {
    email: "admin@erasure.demo",
    password: "demo-admin-password",
    role: "admin",
    name: "Ada Admin",
  },
  {
    email: "operator@erasure.demo",
    password: "demo-operator-password",
    role: "operator",
    name: "Oscar Operator",
  },
  {
    email: "viewer@erasure.demo",
    password: "demo-viewer-password",
    role: "viewer",
    name: "Vera Viewer",
  },
];
