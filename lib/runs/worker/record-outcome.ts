import "server-only";
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "@/lib/db/open-db";
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

interface ItemWrite {
  item: ClaimedItem;
  outcome: OutcomeResult["outcome"] | "pending" | "skipped";
  code: string | null;
  message: string | null;
  raw: string | null;
  attemptDelta: number;
  delaySeconds: number;
  /**
   * Still not final after a call that may have reached the provider: the next attempt settles it
   * from the recorded pre-state (docs/design.md §2). Every failure counts, not only timeouts: a
   * memories.ai delete can succeed and the look-up after it be throttled.
   */
  inDoubt: boolean;
}

/** Decides what one result becomes: a final row, or pending again with a backoff. */
export function planWrite(
  item: ClaimedItem,
  result: OutcomeResult,
  policy: RetryPolicy & { cancelled: boolean; sent: boolean },
): ItemWrite {
  const raw = result.raw ?? null;
  const retry = result.outcome === "failed" && result.retryable;
  const final = planFinalOrRetry(item, result, policy, retry);
  const settled = final.outcome !== "pending" && final.outcome !== "processing";
  return {
    ...final,
    item,
    raw,
    // A sent call that failed leaves the item in doubt (the provider may have acted); a provider
    // that answered "processing" refused it. Unsent items keep what an earlier call left.
    inDoubt: settled
      ? false
      : policy.sent
        ? result.outcome === "failed"
        : item.inDoubt,
  };
}

type Planned = Pick<
  ItemWrite,
  "outcome" | "code" | "message" | "attemptDelta" | "delaySeconds"
>;

function planFinalOrRetry(
  item: ClaimedItem,
  result: OutcomeResult,
  policy: RetryPolicy & { cancelled: boolean; sent: boolean },
  retry: boolean,
): Planned {
  const base = {
    code: result.code ?? null,
    message: result.message ?? null,
  };
  if (
    item.priorOutcome === "processing" &&
    (retry || result.outcome === "processing")
  ) {
    // A scheduled re-attempt that did not settle stays `processing`, next try one interval later.
    const delay = retry
      ? backoffMs(item.attempt, result.retryAfterMs, policy.random) / 1000
      : 0;
    return {
      ...base,
      outcome: "processing",
      attemptDelta: 0,
      delaySeconds: Math.max(delay, item.processingRetrySeconds ?? 0),
    };
  }
  if (result.outcome === "processing" && item.processingRetrySeconds) {
    return {
      ...base,
      outcome: "processing",
      attemptDelta: 0,
      delaySeconds: item.processingRetrySeconds,
    };
  }
  if (retry && result.code === "auth" && !policy.cancelled) {
    // Not the video's fault: the attempt is not counted against it.
    return {
      ...base,
      outcome: "pending",
      attemptDelta: -1,
      delaySeconds: AUTH_PAUSE_MS / 1000,
    };
  }
  if (retry && result.code === "throttled" && !policy.cancelled) {
    // docs/design.md §1.4: throttling never surfaces as a failed row, so it does not spend attempts;
    // the backoff (and Retry-After) still spaces the retries, and cancel still stops them.
    return {
      ...base,
      outcome: "pending",
      attemptDelta: -1,
      delaySeconds:
        backoffMs(item.attempt, result.retryAfterMs, policy.random) / 1000,
    };
  }
  if (retry && !policy.cancelled && item.attempt < policy.maxAttempts) {
    const delay = backoffMs(item.attempt, result.retryAfterMs, policy.random);
    return {
      ...base,
      outcome: "pending",
      attemptDelta: 0,
      delaySeconds: delay / 1000,
    };
  }
  if (retry) {
    const last = result.message ?? result.code;
    return policy.cancelled
      ? {
          ...base,
          // Not sent this time and no earlier call in doubt: nothing of ours touched the video.
          outcome: policy.sent || item.inDoubt ? "failed" : "skipped",
          code: "cancelled",
          message: `Run cancelled; last error: ${last}`,
          attemptDelta: 0,
          delaySeconds: 0,
        }
      : {
          ...base,
          outcome: "failed",
          message: `Gave up after ${item.attempt} attempts; last error: ${last}`,
          attemptDelta: 0,
          delaySeconds: 0,
        };
  }
  return { ...base, outcome: result.outcome, attemptDelta: 0, delaySeconds: 0 };
}

/**
 * Writes a batch's results in one statement, each row fenced by (attempt, owner): a worker
 * whose lease was taken over writes nothing for that row. Retryable failures go back to
 * pending with a backoff (the row keeps the last error); after `maxAttempts`, or when the run
 * was cancelled, they become final `failed` rows. Returns the IDs actually written.
 */
export async function recordOutcomes(
  db: Db,
  owner: string,
  writes: ItemWrite[],
): Promise<Set<string>> {
  if (writes.length === 0) return new Set();
  const values = writes.map(
    (write) =>
      sql`(${write.item.runId}::uuid, ${write.item.videoId}, ${write.item.attempt}::int, ${write.outcome}::row_outcome,
           ${write.code}, ${write.message}, ${write.raw}, ${write.attemptDelta}::int, ${write.delaySeconds}::float8, ${write.inDoubt}::boolean)`,
  );
  const rows = await executeRows<{ run_id: string; video_id: string }>(
    db,
    sql`update run_items i
           set outcome = v.outcome, code = v.code, message = v.message, raw = v.raw,
               attempts = i.attempts + v.attempt_delta,
               lease_owner = null, lease_until = null, in_doubt = v.in_doubt,
               next_attempt_at = case when v.outcome = 'pending' or v.delay > 0 then now() + make_interval(secs => v.delay)
                                     else i.next_attempt_at end,
               updated_at = now()
          from (values ${sql.join(values, sql`, `)})
            as v(run_id, video_id, attempt, outcome, code, message, raw, attempt_delta, delay, in_doubt)
         where i.run_id = v.run_id and i.video_id = v.video_id and i.attempts = v.attempt
           and i.lease_owner = ${owner} and i.outcome in ('pending', 'processing')
     returning i.run_id, i.video_id`,
  );
  return new Set(rows.map((row) => `${row.run_id}/${row.video_id}`));
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
