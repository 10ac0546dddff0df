import type { Role } from "@/lib/db/schema";

/** The authenticated caller of a page or route handler: a browser session or an API token. */
export interface Operator {
  id: string;
  email: string;
  name: string;
  role: Role;
  via:
    | { kind: "session"; sessionId: string }
    | { kind: "token"; tokenId: string; tokenName: string };
}

/** `user` as the caller, signed in `via` a session or a token. */
export function operatorOf(
  user: Pick<Operator, "id" | "email" | "name" | "role">,
  via: Operator["via"],
): Operator {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    via,
  };
}
