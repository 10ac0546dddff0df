import "server-only";
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "@/lib/db/open-db";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";

/**
 * "Retry these later": the run's `processing` rows are re-attempted by the worker every
 * interval until they delete or the deadline passes; each row shows its next attempt time.
 * Runs in the caller's transaction `tx`, the one that records `run.retry_scheduled`, so a
 * refused request (cancelled run, nothing processing) changes nothing.
 */
export async function scheduleProcessingRetry(
  runId: string,
  options: { hours?: number; intervalMinutes?: number },
  tx: Db,
): Promise<{ until: Date; intervalSeconds: number; rows: number }> {
  const env = getEnv();
  const hours = options.hours ?? env.ERASURE_PROCESSING_RETRY_HOURS;
  const intervalSeconds = Math.round(
    (options.intervalMinutes ?? env.ERASURE_PROCESSING_RETRY_MINUTES) * 60,
  );
  const [run] = await executeRows<{ until: string; cancelled: boolean }>(
    tx,
    sql`update runs set processing_retry_until = now() + make_interval(secs => ${hours * 3600}),
                 processing_retry_interval_seconds = ${intervalSeconds}
           where id = ${runId}
       returning processing_retry_until as until, cancel_requested_at is not null as cancelled`,
  );
  if (!run) throw new ApiError("not_found", "No such run.");
  if (run.cancelled)
    throw new ApiError(
      "conflict",
      "The run was cancelled; start a new run from its processing rows instead.",
    );
  const rows = await executeRows(
    tx,
    sql`update run_items set next_attempt_at = now() + make_interval(secs => ${intervalSeconds})
           where run_id = ${runId} and outcome = 'processing' and lease_until is null returning video_id`,
  );
  if (rows.length === 0)
    throw new ApiError(
      "conflict",
      "This run has no rows that are still processing.",
    );
  return { until: new Date(run.until), intervalSeconds, rows: rows.length };
}

/**
 * Stops the scheduled re-attempts: processing rows stay `processing` with no next attempt (a row
 * the worker holds right now is still recorded). Returns how many rows were waiting, or null when
 * no retry was scheduled (a repeated stop changes nothing). In the caller's transaction `tx`, the
 * one that records `run.retry_stopped`.
 */
export async function stopProcessingRetry(
  runId: string,
  tx: Db,
): Promise<{ rows: number } | null> {
  const [run] = await executeRows<{ retrying: boolean; rows: number }>(
    tx,
    sql`select processing_retry_until > now() as retrying, items_processing as rows
          from runs where id = ${runId} for update`,
  );
  if (!run) throw new ApiError("not_found", "No such run.");
  if (!run.retrying) return null;
  await tx.execute(
    sql`update runs set processing_retry_until = null where id = ${runId}`,
  );
  return { rows: Number(run.rows) };
}
