import "server-only";
import type { Presence } from "./lookup";
import type { Failure, WireContext } from "./wire";
import type { LookupResult, OutcomeResult } from "../types";

// How memories.ai's look-ups and its one overall delete code become per-ID results
// (docs/providers/memories.md §7, §8).

/** §7: still being indexed. Nothing documents that it blocks a delete; it is shown as pending. */
export const PENDING_STATUS = "UNPARSE";

/** §7: `PI-` IDs are public-library / social-media imports; whether delete removes them is [unknown]. */
export const isPublicImport = (id: string) => id.startsWith("PI-");

const PUBLIC_IMPORT_NOTE =
  "a public-library import (PI-), which delete_videos may leave in place (memories.md §7)";

export function failedOutcome(failure: Failure): OutcomeResult {
  return { outcome: "failed", ...failure };
}

export function failedLookup(failure: Failure): LookupResult {
  return { state: "failed", ...failure };
}

/** §8 step 1: the API cannot tell "never existed" from "another account's or namespace's". */
export function notFoundOutcome(ctx: WireContext): OutcomeResult {
  return {
    outcome: "not_found",
    retryable: false,
    message: `not listed by list_videos ${scope(ctx)}`,
  };
}

function scope(ctx: WireContext): string {
  return ctx.apiVersion === "v1"
    ? `under unique_id "${ctx.uniqueId}"`
    : "(v1.1: default namespace)";
}

export function toLookupResult(
  ctx: WireContext,
  id: string,
  presence: Presence,
): LookupResult {
  if (presence.kind === "failed") return failedLookup(presence.failure);
  if (presence.kind === "absent") {
    return {
      state: "not_found",
      message: `not listed by list_videos ${scope(ctx)}`,
    };
  }
  const { video } = presence;
  return {
    state: video.status === PENDING_STATUS ? "processing" : "exists",
    status: video.status,
    name: video.video_name ?? "",
    ...(isPublicImport(id) ? { message: `listed; ${PUBLIC_IMPORT_NOTE}` } : {}),
  };
}

export interface DeleteVerdict {
  code: string;
  msg: string;
}

/**
 * §8 step 3 for one ID the delete named. Absent now ⇒ deleted. Still listed ⇒ the provider kept
 * it although the batch was accepted: `processing` (retryable) while it is UNPARSE, as §8 says;
 * otherwise `failed`, not retryable, since sending the same delete again has nothing new to try.
 * A failed check is retryable: the worker looks the ID up again, and a repeated delete is harmless.
 */
export function afterOutcome(
  id: string,
  presence: Presence,
  verdict: DeleteVerdict,
): OutcomeResult {
  const said = `delete_videos answered ${verdict.code}${verdict.msg ? ` "${verdict.msg}"` : ""}`;
  if (presence.kind === "absent") {
    return {
      outcome: "deleted",
      retryable: false,
      code: verdict.code,
      message: `${said}; no longer listed`,
    };
  }
  if (presence.kind === "failed") {
    return failedOutcome({
      ...presence.failure,
      message: `${said}, but the look-up afterwards failed: ${presence.failure.message}`,
      retryable: true,
    });
  }
  const seen = `${said}, but list_videos still shows it with status ${presence.video.status}`;
  if (presence.video.status === PENDING_STATUS) {
    return {
      outcome: "processing",
      code: "still_present",
      message: `${seen} (still being indexed)`,
      retryable: true,
    };
  }
  return {
    outcome: "failed",
    code: "still_present",
    message: isPublicImport(id) ? `${seen}; ${PUBLIC_IMPORT_NOTE}` : seen,
    retryable: false,
  };
}

/** Malformed IDs never reach the provider (docs/design.md §4); the caller should have filtered them. */
export function invalidId(format: string): Failure {
  return {
    code: "invalid_id",
    message: `not a memories.ai video ID (${format})`,
    retryable: false,
  };
}
