import { hostname, userInfo } from "node:os";
import type { AuditEventInput } from "@/lib/audit/record-audit-event";

/** The operating-system account running the CLI; a uid when it has no name (some containers). */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? "unknown"}`;
  }
}

/**
 * Who the audit log names for a change made with the CLI: no console user signed in (the CLI
 * works straight on the database), so the operating-system account and host that ran it, as
 * `cli:<user>@<host>`, and no request behind it.
 */
export function cliAuditContext() {
  return {
    actorId: null,
    actor: `cli:${osUser()}@${hostname()}`,
    requestId: null,
    ip: null,
    userAgent: null,
  } satisfies Partial<AuditEventInput>;
}
