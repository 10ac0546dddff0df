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
