import "server-only";

import { z } from "zod";
import {
  AKOOL_BAD_REQUEST,
  AKOOL_SUCCESS,
  AKOOL_TOKEN_REJECTED,
  akoolTokenSchema,
  authFailure,
  businessFailure,
  malformedFailure,
  readAkoolAnswer,
  type AkoolAnswer,
  type AkoolFailure,
} from "@/lib/providers/akool/wire";
import { httpRequest, snippet, tryParseJson } from "@/lib/providers/http";

// AKOOL authentication (docs/providers/akool.md §2): `x-api-key: <API key>`, or the legacy
// clientId/clientSecret → `POST /api/open/v3/getToken` → `Authorization: Bearer <JWT>`. §2: when
// both headers are sent AKOOL uses Authorization, so a stale token would fail a request that
// carries a valid key. This client therefore sends exactly one of the two, never both.

export const AKOOL_TOKEN_PATH = "/api/open/v3/getToken";
/** Refresh this long before `exp` (capped at a tenth of the token's life) to absorb clock skew. */
const MAX_EARLY_REFRESH_MS = 60_000;

export interface AkoolClientOptions {
  baseUrl: string;
  timeoutMs: number;
  apiKey?: string;
  clientId?: string;
  clientSecret?: string;
  now: () => number;
  /** Awaited before every request, getToken included, with its path (the rate budget). */
  beforeRequest?: (path: string) => Promise<void>;
}

export interface AkoolClient {
  mode: "api_key" | "token";
  /**
   * POSTs JSON with the credentials. `ok` only for business code 1000; everything else arrives
   * classified. In token mode a 1101 answer (invalid or expired token) drops the cached token and
   * the call is sent once more with a fresh one: AKOOL refused it before acting, so resending a
   * delete is safe.
   */
  post(path: string, body: unknown): Promise<AkoolAnswer>;
}

type TokenResult =
  { ok: true; token: string } | { ok: false; failure: AkoolFailure };

const jwtClaimsSchema = z.object({ exp: z.number().optional() });

/** §2: the token is a JWT; its `exp` (seconds) says when to refresh. Undecodable → no expiry known. */
export function akoolTokenExpiryMs(token: string): number | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  const claims = jwtClaimsSchema.safeParse(
    tryParseJson(Buffer.from(payload, "base64url").toString("utf8")),
  );
  return claims.success && claims.data.exp !== undefined
    ? claims.data.exp * 1000
    : undefined;
}

export function createAkoolClient(options: AkoolClientOptions): AkoolClient {
  const { apiKey, clientId, clientSecret, timeoutMs, now } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const mode = clientId && clientSecret ? "token" : "api_key";
  if (mode === "api_key" && !apiKey) {
    throw new Error(
      "Akool adapter needs an apiKey, or both clientId and clientSecret",
    );
  }
  let cached: { token: string; refreshAt: number } | undefined;
  let pending: Promise<TokenResult> | undefined;

  const send = async (
    path: string,
    headers: Record<string, string>,
    body: unknown,
  ) => {
    await options.beforeRequest?.(path);
    return httpRequest(`${baseUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
      timeoutMs,
    });
  };

  async function fetchToken(): Promise<TokenResult> {
    const answer = readAkoolAnswer(
      await send(AKOOL_TOKEN_PATH, {}, { clientId, clientSecret }),
    );
    if (!answer.ok) return answer;
    const parsed = akoolTokenSchema.safeParse(tryParseJson(answer.text));
    if (!parsed.success)
      return { ok: false, failure: malformedFailure(200, answer.text) };
    const { code, msg, token } = parsed.data;
    if (code !== AKOOL_SUCCESS) {
      // §2: getToken's errors are [unknown]; a parameter error here can only mean the client
      // credentials themselves are missing or wrong, so it is a credential failure too.
      const failure =
        code === AKOOL_BAD_REQUEST
          ? {
              ...authFailure(msg || `Akool code ${code}`, snippet(answer.text)),
              providerCode: code,
            }
          : businessFailure(parsed.data, answer.text);
      return { ok: false, failure };
    }
    if (!token)
      return { ok: false, failure: malformedFailure(200, answer.text) };
    const receivedAt = now();
    const expiresAt = akoolTokenExpiryMs(token);
    const refreshAt =
      expiresAt === undefined
        ? Number.POSITIVE_INFINITY
        : expiresAt -
          Math.min(
            MAX_EARLY_REFRESH_MS,
            Math.max(0, (expiresAt - receivedAt) / 10),
          );
    cached = { token, refreshAt };
    return { ok: true, token };
  }

  /** §2: the token is long-lived and meant to be reused; concurrent callers share one exchange. */
  function currentToken(): Promise<TokenResult> {
    if (cached && now() < cached.refreshAt)
      return Promise.resolve({ ok: true, token: cached.token });
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  async function post(path: string, body: unknown): Promise<AkoolAnswer> {
    for (let attempt = 0; ; attempt++) {
      let headers: Record<string, string>;
      let token: string | undefined;
      if (mode === "token") {
        const current = await currentToken();
        if (!current.ok) return current;
        token = current.token;
        headers = { authorization: `Bearer ${token}` };
      } else {
        headers = { "x-api-key": apiKey! };
      }
      const answer = readAkoolAnswer(await send(path, headers, body));
      if (!answer.ok) return answer;
      const { envelope, text } = answer;
      if (envelope.code === AKOOL_SUCCESS) return answer;
      if (token && envelope.code === AKOOL_TOKEN_REJECTED && attempt === 0) {
        if (cached?.token === token) cached = undefined;
        continue;
      }
      return { ok: false, failure: businessFailure(envelope, text) };
    }
  }

  return { mode, post };
}
