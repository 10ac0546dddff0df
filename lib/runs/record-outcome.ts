import "server-only";
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "@/lib/db/client";
import type { OutcomeResult } from "@/lib/providers/types";
import type { ClaimedItem } from "./claim-items";

const MAX_BACKOFF_MS = 60_000;
const BASE_BACKOFF_MS = 1_000;
// A rejected credential pauses the run; it tries again by itself after this long.
export const AUTH_PAUSE_MS = 60_000;

export interface RetryPolicy {
  maxAttempts: number;
  random?: () => number;
}

/** Exponential backoff with full jitter, never sooner than the provider's Retry-After. */
export function backoffMs(
  attempt: number,
  retryAfterMs: number | undefined,
  random = Math.random,
): number {
  const ceiling = Math.min(
    MAX_BACKOFF_MS,
    BASE_BACKOFF_MS * 2 ** Math.max(0, attempt - 1),
  );
  return Math.max(retryAfterMs ?? 0, Math.floor(random() * ceiling));
}

function fenced(item: ClaimedItem, owner: string) {
  return sql`run_id = ${item.runId} and video_id = ${item.videoId} and attempts = ${item.attempt}
             and lease_owner = ${owner} and outcome = 'pending'`;
}

/**
 * Writes one item's result, fenced by (attempt, owner): a worker whose lease was taken over
 * writes nothing and learns so from the return value. Retryable failures go back to pending
 * with a backoff (the row keeps the last error); after `maxAttempts`, or when the run was
 * cancelled, they become final `failed` rows.
 */
export async function recordOutcome(
  db: Db,
  item: ClaimedItem,
  owner: string,
  result: OutcomeResult,
  policy: RetryPolicy & { cancelled: boolean },
): Promise<boolean> {
  const raw = result.raw ?? null;
  const retry = result.outcome === "failed" && result.retryable;
  if (retry && result.code === "auth" && !policy.cancelled) {
    // Not the video's fault: the attempt is not counted against it.
    const rows = await executeRows(
      db,
      sql`update run_items set outcome = 'pending', code = ${result.code}, message = ${result.message ?? null}, raw = ${raw},
                 attempts = attempts - 1, lease_owner = null, lease_until = null,
                 next_attempt_at = now() + make_interval(secs => ${AUTH_PAUSE_MS / 1000}), updated_at = now()
           where ${fenced(item, owner)} returning video_id`,
    );
    return rows.length > 0;
  }
  if (retry && !policy.cancelled && item.attempt < policy.maxAttempts) {
    const delay = backoffMs(item.attempt, result.retryAfterMs, policy.random);
    const rows = await executeRows(
      db,
      sql`update run_items set outcome = 'pending', code = ${result.code ?? null}, message = ${result.message ?? null}, raw = ${raw},
                 lease_owner = null, lease_until = null,
                 next_attempt_at = now() + make_interval(secs => ${delay / 1000}), updated_at = now()
           where ${fenced(item, owner)} returning video_id`,
    );
    return rows.length > 0;
  }
  const code = retry && policy.cancelled ? "cancelled" : (result.code ?? null);
  const message =
    retry && policy.cancelled
      ? `Run cancelled; last error: ${result.message ?? result.code}`
      : retry
        ? `Gave up after ${item.attempt} attempts; last error: ${result.message ?? result.code}`
        : (result.message ?? null);
  const rows = await executeRows(
    db,
    sql`update run_items set outcome = ${result.outcome}, code = ${code}, message = ${message}, raw = ${raw},
               lease_owner = null, lease_until = null, updated_at = now()
         where ${fenced(item, owner)} returning video_id`,
  );
  return rows.length > 0;
}

/** Marks runs whose items are all final as completed (or cancelled); returns nothing. */
export async function finishRuns(db: Db, runIds: string[]): Promise<void> {
  if (runIds.length === 0) return;
  await db.execute(
    sql`update runs r
           set status = case when r.cancel_requested_at is not null then 'cancelled'::run_status else 'completed'::run_status end,
               finished_at = now()
         where r.id in (${sql.join(
           runIds.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})
           and r.finished_at is null
           and r.status in ('queued', 'running', 'paused', 'cancelled')
           and not exists (select 1 from run_items i where i.run_id = r.id and i.outcome = 'pending')`,
  );
}

export async function pauseRun(
  db: Db,
  runId: string,
  reason: string,
): Promise<void> {
  await db.execute(
    sql`update runs set status = 'paused', status_reason = ${reason},
               resume_at = now() + make_interval(secs => ${AUTH_PAUSE_MS / 1000})
         where id = ${runId} and status in ('queued', 'running')`,
  );
}
