import type { Role } from "@/lib/db/schema";
import type { TokenScope } from "./token-scopes";

/** The authenticated caller of a page or route handler: a browser session or an API token. */
export interface Operator {
  id: string;
  email: string;
  name: string;
  role: Role;
  via:
    | { kind: "session"; sessionId: string }
    | {
        kind: "token";
        tokenId: string;
        tokenName: string;
        scope: TokenScope;
        /** Email of the admin who issued the token; null when issued from the command line. */
        issuedBy: string | null;
      };
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

/**
 * Who acted, as the audit log records it. A token names its issuer too: an admin may issue a
 * token that acts as someone else, and the record must not let that pass for the user's own act.
 */
export function describeActor(operator: Operator): string {
  if (operator.via.kind === "session") return operator.email;
  const issued = operator.via.issuedBy
    ? `issued by ${operator.via.issuedBy}`
    : "issued from the command line";
  return `token "${operator.via.tokenName}" of ${operator.email} ${issued}`;
}
