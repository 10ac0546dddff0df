import "server-only";
import {
  deletedSchema,
  IMAGINE_ID_PATTERN,
  parseStatusBody,
  type ImagineReply,
} from "./wire";
import type { LookupResult, OutcomeResult } from "../types";

// From a classified Imagine.art answer to the contract's results (docs/providers/imagine.md §8).

const PROVIDER = "Imagine.art";

/** The optional Retry-After and raw snippet, only when the answer had them. */
function extraOf({ retryAfterMs, raw }: ImagineReply) {
  return {
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...(raw ? { raw } : {}),
  };
}

/** Turns a classified delete answer into an outcome; `invalid` is settled by the caller. */
export function deleteOutcome(reply: ImagineReply): OutcomeResult {
  const { code, message, retryable, raw } = reply;
  const extra = extraOf(reply);
  switch (reply.kind) {
    case "ok":
      if (deletedSchema.safeParse(reply.body).success)
        return { outcome: "deleted", retryable: false };
      // The provider may have acted; the worker confirms by look-up (adapter-common rules).
      return {
        outcome: "failed",
        code: "malformed",
        message: "unexpected delete answer from Imagine.art",
        retryable: true,
        raw,
      };
    case "auth":
      // docs/design.md §4: a rejected key is never a per-video answer.
      return {
        outcome: "failed",
        code: "auth",
        message: `credentials rejected by ${PROVIDER}: ${message}`,
        retryable: true,
        ...extra,
      };
    case "not_found":
    case "forbidden":
    case "processing":
      return { outcome: reply.kind, code, message, retryable, ...extra };
    case "method_not_allowed":
      return {
        outcome: "failed",
        code,
        message: `delete refused with 405 for DELETE and POST (check deletePath): ${message}`,
        retryable: false,
        ...extra,
      };
    default:
      return { outcome: "failed", code, message, retryable, ...extra };
  }
}

export function lookupFromReply(reply: ImagineReply): LookupResult {
  const { code, message, retryable } = reply;
  const extra = extraOf(reply);
  switch (reply.kind) {
    case "ok":
      return parseStatusBody(reply);
    case "auth":
      return {
        state: "failed",
        code: "auth",
        message: `credentials rejected by ${PROVIDER}: ${message}`,
        retryable: true,
      };
    // §4: an error envelope on a status look-up means not found (400/1100 included).
    case "not_found":
    case "invalid":
      return { state: "not_found", code, message };
    case "forbidden":
    case "processing":
      return { state: reply.kind, code, message, retryable };
    default:
      return { state: "failed", code, message, retryable, ...extra };
  }
}

const stopsBatch = (code: string | undefined) =>
  code === "auth" || code === "throttled";

/** Runs `one` for each distinct ID in order; after an auth or throttle refusal the rest are not sent. */
export async function forEachId<T extends { code?: string; message?: string }>(
  ids: string[],
  invalid: (id: string) => T,
  one: (id: string) => Promise<T>,
): Promise<Map<string, T>> {
  const results = new Map<string, T>();
  let refusal: T | undefined;
  for (const id of new Set(ids)) {
    if (!IMAGINE_ID_PATTERN.test(id)) results.set(id, invalid(id));
    else if (refusal) results.set(id, refusal);
    else {
      const result = await one(id);
      results.set(id, result);
      if (stopsBatch(result.code)) {
        refusal = {
          ...result,
          message: `not sent after an earlier refusal in this batch: ${result.message}`,
        };
      }
    }
  }
  return results;
}
