import "server-only";
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "@/lib/db/open-db";
import { ApiError } from "@/lib/http/errors";
import { finishRuns } from "./worker/record-outcome";

/**
 * Stops a run: no new batch is claimed; the batch in flight is still recorded (its retryable
 * failures become `cancelled`); every untouched item ends `failed` with code `cancelled`.
 * Runs in the caller's transaction `tx`, the one that records `run.cancelled`.
 */
export async function cancelRun(runId: string, tx: Db): Promise<void> {
  const updated = await executeRows<{ status: string }>(
    tx,
    sql`update runs set cancel_requested_at = coalesce(cancel_requested_at, now()), status = 'cancelled'
         where id = ${runId} and status in ('queued', 'running', 'paused') returning status`,
  );
  if (updated.length === 0) {
    const [exists] = await executeRows(
      tx,
      sql`select status from runs where id = ${runId}`,
    );
    if (!exists) throw new ApiError("not_found", "No such run.");
    throw new ApiError(
      "conflict",
      `The run has already ended (${String(exists.status)}).`,
    );
  }
  await tx.execute(
    sql`update run_items set outcome = 'failed', code = 'cancelled',
               message = case when attempts = 0 then 'Run cancelled before this video was attempted.'
                              else 'Run cancelled; last error: ' || coalesce(message, code, 'none') end,
               updated_at = now(), lease_owner = null
         where run_id = ${runId} and outcome = 'pending' and (lease_until is null or lease_until < now())`,
  );
  await finishRuns(tx, [runId]);
}
