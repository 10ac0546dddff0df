import "server-only";
import { z } from "zod";
import { snippet, tryParseJson, type HttpResult } from "../http";
import { idFormats } from "../id-formats";
import type { LookupResult } from "../types";

// Wire details of the Imagine.art (Vyro) API: IDs, URLs, the error envelope and how an answer is
// classified (docs/providers/imagine.md §4, §5, §7, §8). The adapter turns a classified reply
// into delete or look-up results.

/** §7 [conflict]: integer IDs (current endpoints) or a canonical UUID (deprecated ones). */
export const IMAGINE_INTEGER_ID = /^\d{1,19}$/;
export const IMAGINE_ID_PATTERN = idFormats.imagine.pattern;
export const IMAGINE_ID_FORMAT = idFormats.imagine.description;

/**
 * §1 gives the base as `https://api.vyro.ai/v2` but every path as `/v2/...`; our templates carry
 * the `/v2`, so a base that already ends in `/v2` must not double it.
 */
export function buildImagineUrl(
  base: string,
  template: string,
  id: string,
): string {
  const root = base.replace(/\/+$/, "");
  const path = template.startsWith("/") ? template : `/${template}`;
  const joined =
    /\/v2$/.test(root) && path.startsWith("/v2/")
      ? root + path.slice(3)
      : root + path;
  // §7: always URL-encode the ID in the path.
  return joined.replaceAll("{id}", encodeURIComponent(id));
}

const numericCode = z.union([
  z.number().int(),
  z.string().regex(/^\d+$/).transform(Number),
]);

/** §5 error envelope: `{"status":"error","code":1001,"error":"Unauthorized","message":"..."}`. */
const errorEnvelopeSchema = z.looseObject({
  status: z.literal("error"),
  code: numericCode.optional(),
  error: z.string().optional(),
  message: z.string().optional(),
});

/** §3 success: `{"message":"video deleted","status":"success"}` (status inferred). */
export const deletedSchema = z
  .looseObject({
    message: z.string().optional(),
    status: z.string().optional(),
  })
  .refine(
    (body) => body.message === "video deleted" || body.status === "success",
  );

/** §4 status look-up, current (`video.id`, opaque `code`) and deprecated (`video.uuid`, `status`). */
const statusSchema = z.looseObject({
  status: z.literal("success").optional(),
  video: z.looseObject({
    id: z.union([z.number(), z.string()]).optional(),
    uuid: z.string().optional(),
    code: z.number().optional(),
    status: z.string().optional(),
    settings: z.looseObject({ prompt: z.string().optional() }).nullish(),
  }),
});

// §5: 1000–1002 and 1005–1007 are credential codes; 1208 is the envelope example's "invalid key".
const AUTH_CODES = new Set([1000, 1001, 1002, 1005, 1006, 1007, 1208]);
const NOT_FOUND_TEXT = /not\s*found|does not exist|no such video/i;
// §8: no in-progress refusal is documented; match the words a refusal would plausibly use.
const IN_PROGRESS_TEXT =
  /\b(processing|pending|in progress|still generating|not (yet )?(finished|ready|completed))\b/i;

export type ReplyKind =
  | "ok"
  | "auth"
  | "throttled"
  | "not_found"
  | "forbidden"
  | "processing"
  | "invalid"
  | "method_not_allowed"
  | "failed";

export interface ImagineReply {
  kind: ReplyKind;
  /** Provider's code (`1100`) or ours (`http_503`, `timeout`); empty for `ok`. */
  code: string;
  message: string;
  retryable: boolean;
  retryAfterMs?: number;
  raw?: string;
  /** Parsed JSON of a 2xx answer that is not an error envelope. */
  body?: unknown;
  /** True when the server answered at all (false for a timeout or broken connection). */
  answered: boolean;
}

/**
 * §6: no documented header says when a 429 ends. `Retry-After` is read by httpRequest; failing
 * that, an `x-ratelimit-reset` header (third-party reports mention `x-ratelimit-*`) is taken as
 * epoch seconds or milliseconds when large, else as seconds from now.
 */
export function rateLimitResetMs(
  headers: Headers,
  now = Date.now(),
): number | undefined {
  const value = Number(headers.get("x-ratelimit-reset") ?? "");
  if (!headers.get("x-ratelimit-reset") || !Number.isFinite(value) || value < 0)
    return undefined;
  if (value > 1e12) return Math.max(0, Math.round(value - now));
  if (value > 1e9) return Math.max(0, Math.round(value * 1000 - now));
  return Math.round(value * 1000);
}

/** Sorts one HTTP answer into the rows of §8's mapping table (first match wins). */
export function classifyImagine(result: HttpResult): ImagineReply {
  if (!result.ok) {
    return {
      kind: "failed",
      code: result.code,
      message: result.message,
      retryable: true,
      answered: false,
    };
  }
  const { status, text } = result;
  const json = tryParseJson(text);
  const parsed = errorEnvelopeSchema.safeParse(json);
  const envelope = parsed.success ? parsed.data : undefined;
  const ok2xx = status >= 200 && status < 300;
  if (ok2xx && !envelope)
    return {
      kind: "ok",
      code: "",
      message: "",
      retryable: false,
      body: json,
      raw: snippet(text),
      answered: true,
    };

  const code = envelope?.code;
  const said = envelope ? (envelope.message ?? envelope.error ?? "") : "";
  const message = said || snippet(text) || `HTTP ${status}`;
  const tagged =
    code === undefined
      ? message
      : `${message} (code ${code}${envelope?.error ? ` ${envelope.error}` : ""})`;
  const base = {
    code: code === undefined ? `http_${status}` : String(code),
    message,
    answered: true,
    ...(envelope ? {} : { raw: snippet(text) }),
  };
  const is4xx = status >= 400 && status < 500;

  if (
    (code !== undefined && AUTH_CODES.has(code)) ||
    status === 401 ||
    status === 406
  ) {
    return { ...base, kind: "auth", message: tagged, retryable: true };
  }
  if (status === 429 || code === 1202) {
    const retryAfterMs =
      result.retryAfterMs ?? rateLimitResetMs(result.headers);
    return {
      ...base,
      kind: "throttled",
      code: "throttled",
      message: tagged,
      retryable: true,
      retryAfterMs,
    };
  }
  if (status === 405)
    return { ...base, kind: "method_not_allowed", retryable: false };
  if (status === 409 || (is4xx && IN_PROGRESS_TEXT.test(said))) {
    return { ...base, kind: "processing", retryable: true };
  }
  // A 404 or 403 without Imagine's envelope is a wrong path or a proxy, not an answer about the
  // video: never report a video gone (or off-limits) on such evidence.
  if (envelope && (status === 404 || (is4xx && NOT_FOUND_TEXT.test(said)))) {
    return { ...base, kind: "not_found", retryable: false };
  }
  if (envelope && status === 403)
    return { ...base, kind: "forbidden", retryable: false };
  if (envelope && status === 400 && (code === undefined || code === 1100)) {
    return { ...base, kind: "invalid", retryable: false };
  }
  const transient = status >= 500 || code === 1200 || code === 1201;
  return { ...base, kind: "failed", retryable: transient };
}

/** §4: the textual status words; unknown words count as in progress. */
function lookupState(word: string): "exists" | "processing" {
  return /^(finished|completed|success|failed|error)$/i.test(word)
    ? "exists"
    : "processing";
}

/** A 2xx status answer → exists or processing; anything unexpected → failed `malformed`. */
export function parseStatusBody(reply: ImagineReply): LookupResult {
  const parsed = statusSchema.safeParse(reply.body);
  if (!parsed.success) {
    return {
      state: "failed",
      code: "malformed",
      message: "unexpected status answer from Imagine.art",
      retryable: true,
      raw: reply.raw,
    };
  }
  const { video } = parsed.data;
  const prompt = video.settings?.prompt;
  const name = prompt ? { name: prompt } : {};
  if (video.status !== undefined)
    return { state: lookupState(video.status), status: video.status, ...name };
  // §4: the current endpoint only has an undocumented numeric `code`; keep it, do not interpret it.
  return {
    state: "exists",
    ...(video.code === undefined ? {} : { status: String(video.code) }),
    ...name,
  };
}
