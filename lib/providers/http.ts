import "server-only";

// Shared HTTP plumbing for the adapters: every call has a timeout, `Retry-After` is read, and
// transport failures are classified (retryable or not) instead of thrown.

export const DEFAULT_TIMEOUT_MS = 15_000;
const SNIPPET_CHARS = 300;

export type HttpResult =
  | {
      ok: true;
      status: number;
      headers: Headers;
      text: string;
      retryAfterMs?: number;
    }
  | {
      ok: false;
      code: "timeout" | "network";
      message: string;
      retryable: true;
    };

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(
  value: string | null,
  now = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0)
    return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > SNIPPET_CHARS
    ? `${flat.slice(0, SNIPPET_CHARS)}…`
    : flat;
}

/**
 * fetch with an AbortSignal timeout. Any HTTP status is a result (the adapter reads the body:
 * providers put errors in 200s and throttling in 400s); only a timeout or a broken connection
 * is a failure, and both are retryable because the provider may not have seen the request.
 */
export async function httpRequest(
  url: string,
  init: RequestInit & { timeoutMs?: number } = {},
): Promise<HttpResult> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, ...rest } = init;
  try {
    const response = await fetch(url, {
      ...rest,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "manual",
    });
    const text = await response.text();
    return {
      ok: true,
      status: response.status,
      headers: response.headers,
      text,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
    };
  } catch (error) {
    const name = (error as Error).name;
    if (name === "TimeoutError" || name === "AbortError") {
      return {
        ok: false,
        code: "timeout",
        message: `No answer within ${timeoutMs} ms.`,
        retryable: true,
      };
    }
    const cause = (error as { cause?: { code?: string; message?: string } })
      .cause;
    return {
      ok: false,
      code: "network",
      message: `Connection failed: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
      retryable: true,
    };
  }
}

/** JSON.parse that returns undefined instead of throwing (the caller then zod-fails to `malformed`). */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The same failed outcome for every ID of a batch (auth, throttling, transport errors). */
export function failAll<T>(ids: string[], result: T): Map<string, T> {
  return new Map(ids.map((id) => [id, result]));
}
