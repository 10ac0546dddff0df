import "server-only";

import { z } from "zod";
import { snippet, tryParseJson, type HttpResult } from "@/lib/providers/http";
import { idFormats } from "../id-formats";

// AKOOL wire format (docs/providers/akool.md §3–§5): every answer, success or business error,
// is HTTP 200 with an int `code` in the body; only a proxy in front of AKOOL answers otherwise.

export const AKOOL_SUCCESS = 1000;
/** §5: parameter error / parameter empty. */
export const AKOOL_BAD_REQUEST = 1003;
/** §5: content does not exist. */
export const AKOOL_NOT_FOUND = 1008;
/** §5: no permission to operate. */
export const AKOOL_NO_PERMISSION = 1009;
/** §5: invalid authorization, or request token expired (the Bearer flow refreshes once on it). */
export const AKOOL_TOKEN_REJECTED = 1101;
/** §5: 1101 invalid/expired authorization, 1102 authorization empty, 1200 account banned. */
const AUTH_CODES = new Set([AKOOL_TOKEN_REJECTED, 1102, 1200]);

/** §5: `data` may be null, `{}` or absent on errors [unknown], so it is not required here. */
export const akoolEnvelopeSchema = z.object({
  code: z.number().int(),
  msg: z.string().nullish(),
  data: z.unknown().optional(),
});

/** §2: the token sits at top level, not under `data`. */
export const akoolTokenSchema = akoolEnvelopeSchema.extend({
  token: z.string().min(1).optional(),
});

/** §3: `successIds` and `noPermissionItems`; parsed tolerantly when one list is left out. */
export const akoolDeleteDataSchema = z.object({
  successIds: z.array(z.string()).nullish(),
  noPermissionItems: z
    .array(z.object({ _id: z.string(), msg: z.string().nullish() }))
    .nullish(),
});

/** §4: only the fields the console uses; the rest of each record is ignored. */
export const akoolResultsDataSchema = z.object({
  result: z.array(
    z.object({
      _id: z.string(),
      status: z.number().int(),
      file_name: z.string().nullish(),
    }),
  ),
});

export type AkoolEnvelope = z.infer<typeof akoolEnvelopeSchema>;

/** Why a call produced no usable answer; turned into per-ID outcomes by the caller. */
export interface AkoolFailure {
  /** `auth`, `throttled`, `timeout`, `network`, `malformed`, `http_<status>` or the AKOOL code. */
  code: string;
  message: string;
  retryable: boolean;
  /** The AKOOL business code, when the body carried one. */
  providerCode?: number;
  retryAfterMs?: number;
  raw?: string;
}

export type AkoolAnswer =
  | { ok: true; envelope: AkoolEnvelope; text: string }
  | { ok: false; failure: AkoolFailure };

export function authFailure(
  providerMessage: string,
  raw?: string,
): AkoolFailure {
  return {
    code: "auth",
    message: `credentials rejected by Akool: ${providerMessage}`,
    retryable: true,
    ...(raw === undefined ? {} : { raw }),
  };
}

export function malformedFailure(status: number, text: string): AkoolFailure {
  return {
    code: "malformed",
    message: `Akool answered HTTP ${status} with a body the adapter does not understand`,
    retryable: true,
    raw: snippet(text),
  };
}

/**
 * A non-1000 business code (§5, §8). Auth codes become `auth` (retryable, docs/design.md §4: a bad key
 * must never mark videos forbidden); 1003 is our bad input and is not retried; 1015 and codes the
 * doc does not list are retried. 1008/1009 keep their code so the caller can map them per ID.
 */
export function businessFailure(
  envelope: AkoolEnvelope,
  text: string,
): AkoolFailure {
  const message = envelope.msg || `Akool code ${envelope.code}`;
  if (AUTH_CODES.has(envelope.code)) {
    return {
      ...authFailure(message, snippet(text)),
      providerCode: envelope.code,
    };
  }
  return {
    code: String(envelope.code),
    message,
    retryable: envelope.code !== AKOOL_BAD_REQUEST,
    providerCode: envelope.code,
    raw: snippet(text),
  };
}

/**
 * Reads one HTTP answer. §5: the body is parsed whatever the status, but a 429 or 5xx comes from a
 * proxy (AKOOL documents neither), and a body that is not the envelope is `malformed` on 2xx or
 * `http_<status>` otherwise; all of those are retryable. A business code other than 1000 is
 * returned as an envelope for the caller to classify (it may refresh a token on 1101).
 */
export function readAkoolAnswer(result: HttpResult): AkoolAnswer {
  if (!result.ok) {
    return {
      ok: false,
      failure: { code: result.code, message: result.message, retryable: true },
    };
  }
  const { status, text, retryAfterMs } = result;
  const after = retryAfterMs === undefined ? {} : { retryAfterMs };
  if (status === 429) {
    const message = "Akool is throttling requests (HTTP 429)";
    return {
      ok: false,
      failure: {
        code: "throttled",
        message,
        retryable: true,
        raw: snippet(text),
        ...after,
      },
    };
  }
  const httpFailure: AkoolAnswer = {
    ok: false,
    failure: {
      code: `http_${status}`,
      message: `Akool answered HTTP ${status}`,
      retryable: true,
      raw: snippet(text),
      ...after,
    },
  };
  if (status >= 500) return httpFailure;
  const parsed = akoolEnvelopeSchema.safeParse(tryParseJson(text));
  if (parsed.success) return { ok: true, envelope: parsed.data, text };
  if (status >= 200 && status < 300)
    return { ok: false, failure: malformedFailure(status, text) };
  return httpFailure;
}

/** §8: the reason text is the only per-ID signal; "processing" is documented, the rest is not. */
export function classifyRejection(
  msg: string,
): "processing" | "not_found" | "forbidden" {
  if (/processing/i.test(msg)) return "processing";
  // §3 leaves the wording for a missing ID [unknown]; the sandbox's reading is "does not exist".
  if (
    /not[\s_-]*exist|doesn'?t exist|non-?existent|not[\s_-]*found|no such|already deleted/i.test(
      msg,
    )
  ) {
    return "not_found";
  }
  return "forbidden";
}

/** §7: IDs are ObjectIds; upper-case input is accepted and sent lower-cased [inferred]. */
export const AKOOL_ID_PATTERN = idFormats.akool.pattern;
