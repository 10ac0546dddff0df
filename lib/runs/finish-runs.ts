import "server-only";
import { sql } from "drizzle-orm";
import { auditContext, recordAuditEvent } from "@/lib/audit/record-audit-event";
import { executeRows, type Db } from "@/lib/db/open-db";
import type { RunStatus } from "./vocabulary";

export interface StatusChange {
  id: string;
  was: RunStatus;
  status: RunStatus;
}

// "Completed with issues": some row is refused, failed or still processing (vocabulary.ts,
// issueOutcomes), read from the counts the database keeps on the run's row.
const hasIssues = sql`(r.items_forbidden + r.items_failed + r.items_processing) > 0`;

/**
 * Gives each run the status its rows call for, in the caller's transaction:
 * - a run with nothing pending left ends `cancelled` (a cancel was requested), else `completed`
 *   or `completed_with_issues`;
 * - a finished run whose processing rows a scheduled retry has since deleted (or not) moves
 *   between `completed_with_issues` and `completed`.
 * Returns the runs whose status changed.
 */
export async function settleRunStatuses(
  tx: Db,
  runIds: string[],
): Promise<StatusChange[]> {
  if (runIds.length === 0) return [];
  const ids = sql.join(
    runIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return executeRows<StatusChange>(
    tx,
    sql`with before as (select id, status from runs where id in (${ids}) for update)
        update runs r
           set status = case when r.cancel_requested_at is not null then 'cancelled'::run_status
                             when ${hasIssues} then 'completed_with_issues'::run_status
                             else 'completed'::run_status end,
               finished_at = coalesce(r.finished_at, now())
          from before
         where r.id = before.id
           and ((r.finished_at is null
                 and r.status in ('queued', 'running', 'paused', 'cancelling')
                 and not exists (select 1 from run_items i where i.run_id = r.id and i.outcome = 'pending'
                                  order by i.next_attempt_at limit 1))
             or (r.finished_at is not null and r.cancel_requested_at is null
                 and r.status = case when ${hasIssues} then 'completed'::run_status
                                     else 'completed_with_issues'::run_status end))
     returning r.id, before.status as was, r.status`,
  );
}

/**
 * The worker's close of a batch: settles its runs' statuses, and records `run.cancelled` for a
 * run whose cancel waited on that batch (the operator's `run.cancel_requested` came first, the
 * batch's `items.recorded` in between), in the same transaction as the status.
 */
export async function finishRuns(db: Db, runIds: string[]): Promise<void> {
  if (runIds.length === 0) return;
  await db.transaction((inner) => finishRunsIn(inner as unknown as Db, runIds));
}

/** finishRuns in the caller's transaction `tx`. */
export async function finishRunsIn(tx: Db, runIds: string[]): Promise<void> {
  for (const change of await settleRunStatuses(tx, runIds)) {
    if (change.was !== "cancelling") continue;
    await recordAuditEvent(
      {
        ...auditContext(null),
        action: "run.cancelled",
        targetType: "run",
        targetId: change.id,
        details: { afterInFlightBatch: true },
      },
      tx,
    );
  }
}
