import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { executeRows, type Db } from "@/lib/db/open-db";
import { ApiError } from "@/lib/http/errors";
import { finishRunsIn, settleRunStatuses } from "./finish-runs";
import type { RunStatus } from "./vocabulary";

export interface CancelResult {
  /** False when the run was already cancelling or cancelled: a repeated request changes nothing. */
  changed: boolean;
  /** `cancelled` at once, or `cancelling` while a batch sent before the request is recorded. */
  status: RunStatus;
  /** Rows that will never be sent (outcome `skipped`, code `cancelled`). */
  skipped: number;
  /** Rows given up with a call that may have reached the provider (`failed`, code `cancelled`). */
  failed: number;
  /** Rows a worker holds right now; their answers are still recorded. */
  inFlight: number;
}

/**
 * Stops a run: no new batch is claimed (claims take only queued and running runs). Rows a worker
 * holds (a live lease) are its batch in flight: they are recorded as they answer, and the run
 * reads `cancelling` until then (lib/runs/finish-runs.ts ends it). Every other pending row ends
 * now: `skipped` if no call of ours may have acted on it, else `failed` with its last error.
 * Runs in the caller's transaction `tx`, the one that records the audit event; a second request
 * for a run already cancelling or cancelled is answered without change.
 */
export async function cancelRun(runId: string, tx: Db): Promise<CancelResult> {
  const [run] = await executeRows<{ status: RunStatus }>(
    tx,
    sql`select status from runs where id = ${runId} for update`,
  );
  if (!run) throw new ApiError("not_found", "No such run.");
  if (run.status === "cancelling" || run.status === "cancelled")
    return {
      changed: false,
      status: run.status,
      skipped: 0,
      failed: 0,
      inFlight: 0,
    };
  if (!["queued", "running", "paused"].includes(run.status))
    throw new ApiError(
      "conflict",
      `The run has already ended (${run.status}).`,
    );
  await tx.execute(
    // A cancelled run retries nothing: its processing-retry window closes with it.
    sql`update runs set cancel_requested_at = now(), status = 'cancelling', processing_retry_until = null
         where id = ${runId}`,
  );
  const ended = await endUnheldRows(tx, sql`i.run_id = ${runId}`);
  const [held] = await executeRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from run_items where run_id = ${runId} and outcome = 'pending'`,
  );
  const [change] = await settleRunStatuses(tx, [runId]);
  return {
    changed: true,
    status: change?.status ?? "cancelling",
    skipped: ended.filter((row) => row.outcome === "skipped").length,
    failed: ended.filter((row) => row.outcome === "failed").length,
    inFlight: Number(held?.n ?? 0),
  };
}

/**
 * Ends the pending rows of a cancelled run that no worker holds: `skipped` when no call of ours
 * may have acted on the video, else `failed` with the last error (the answer was never recorded).
 */
function endUnheldRows(
  tx: Db,
  rows: SQL,
): Promise<{ run_id: string; outcome: "skipped" | "failed" }[]> {
  return executeRows(
    tx,
    sql`update run_items i
           set outcome = case when i.in_doubt then 'failed'::row_outcome else 'skipped'::row_outcome end,
               code = 'cancelled',
               message = case
                 when i.in_doubt then 'Run cancelled; an earlier call may have reached the provider and its answer was not recorded. Last error: ' || coalesce(i.message, i.code, 'none')
                 when i.attempts = 0 then 'Run cancelled before this video was attempted.'
                 else 'Run cancelled before this video was sent again; last error: ' || coalesce(i.message, i.code, 'none') end,
               updated_at = now(), lease_owner = null
         where ${rows} and i.outcome = 'pending' and (i.lease_until is null or i.lease_until < now())
     returning i.run_id, i.outcome`,
  );
}

/**
 * A worker that died holding a cancelling run's batch never records it, and no claim takes a
 * cancelling run: once those leases expire, its rows end as a cancel would have ended them and
 * the run is cancelled (with its `run.cancelled` event). Called by the worker's housekeeping.
 */
export async function endAbandonedCancels(db: Db): Promise<void> {
  await db.transaction(async (inner) => {
    const tx = inner as unknown as Db;
    // The runs' rows first, as cancelRun and a worker recording its batch take them: a common
    // lock order, so no deadlock with a batch whose lease ran out as it was being recorded.
    const cancelling = await executeRows<{ id: string }>(
      tx,
      sql`select id from runs where status = 'cancelling' for update`,
    );
    if (cancelling.length === 0) return;
    await endUnheldRows(
      tx,
      sql`i.run_id in (${sql.join(
        cancelling.map((run) => sql`${run.id}::uuid`),
        sql`, `,
      )})`,
    );
    // Every cancelling run, not only those with rows ended now: a run whose last in-flight
    // batch was recorded without closing it (a crash between the two, before both shared one
    // transaction) has nothing left to end, and would otherwise read "Cancelling…" for ever.
    await finishRunsIn(
      tx,
      cancelling.map((run) => run.id),
    );
  });
}

/**
 * Of these runs, those an operator has asked to cancel (as of this statement, in `tx`). With
 * `lock`, their rows stay locked to the end of `tx`, so a cancel waits for it or precedes it.
 */
export async function cancelRequested(
  tx: Db,
  runIds: string[],
  options: { lock?: boolean } = {},
): Promise<Set<string>> {
  if (runIds.length === 0) return new Set();
  const rows = await executeRows<{ id: string; cancelled: boolean }>(
    tx,
    sql`select id, cancel_requested_at is not null as cancelled from runs
         where id in (${sql.join(
           runIds.map((id) => sql`${id}::uuid`),
           sql`, `,
         )}) ${options.lock ? sql`for update` : sql``}`,
  );
  return new Set(rows.filter((row) => row.cancelled).map((row) => row.id));
}
