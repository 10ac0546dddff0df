import "server-only";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open-db";
import { recordAuditEvent, type AuditEventInput } from "./record-audit-event";

/**
 * Makes a change and appends its audit event in ONE transaction, so that no change is ever left
 * without its event (docs/design.md §6): if the event cannot be written, the change is rolled
 * back and the error propagates.
 *
 * `change` must run every query on the `tx` it is given: the embedded database has a single
 * connection, so a query outside the transaction would wait for the transaction forever.
 * `describe` builds the event from what the change returned (the new row's ID, say), or returns
 * null when the change found nothing to do (a repeated, idempotent request): no event then.
 */
export async function auditedChange<T>(
  change: (tx: Db) => Promise<T>,
  describe: (result: T) => AuditEventInput | null,
): Promise<T> {
  const db = await getDb();
  return db.transaction(async (inner) => {
    const tx = inner as unknown as Db;
    const result = await change(tx);
    const event = describe(result);
    if (event) await recordAuditEvent(event, tx);
    return result;
  });
}
