import "server-only";
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "@/lib/db/open-db";
import { ApiError } from "@/lib/http/errors";

/**
 * "Resume now": an operator who has fixed the credentials need not wait for the automatic
 * resume. Only a paused run resumes; its waiting rows become due at once (they were held back
 * until the automatic resume). Returns why it was paused, for the record. Runs in the caller's
 * transaction `tx`, the one that records `run.resumed`.
 */
export async function resumeRun(
  runId: string,
  tx: Db,
): Promise<{ reason: string }> {
  const [resumed] = await executeRows<{ reason: string | null }>(
    tx,
    sql`update runs r set status = 'running', status_reason = null, resume_at = null
            from (select id, status_reason from runs where id = ${runId} for update) before
           where r.id = before.id and r.status = 'paused'
       returning before.status_reason as reason`,
  );
  if (resumed) {
    await tx.execute(
      sql`update run_items set next_attempt_at = now()
             where run_id = ${runId} and outcome = 'pending' and next_attempt_at > now()`,
    );
    return { reason: resumed.reason ?? "" };
  }
  const [exists] = await executeRows<{ status: string }>(
    tx,
    sql`select status from runs where id = ${runId}`,
  );
  if (!exists) throw new ApiError("not_found", "No such run.");
  throw new ApiError(
    "conflict",
    `Only a paused run can be resumed; this one is ${exists.status}.`,
  );
}
