import "server-only";
import { z } from "zod";
import { httpRequest, snippet, tryParseJson, type HttpResult } from "../http";
import type { RateBudgets, RateGate } from "../rate-budget";
import { pace } from "./pacer";

// memories.ai wire basics: paths per doc generation, the `{code, msg, data}` envelope, and how an
// answer becomes a failure. Source: docs/providers/memories.md §1–§5.

export type MemoriesApiVersion = "v1" | "v1.1";
export type MemoriesEndpoint = "delete" | "list";

export interface WireContext {
  baseUrl: string;
  apiKey: string;
  uniqueId: string;
  apiVersion: MemoriesApiVersion;
  timeoutMs: number;
  /** Rate-limit lane of this account (pacer.ts), used when no gate is given. */
  paceKey: string;
  /** The shared budgets (rate-budget.ts): when set, each request awaits the gate, not the pacer. */
  rate?: { gate: RateGate; budgets: RateBudgets };
}

/** A failure in the shape of OutcomeResult's failure fields. */
export interface Failure {
  code: string;
  message: string;
  retryable: boolean;
  retryAfterMs?: number;
  raw?: string;
}

// §1: v1 (`/serve/api/v1/...`) is current; v1.1 (`/serve/api/video/...`) is the deprecated fallback.
const PATHS: Record<MemoriesApiVersion, Record<MemoriesEndpoint, string>> = {
  v1: {
    delete: "/serve/api/v1/delete_videos",
    list: "/serve/api/v1/list_videos",
  },
  "v1.1": {
    delete: "/serve/api/video/delete_videos",
    list: "/serve/api/video/list_videos",
  },
};

// §5: `code` is a four-character string. A number is tolerated (the V2 asset API uses integers).
const codeSchema = z
  .union([z.string().min(1), z.number().int().nonnegative()])
  .transform((code) =>
    typeof code === "number" ? String(code).padStart(4, "0") : code,
  );

const envelopeSchema = z.object({
  code: codeSchema,
  msg: z.string().nullish(),
  data: z.unknown().optional(),
});

// §4: v1 sends JSON numbers, v1.1 sends every number as a string; both are read either way.
const numeric = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

export const wireVideoSchema = z.object({
  video_no: z.string().min(1),
  video_name: z.string().nullish(),
  status: z.string().min(1),
  create_time: numeric.nullish(),
});
export type WireVideo = z.infer<typeof wireVideoSchema>;

export const listDataSchema = z.object({
  total_count: numeric,
  videos: z.array(wireVideoSchema).nullish(),
});

// §3: `data` is null in the prose example and `{}` in the curl sample; accept both (and absence).
export const deleteDataSchema = z
  .union([z.null(), z.record(z.string(), z.unknown())])
  .optional();

/** §2/§5: "0401" authorization invalid, "9009" permission denied, "0403" developer account disabled. */
const AUTH_CODES = new Set(["0401", "9009", "0403"]);
/** §5: bad input ("0001", "0003") and "0402" not enough credits: repeating will not help. */
const PERMANENT_CODES = new Set(["0001", "0003", "0402"]);

export type Answer =
  | { ok: true; code: string; msg: string; data: unknown; text: string }
  | { ok: false; failure: Failure };

export function malformed(text: string, why: string): Failure {
  return {
    code: "malformed",
    message: `unexpected response from memories.ai: ${why}`,
    retryable: true,
    raw: snippet(text),
  };
}

/** A business code other than "0000" (auth and "0429" are handled in readAnswer). */
export function codeFailure(code: string, msg: string): Failure {
  return {
    code,
    message: msg || `memories.ai answered code ${code}`,
    retryable: !PERMANENT_CODES.has(code),
  };
}

/**
 * Classifies one HTTP result. Errors usually come as HTTP 200 with a code, but a bad key may be
 * HTTP 401 instead (§2, [unknown]): both are `auth`, retryable, so that the run pauses instead of
 * marking videos forbidden (docs/design.md §4; this overrides §8's "forbidden, not retryable").
 */
export function readAnswer(result: HttpResult): Answer {
  if (!result.ok) {
    return {
      ok: false,
      failure: { code: result.code, message: result.message, retryable: true },
    };
  }
  const { status, text } = result;
  const parsed = envelopeSchema.safeParse(tryParseJson(text));
  const envelope = parsed.success ? parsed.data : undefined;
  const said = envelope
    ? `${envelope.code} ${envelope.msg ?? ""}`.trim()
    : snippet(text) || "(empty body)";
  const fail = (failure: Failure): Answer => ({ ok: false, failure });

  if (
    status === 401 ||
    status === 403 ||
    (envelope && AUTH_CODES.has(envelope.code))
  ) {
    const providerMessage = envelope
      ? `${envelope.msg || "no message"} (code ${envelope.code})`
      : said;
    return fail({
      code: "auth",
      message: `credentials rejected by memories.ai: ${providerMessage} [HTTP ${status}]`,
      retryable: true,
    });
  }
  // §6: over the limit is code "0429" in an HTTP 200; an HTTP 429 is read the same way.
  if (status === 429 || envelope?.code === "0429") {
    return fail({
      code: "throttled",
      message: `rate limit exceeded: ${said}`,
      retryable: true,
      ...(result.retryAfterMs !== undefined
        ? { retryAfterMs: result.retryAfterMs }
        : {}),
    });
  }
  // §5: only 200 is documented; treat any other status as a failure, 5xx retryable.
  if (status < 200 || status >= 300) {
    return fail({
      code: `http_${status}`,
      message: `HTTP ${status} from memories.ai: ${said}`,
      retryable: status >= 500 || status === 408,
      ...(envelope ? {} : { raw: snippet(text) }),
    });
  }
  if (!envelope)
    return fail(malformed(text, "not the {code, msg, data} envelope"));
  return {
    ok: true,
    code: envelope.code,
    msg: envelope.msg ?? "",
    data: envelope.data,
    text,
  };
}

/**
 * One POST to the endpoint of the configured doc generation (§2: raw key, no `Bearer `), within
 * the endpoint's budget (§6): the shared gate when the adapter has one, else this process's pacer.
 */
export async function callMemories(
  ctx: WireContext,
  endpoint: MemoriesEndpoint,
  body: unknown,
  query: Record<string, string> = {},
): Promise<Answer> {
  const url = new URL(`${ctx.baseUrl}${PATHS[ctx.apiVersion][endpoint]}`);
  for (const [name, value] of Object.entries(query))
    url.searchParams.set(name, value);
  const send = () =>
    httpRequest(url.toString(), {
      method: "POST",
      headers: {
        Authorization: ctx.apiKey,
        "Content-Type": "application/json",
        Accept: "application/json",
      },
      body: JSON.stringify(body),
      timeoutMs: ctx.timeoutMs,
    });
  if (ctx.rate) {
    // list_videos serves both look-ups and library pages: one budget (adapter.ts).
    await ctx.rate.gate(ctx.rate.budgets[endpoint]);
    return readAnswer(await send());
  }
  return readAnswer(await pace(`${ctx.paceKey}|${endpoint}`, send));
}
