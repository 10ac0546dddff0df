// Shared by the sandbox's own tests: real HTTP against an in-process sandbox, no mocks.
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import type { CallEntry } from "./call-log";
import type { SandboxOptions } from "./core";
import { NO_FAULTS } from "./faults";
import { startSandbox, type RunningSandbox } from "./server";
import type { ProviderName, VideoState } from "./types";

export const AKOOL_DELETE = "/api/open/v4/image2Video/delbyids";
export const AKOOL_LOOKUP = "/api/open/v4/image2Video/resultsByIds";
export const AKOOL_KEY = { "x-api-key": "sandbox-akool-key" };
export const AKOOL_CLIENT = {
  clientId: "sandbox-akool-client",
  clientSecret: "sandbox-akool-secret",
};
export const IMAGINE_AUTH = { authorization: "Bearer vk-sandbox-imagine-key" };

export interface JsonReply<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body, or undefined when the body is not JSON. */
  json: T;
}

export async function request<T = unknown>(
  url: string,
  init: RequestInit = {},
): Promise<JsonReply<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json: json as T };
}

/**
 * Starts one sandbox for the file and returns its base URL through a getter. Before each test every
 * world is reset; after it all faults are cleared and every provider's switches are put back as the
 * sandbox started (`options.limits` included).
 */
export function setupSandbox(options: SandboxOptions): {
  readonly url: string;
} {
  let running: RunningSandbox | undefined;
  let startLimits: Record<string, Record<string, unknown> | null> = {};
  const handle = {
    get url() {
      if (!running) throw new Error("sandbox not started");
      return running.url;
    },
  };
  beforeAll(async () => {
    running = await startSandbox({ port: 0, ...options });
    startLimits = (
      await control<typeof startLimits>(running.url, "GET", "limits")
    ).json;
  });
  afterAll(() => running?.close());
  beforeEach(() => control(handle.url, "POST", "reset", {}));
  afterEach(async () => {
    await control(handle.url, "PUT", "faults", NO_FAULTS);
    for (const [provider, limits] of Object.entries(startLimits)) {
      if (!limits) continue;
      const put = await setLimits(handle.url, provider as ProviderName, limits);
      if (put.status !== 200)
        throw new Error(`restoring ${provider}'s limits: ${put.text}`);
    }
  });
  return handle;
}

/** Calls `/__sandbox/<path>` with an optional JSON body. */
export function control<T = unknown>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
) {
  const json = body === undefined ? {} : { body: JSON.stringify(body) };
  return request<T>(`${base}/__sandbox/${path}`, { method, ...json });
}

/** `PUT /__sandbox/limits` for one provider; switches left out keep their value. */
export function setLimits(
  base: string,
  provider: ProviderName,
  patch: Record<string, unknown>,
) {
  return control(base, "PUT", "limits", { provider, ...patch });
}

export async function videos<T extends VideoState = VideoState>(
  base: string,
  provider: ProviderName,
): Promise<T[]> {
  return (await control<T[]>(base, "GET", `videos?provider=${provider}`)).json;
}

export async function missingIds(
  base: string,
  provider: ProviderName,
  count = 1,
): Promise<string[]> {
  return (
    await control<{ ids: string[] }>(
      base,
      "GET",
      `missing?provider=${provider}&count=${count}`,
    )
  ).json.ids;
}

export async function calls(base: string, query = ""): Promise<CallEntry[]> {
  return (await control<CallEntry[]>(base, "GET", `calls${query}`)).json;
}

/** First video matching every given field; fails the test loudly when the seed has none. */
export function findVideo<T extends VideoState>(
  list: T[],
  where: Partial<T>,
): T {
  const found = list.find((v) =>
    Object.entries(where).every(([k, val]) => v[k as keyof T] === val),
  );
  if (!found) throw new Error(`no video with ${JSON.stringify(where)}`);
  return found;
}

/** A live video of the console's account in the given status. */
export async function ownVideo<T extends VideoState = VideoState>(
  base: string,
  provider: ProviderName,
  status: string,
): Promise<T> {
  return findVideo(await videos<T>(base, provider), {
    owner: "console",
    status,
    deleted: false,
  } as Partial<T>);
}

export async function isDeleted(
  base: string,
  provider: ProviderName,
  id: string,
): Promise<boolean> {
  return findVideo(await videos(base, provider), { id }).deleted;
}

/** AKOOL's answer envelope (akool.md §5) as the tests read it. */
export interface AkoolReply {
  code: number;
  msg?: string;
  token?: string;
  data?: {
    successIds?: string[];
    noPermissionItems?: { _id: string; msg: string }[];
    result?: Record<string, unknown>[];
  };
}

/** POSTs `body` (JSON unless already text) to an AKOOL path, with the API key unless `headers`. */
export function akoolPost(
  base: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = AKOOL_KEY,
): Promise<JsonReply<AkoolReply>> {
  return request<AkoolReply>(`${base}/akool${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export function akoolDelete(
  base: string,
  ids: string,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(`${base}/akool${AKOOL_DELETE}`, {
    method: "POST",
    headers: { ...AKOOL_KEY, "content-type": "application/json" },
    body: JSON.stringify({ _ids: ids }),
    ...init,
  });
}

export function imagineDelete(
  base: string,
  id: string,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(`${base}/imagine/v2/video/delete/${id}`, {
    method: "DELETE",
    headers: IMAGINE_AUTH,
    ...init,
  });
}
