import "server-only";

import {
  AKOOL_ID_PATTERN,
  classifyRejection,
  type AkoolFailure,
} from "@/lib/providers/akool/wire";
import type { LookupResult, OutcomeResult } from "@/lib/providers/types";

// Pure mapping from AKOOL's answers to the normalized outcomes (docs/providers/akool.md §8).

/** §7: status 2 (processing) is the one status AKOOL refuses to delete. */
export const AKOOL_PROCESSING_STATUS = 2;

export interface AkoolIdGroups {
  /** Lower-cased ID → the spellings the caller gave for it (§7: upper case is accepted). */
  valid: Map<string, string[]>;
  invalid: string[];
}

export function groupAkoolIds(ids: string[]): AkoolIdGroups {
  const valid = new Map<string, string[]>();
  const invalid: string[] = [];
  for (const id of new Set(ids)) {
    const key = id.toLowerCase();
    if (AKOOL_ID_PATTERN.test(id))
      valid.set(key, [...(valid.get(key) ?? []), id]);
    else invalid.push(id);
  }
  return { valid, invalid };
}

/** One entry per distinct ID the caller gave, in the caller's spelling. */
export function spreadToCallerIds<T>(
  groups: AkoolIdGroups,
  byId: Map<string, T>,
  invalid: T,
  missing: T,
): Map<string, T> {
  const out = new Map<string, T>(groups.invalid.map((id) => [id, invalid]));
  for (const [id, spellings] of groups.valid) {
    for (const spelling of spellings)
      out.set(spelling, byId.get(id) ?? missing);
  }
  return out;
}

/** Drops undefined optional fields so that results compare and serialise cleanly. */
function extras(from: { retryAfterMs?: number; raw?: string }) {
  return {
    ...(from.retryAfterMs === undefined
      ? {}
      : { retryAfterMs: from.retryAfterMs }),
    ...(from.raw === undefined ? {} : { raw: from.raw }),
  };
}

export function failedOutcome(failure: AkoolFailure): OutcomeResult {
  const { code, message, retryable } = failure;
  return { outcome: "failed", code, message, retryable, ...extras(failure) };
}

export function failedLookup(failure: AkoolFailure): LookupResult {
  const { code, message, retryable } = failure;
  return { state: "failed", code, message, retryable, ...extras(failure) };
}

/**
 * §8: a `noPermissionItems` entry; only the reason text tells the cases apart. Despite the list's
 * name it holds every failure (§3), so "does not exist" is not_found, not forbidden.
 */
export function rejectionOutcome(msg: string): OutcomeResult {
  const message = msg || "listed in noPermissionItems without a reason";
  const kind = classifyRejection(msg);
  if (kind === "processing")
    return {
      outcome: "processing",
      code: "processing",
      message,
      retryable: true,
    };
  if (kind === "not_found")
    return {
      outcome: "not_found",
      code: "not_found",
      message,
      retryable: false,
    };
  return {
    outcome: "forbidden",
    code: "no_permission",
    message,
    retryable: false,
  };
}

export const UNMENTIONED =
  "Akool's delete answer listed this ID neither in successIds nor in noPermissionItems";

/**
 * §8, "ID in neither list": what the confirming resultsByIds look-up saw decides. Absent ⇒
 * not_found (which also covers another account's video, §4); status 2 ⇒ processing; still there
 * ⇒ failed, retryable; the look-up itself failed ⇒ failed, retryable (the worker confirms later).
 * `said` is the whole-call answer being confirmed (a 1008), when there was one.
 */
export function confirmedOutcome(
  seen: LookupResult,
  said?: { code: string; message: string },
): OutcomeResult {
  const prefix = said?.message ?? UNMENTIONED;
  switch (seen.state) {
    case "not_found":
      return {
        outcome: "not_found",
        code: said?.code ?? "not_found",
        message: `${prefix}; resultsByIds does not return it`,
        retryable: false,
      };
    case "forbidden":
      return {
        outcome: "forbidden",
        code: seen.code,
        message: seen.message,
        retryable: false,
      };
    case "failed":
      return {
        outcome: "failed",
        code: seen.code,
        message: `${prefix}; the confirming resultsByIds look-up failed: ${seen.message}`,
        retryable: true,
        ...extras(seen),
      };
    case "processing":
      return {
        outcome: "processing",
        code: "processing",
        message: `${prefix}; resultsByIds shows it processing (status ${seen.status})`,
        retryable: true,
      };
    default:
      return {
        outcome: "failed",
        code: said?.code ?? "not_deleted",
        message: `${prefix}; resultsByIds still returns it with status ${seen.status}`,
        retryable: true,
      };
  }
}

/** §4: one look-up answer per requested (lower-cased) ID; absent from `data.result` ⇒ not_found. */
export function lookupResults(
  ids: string[],
  records: { _id: string; status: number; file_name?: string | null }[],
): Map<string, LookupResult> {
  const found = new Map<string, (typeof records)[number]>();
  for (const record of records) {
    const key = record._id.toLowerCase();
    if (!found.has(key)) found.set(key, record);
  }
  return new Map(
    ids.map((id): [string, LookupResult] => {
      const record = found.get(id);
      if (!record)
        return [
          id,
          {
            state: "not_found",
            message: "resultsByIds does not return this ID",
          },
        ];
      return [
        id,
        {
          state:
            record.status === AKOOL_PROCESSING_STATUS ? "processing" : "exists",
          status: String(record.status),
          ...(record.file_name ? { name: record.file_name } : {}),
        },
      ];
    }),
  );
}
