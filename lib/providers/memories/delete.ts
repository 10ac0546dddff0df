import "server-only";
import { sleep } from "@/lib/utils";
import { findVideos, namespaceField, type Presence } from "./lookup";
import {
  afterOutcome,
  failedOutcome,
  notFoundOutcome,
  type DeleteVerdict,
} from "./outcomes";
import {
  callMemories,
  codeFailure,
  deleteDataSchema,
  malformed,
  type Answer,
  type Failure,
  type WireContext,
} from "./wire";
import type { DeleteOptions, OutcomeResult } from "../types";

// One delete_videos call bracketed by look-ups (docs/providers/memories.md §8): the provider
// answers one code for the whole batch and silently accepts unknown or foreign IDs (§3).

/** Checks after an accepted delete that failed for a passing reason are repeated this often. */
const VERIFY_RETRIES = 2;
const VERIFY_BACKOFF_MS = 300;
const MAX_VERIFY_WAIT_MS = 5_000;

/** §8 step 2: "0000" is accepted; "0409" (duplicate operation, §3) is read as "already deleted". */
function readDelete(
  answer: Answer,
): { ok: true; verdict: DeleteVerdict } | { ok: false; failure: Failure } {
  if (!answer.ok) return answer;
  if (answer.code !== "0000" && answer.code !== "0409") {
    return { ok: false, failure: codeFailure(answer.code, answer.msg) };
  }
  if (!deleteDataSchema.safeParse(answer.data).success) {
    const why = "delete_videos data is neither null nor an object";
    return { ok: false, failure: malformed(answer.text, why) };
  }
  return { ok: true, verdict: { code: answer.code, msg: answer.msg } };
}

/** §8 step 3, repeating the look-up a couple of times when it failed for a passing reason. */
async function verifyAfterDelete(
  ctx: WireContext,
  ids: string[],
): Promise<Map<string, Presence>> {
  const result = await findVideos(ctx, ids);
  for (let attempt = 1; attempt <= VERIFY_RETRIES; attempt++) {
    const again = ids.filter((id) => {
      const presence = result.get(id);
      // A timeout already cost `timeoutMs`; the worker's own look-up settles those instead.
      return (
        presence?.kind === "failed" &&
        presence.failure.retryable &&
        presence.failure.code !== "timeout"
      );
    });
    if (again.length === 0) break;
    const first = result.get(again[0]!);
    const hinted =
      first?.kind === "failed" ? first.failure.retryAfterMs : undefined;
    await sleep(
      Math.min(hinted ?? VERIFY_BACKOFF_MS * attempt, MAX_VERIFY_WAIT_MS),
    );
    for (const [id, presence] of await findVideos(ctx, again)) {
      result.set(id, presence);
    }
  }
  return result;
}

/**
 * Deletes up to one batch (≤ 100 distinct, well-formed IDs; §3) and answers each ID once:
 * absent before ⇒ not_found; a failed look-up before ⇒ that failure, nothing sent; a failed
 * delete ⇒ its failure for the IDs that were listed; otherwise the look-up after decides.
 * `preChecked`: the caller listed the IDs just now and sends only present ones, so the look-up
 * before is skipped (list_videos, at 5 a second, is what bounds this provider's throughput).
 */
export async function deleteBatch(
  ctx: WireContext,
  ids: string[],
  options: DeleteOptions = {},
): Promise<Map<string, OutcomeResult>> {
  const outcomes = new Map<string, OutcomeResult>();
  const present: string[] = [];
  if (options.preChecked) present.push(...ids);
  else {
    const before = await findVideos(ctx, ids);
    for (const id of ids) {
      const presence = before.get(id)!;
      if (presence.kind === "absent") outcomes.set(id, notFoundOutcome(ctx));
      else if (presence.kind === "failed") {
        outcomes.set(id, failedOutcome(presence.failure));
      } else present.push(id);
    }
  }
  if (present.length === 0) return outcomes;

  // §3: a bare JSON array body; v1 takes `unique_id` as a query parameter, v1.1 has none.
  const answer = readDelete(
    await callMemories(ctx, "delete", present, namespaceField(ctx)),
  );
  if (!answer.ok) {
    // The provider may have acted (timeout, malformed answer): retryable, the worker confirms.
    for (const id of present) outcomes.set(id, failedOutcome(answer.failure));
    return outcomes;
  }
  const after = await verifyAfterDelete(ctx, present);
  for (const id of present) {
    outcomes.set(id, afterOutcome(id, after.get(id)!, answer.verdict));
  }
  return outcomes;
}
