// Test-only: makes the audit log refuse every append inside the database itself (as a full disk,
// a lost connection or a constraint would), so a test sees what a change does when its event
// cannot be written. No module of ours is replaced.
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";

const REFUSED_AUDIT_MESSAGE = "audit append refused by the test";

/** Installs a BEFORE INSERT trigger on audit_events that raises; the result removes it. */
async function refuseAuditAppends(): Promise<() => Promise<void>> {
  const db = await getDb();
  await db.execute(
    sql.raw(`create or replace function erasure_test_refuse_audit() returns trigger
      language plpgsql as $$ begin raise exception '${REFUSED_AUDIT_MESSAGE}'; end $$`),
  );
  await db.execute(
    sql`create trigger erasure_test_refuse_audit before insert on audit_events
          for each row execute function erasure_test_refuse_audit()`,
  );
  return async () => {
    await db.execute(
      sql`drop trigger if exists erasure_test_refuse_audit on audit_events`,
    );
    await db.execute(sql`drop function if exists erasure_test_refuse_audit()`);
  };
}

/** Runs `action` with audit appends refused, removing the trigger whatever happens. */
export async function withAuditAppendsRefused<T>(
  action: () => Promise<T>,
): Promise<T> {
  const restore = await refuseAuditAppends();
  try {
    return await action();
  } finally {
    await restore();
  }
}

/** How many audit events there are; a refused append must leave it unchanged. */
export async function auditEventCount(): Promise<number> {
  const [row] = await executeRows<{ n: number }>(
    await getDb(),
    sql`select count(*)::int as n from audit_events`,
  );
  return row!.n;
}
