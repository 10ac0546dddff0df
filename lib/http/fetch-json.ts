// Browser-side fetch for our own route handlers: only throws, typed with our error code; the
// caller decides whether that is a toast, an inline message or a row status (docs/style.md §3).
import type { ErrorCode } from "./errors";

export class FetchError extends Error {
  override name = "FetchError";
  constructor(
    readonly status: number,
    readonly code: ErrorCode | "network",
    message: string,
  ) {
    super(message);
  }
}

export async function fetchJson<T>(
  url: string,
  init: RequestInit & { json?: unknown } = {},
): Promise<T> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set("content-type", "application/json");
  let response: Response;
  try {
    response = await fetch(url, {
      ...rest,
      headers,
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  } catch {
    throw new FetchError(0, "network", "Could not reach the server.");
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as {
    error?: { code: ErrorCode; message: string };
  } | null;
  if (!response.ok) {
    throw new FetchError(
      response.status,
      body?.error?.code ?? "internal",
      body?.error?.message ?? `Request failed with HTTP ${response.status}.`,
    );
  }
  return body as T;
}
