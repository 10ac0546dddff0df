import type { LookupResult, OutcomeResult } from "@/lib/providers/types";
import type { PreState } from "@/lib/runs/vocabulary";

// The truth table of docs/design.md §2 (G1–G3). Every attempt starts with a look-up; what it
// finds, with what was recorded before an earlier call whose answer was lost, decides whether
// an item is sent, settled without a call, or tried again later. Pure, so every case is tested.

/** What the worker knows of a claimed item before this attempt's look-up. */
export interface ItemKnowledge {
  /** An earlier call holding this ID may have reached the provider; its answer is not recorded. */
  inDoubt: boolean;
  /** The look-up before that call (null when nothing was ever sent). */
  preState: PreState | null;
}

export type BeforeSend =
  /** Send the delete; `preState` is written (with in-doubt) before the call. */
  | { kind: "send"; preState: PreState }
  /** Settled by the look-up alone; nothing is sent. */
  | { kind: "settled"; result: OutcomeResult }
  /** The look-up failed: nothing is sent and the item is tried again later. */
  | { kind: "retry"; result: OutcomeResult };

/** The look-up's answer as a pre-state; `null` when it did not answer for this ID. */
export function preStateOf(lookup: LookupResult | undefined): PreState | null {
  switch (lookup?.state) {
    case "exists":
    case "processing":
      return "present";
    case "not_found":
      return "absent";
    case "forbidden":
      return "foreign";
    default:
      return null;
  }
}

/** In doubt, and the video is not there now: the pre-state recorded before the lost call decides. */
function settleAbsentInDoubt(
  preState: PreState | null,
  lookup: LookupResult,
): OutcomeResult {
  const now = lookup.message ? ` (${lookup.message})` : "";
  switch (preState) {
    case "present":
      // G1: present in this account before the call, gone after it.
      return {
        outcome: "deleted",
        code: "confirmed_gone",
        message: `A call was cut off (crash, timeout or unreadable answer); the look-up before it found the video in this account and the look-up after finds it gone${now}.`,
        retryable: false,
      };
    case "absent":
      // G3: absent (or invisible to this account) before the call: never `deleted`.
      return {
        outcome: "not_found",
        code: "absent_before",
        message: `A call was cut off; the look-up before it did not find the video in this account, nor does the look-up after${now}.`,
        retryable: false,
      };
    case "foreign":
      return {
        outcome: "forbidden",
        code: "foreign_before",
        message: `A call was cut off; the look-up before it showed another account's video, which this account may not delete${now}.`,
        retryable: false,
      };
    default:
      // Only rows left in flight by a console older than pre-states: neither G1 nor G2 can be
      // shown, so the row says so instead of guessing.
      return {
        outcome: "failed",
        code: "in_doubt",
        message: `A call was cut off before this console recorded whether the video existed; it is gone now${now}, but whether this run deleted it cannot be shown.`,
        retryable: false,
      };
  }
}

/**
 * Before a call: what this attempt does with one item, given the look-up made just now.
 * `answersPerId` is false for providers whose delete answer says nothing per ID (memories.ai):
 * an ID absent before would read as "deleted" after, so it is settled `not_found` unsent.
 */
export function planBeforeSend(
  item: ItemKnowledge,
  lookup: LookupResult | undefined,
  answersPerId: boolean,
): BeforeSend {
  const preState = preStateOf(lookup);
  if (!lookup || preState === null) {
    const why = lookup?.message ?? "no look-up answer";
    return {
      kind: "retry",
      result: {
        outcome: "failed",
        code: lookup?.code ?? "lookup_failed",
        message: item.inDoubt
          ? `Could not settle an interrupted call: ${why}`
          : `Could not look the video up before deleting it: ${why}`,
        retryable: true,
        ...(lookup?.retryAfterMs !== undefined
          ? { retryAfterMs: lookup.retryAfterMs }
          : {}),
      },
    };
  }
  if (preState === "absent") {
    if (item.inDoubt)
      return {
        kind: "settled",
        result: settleAbsentInDoubt(item.preState, lookup),
      };
    if (!answersPerId) {
      return {
        kind: "settled",
        result: {
          outcome: "not_found",
          code: lookup.code ?? "not_found",
          message: lookup.message ?? "Not found before deleting; nothing sent.",
          retryable: false,
        },
      };
    }
  }
  return { kind: "send", preState };
}

/**
 * After a call: the provider's answer for one ID read with the pre-state written before it.
 * A "not found" for a video the look-up just saw in this account means it went between the two
 * (an earlier cut-off call of ours landing late): G2 forbids `not_found`, G1 allows `deleted`.
 */
export function settleAnswer(
  preState: PreState,
  answer: OutcomeResult,
): OutcomeResult {
  if (answer.outcome === "not_found" && preState === "present") {
    return {
      ...answer,
      outcome: "deleted",
      code: "confirmed_gone",
      message: `The look-up before the call found the video in this account; the provider then answered: ${answer.message ?? answer.code ?? "not found"}.`,
      retryable: false,
    };
  }
  return answer;
}
