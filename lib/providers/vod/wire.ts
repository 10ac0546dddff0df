import "server-only";
import { z } from "zod";
import { snippet, tryParseJson } from "../http";
import type { LookupResult, OutcomeResult } from "../types";

// ApsaraVideo VOD response shapes (docs/providers/vod.md §4, §5, §6) and the mapping of its
// error codes onto normalized outcomes (§12, with docs/design.md §4 for rejected credentials).

export const VOD_LABEL = "ApsaraVideo VOD";

/** A call either answered 2xx with a JSON object and no `Code`, or failed for all its IDs. */
export type RpcResult =
  | { ok: true; body: unknown; text: string }
  | { ok: false; failure: OutcomeResult };

const separated = (value: string) =>
  value
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id.length > 0);

// §4: empty lists may be left out [inferred] → []; an older sample showed strings, not arrays
// [doc inconsistency] → split on commas.
const idList = z
  .union([z.array(z.string()), z.string().transform(separated)])
  .default([]);

const videoSchema = z.object({
  VideoId: z.string(),
  Title: z.string().optional(),
  Status: z.string().optional(),
  ReferenceId: z.string().optional(),
  CreationTime: z.string().optional(),
  AppId: z.string().optional(),
});

/** The application every account has (§5.1's sample); `VOD_APP_ID` names another. */
export const VOD_DEFAULT_APP_ID = "app-1000000";

/**
 * A video GetVideoInfos returned (§5.1). One in another application than the console's is shown
 * as another owner's: DeleteVideo lists such videos in ForbiddenVideoIds (§4, [inferred]), so the
 * preview says "Not yours" and the run's outcome agrees.
 */
export function lookupOfVideo(
  video: z.infer<typeof videoSchema> | undefined,
  ownAppId: string,
): LookupResult {
  const seen = { status: video?.Status, name: video?.Title };
  if (video?.AppId && video.AppId !== ownAppId) {
    return {
      state: "forbidden",
      ...seen,
      code: "other_app",
      message: `In application ${video.AppId}, not ${ownAppId}: this account's key may not delete it.`,
    };
  }
  return { state: "exists", ...seen };
}

// `RequestId` is required on purpose: an ID in no list counts as deleted (§4), so a stray JSON
// object from a proxy must not read as "everything deleted".
export const deleteVideoResponseSchema = z.object({
  RequestId: z.string(),
  ForbiddenVideoIds: idList,
  // §4 [doc inconsistency]: legacy name, treated like ForbiddenVideoIds.
  UnRemoveableVideoIds: idList,
  NonExistVideoIds: idList,
  NonExistReferenceIds: idList,
});

/** §5.1; GetVideoList-style `{Video: [...]}` wrapping (§5.3) is accepted too. */
export const getVideoInfosResponseSchema = z.object({
  RequestId: z.string(),
  VideoList: z
    .union([
      z.array(videoSchema),
      z.object({ Video: z.array(videoSchema) }).transform((o) => o.Video),
    ])
    .default([]),
  NonExistVideoIds: idList,
  NonExistReferenceIds: idList,
});

/** §5.4. */
export const searchMediaResponseSchema = z.object({
  RequestId: z.string(),
  Total: z.number().optional(),
  ScrollToken: z.string().optional(),
  MediaList: z
    .array(
      z.object({
        MediaId: z.string(),
        CreationTime: z.string().optional(),
        Video: videoSchema.partial().optional(),
      }),
    )
    .default([]),
});

/** §6: every error carries `Code`; success bodies never do. */
const errorBodySchema = z.object({
  Code: z.string().min(1),
  Message: z.string().optional(),
  RequestId: z.string().optional(),
});

// §12 maps Forbidden.RAM / OperationDenied* to `forbidden`, but they refuse the *key* the action,
// not one video: docs/design.md §4 keeps account-level refusals retryable under `auth` so a key missing
// vod:DeleteVideo pauses the run instead of marking thousands of videos forbidden.
const AUTH_CODE =
  /^(SignatureDoesNotMatch|IncompleteSignature|InvalidAccessKeyId(\..+)?|Forbidden\.AccessKeyDisabled|InvalidSecurityToken(\..+)?|Forbidden|Forbidden\.RAM|OperationDenied(\..+)?)$/;
const THROTTLE_CODE = /^Throttling(\..+)?$/;
/** §12: retry later; the two signing ones get a fresh nonce and Timestamp on the next call. */
const RETRYABLE_CODES = new Set([
  "DeleteVideoFailed",
  "InternalError",
  "ServiceUnavailable",
  "ServiceUnAvailable",
  "SignatureNonceUsed",
  "InvalidTimeStamp.Expired",
]);

/**
 * §6 / §12, by `Code` first and status second: `Throttling.User` is a 400 and
 * `InvalidAccessKeyId.NotFound` a 404 like `InvalidVideo.NotFound`. A rejected key or signature
 * is `auth` and retryable (docs/design.md §4), never `forbidden`.
 */
export function classifyError(
  status: number,
  code: string,
  providerMessage: string,
  retryAfterMs?: number,
): OutcomeResult {
  const said = `${code}: ${providerMessage}`;
  if (AUTH_CODE.test(code)) {
    return {
      outcome: "failed",
      code: "auth",
      message: `credentials rejected by ${VOD_LABEL}: ${said}`,
      retryable: true,
    };
  }
  if (THROTTLE_CODE.test(code) || status === 429) {
    return {
      outcome: "failed",
      code: "throttled",
      message: said,
      retryable: true,
      retryAfterMs,
    };
  }
  if (code === "InvalidVideo.NotFound") {
    return {
      outcome: "not_found",
      code,
      message: providerMessage,
      retryable: false,
    };
  }
  const retryable = RETRYABLE_CODES.has(code) || status >= 500;
  return {
    outcome: "failed",
    code,
    message: providerMessage,
    retryable,
    retryAfterMs,
  };
}

/** A body we did not expect: the provider may have acted, so the worker confirms by look-up. */
export function malformed(
  text: string,
  why = "unexpected response body",
): OutcomeResult {
  return {
    outcome: "failed",
    code: "malformed",
    message: `${VOD_LABEL} sent an ${why}`,
    retryable: true,
    raw: snippet(text),
  };
}

/** Reads any HTTP answer of the RPC API into a success body or one failure for the whole call. */
export function readResponse(
  status: number,
  text: string,
  retryAfterMs?: number,
): RpcResult {
  const json = tryParseJson(text);
  const error = errorBodySchema.safeParse(json);
  if (error.success) {
    const { Code, Message = "" } = error.data;
    return {
      ok: false,
      failure: classifyError(status, Code, Message, retryAfterMs),
    };
  }
  const isObject =
    typeof json === "object" && json !== null && !Array.isArray(json);
  if (status >= 200 && status < 300 && isObject)
    return { ok: true, body: json, text };
  if (status === 429 || status >= 500) {
    return {
      ok: false,
      failure: {
        outcome: "failed",
        code: status === 429 ? "throttled" : `http_${status}`,
        message: `${VOD_LABEL} answered HTTP ${status}`,
        retryable: true,
        retryAfterMs,
        raw: snippet(text),
      },
    };
  }
  return {
    ok: false,
    failure: malformed(text, `unexpected HTTP ${status} body`),
  };
}

/** Parses a success body with the action's schema; a mismatch is `malformed` for the whole call. */
export function parseBody<T extends z.ZodType>(
  schema: T,
  result: RpcResult,
): { ok: true; data: z.output<T> } | { ok: false; failure: OutcomeResult } {
  if (!result.ok) return result;
  const parsed = schema.safeParse(result.body);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, failure: malformed(result.text) };
}

/** The look-up view of a whole-call failure. */
export function lookupFailure(failure: OutcomeResult): LookupResult {
  const state =
    failure.outcome === "not_found" || failure.outcome === "forbidden"
      ? failure.outcome
      : "failed";
  return {
    state,
    code: failure.code,
    message: failure.message,
    retryable: failure.retryable,
    retryAfterMs: failure.retryAfterMs,
    raw: failure.raw,
  };
}
