import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { ApiError } from "@/lib/http/errors";
import { finishRuns } from "./worker/record-outcome";

/**
 * Stops a run: no new batch is claimed; the batch in flight is still recorded (its retryable
 * failures become `cancelled`); every untouched item ends `failed` with code `cancelled`.
 */
export async function cancelRun(runId: string): Promise<void> {
  const db = await getDb();
  const updated = await executeRows<{ status: string }>(
    db,
    sql`update runs set cancel_requested_at = coalesce(cancel_requested_at, now()), status = 'cancelled'
         where id = ${runId} and status in ('queued', 'running', 'paused') returning status`,
  );
  if (updated.length === 0) {
    const [exists] = await executeRows(
      db,
      sql`select status from runs where id = ${runId}`,
    );
    if (!exists) throw new ApiError("not_found", "No such run.");
    throw new ApiError(
      "conflict",
      `The run has already ended (${String(exists.status)}).`,
    );
  }
  await db.execute(
    sql`update run_items set outcome = 'failed', code = 'cancelled',
               message = case when attempts = 0 then 'Run cancelled before this video was attempted.'
                              else 'Run cancelled; last error: ' || coalesce(message, code, 'none') end,
               updated_at = now(), lease_owner = null
         where run_id = ${runId} and outcome = 'pending' and (lease_until is null or lease_until < now())`,
  );
  await finishRuns(db, [runId]);
}
