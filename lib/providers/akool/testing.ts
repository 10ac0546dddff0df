// Test-only helpers shared by the akool*.test.ts files: the sandbox process, its control API and
// the AKOOL adapter built against it; and a scripted AKOOL for answers the sandbox never gives.
// Never imported by production code.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import {
  createAkoolAdapter,
  type AkoolAdapterConfig,
} from "@/lib/providers/akool/adapter";
import {
  startSandboxProcess,
  type SandboxProcess,
  NO_FAULTS,
} from "@/lib/testing/sandbox-process";

export interface AkoolVideo {
  id: string;
  /** akool.md §7 status as text: "1" queueing, "2" processing, "3" completed, "4" failed. */
  status: string;
  owner: string;
  deleted: boolean;
  name: string;
}

export interface AkoolCall {
  seq: number;
  operation: string;
  ids: string[];
  status: number;
  fault?: string;
}

export interface AkoolCredentials {
  apiKey: string;
  clientId: string;
  clientSecret: string;
}

/** Starts one sandbox for the test file; every test starts from a fresh world, no faults, default limits. */
export function setupAkoolSandbox() {
  let sandbox: SandboxProcess;
  let credentials: AkoolCredentials;
  let defaultLimits: Record<string, unknown>;
  let since = 0;

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    credentials = (
      await sandbox.control<{ akool: AkoolCredentials }>("GET", "credentials")
    ).akool;
    defaultLimits = (
      await sandbox.control<{ akool: Record<string, unknown> }>("GET", "limits")
    ).akool;
  });
  afterAll(() => sandbox?.stop());
  afterEach(async () => {
    await sandbox.control("PUT", "faults", { provider: "akool", ...NO_FAULTS });
    await sandbox.control("PUT", "limits", {
      provider: "akool",
      ...defaultLimits,
    });
    await sandbox.control("POST", "reset", { provider: "akool" });
  });

  beforeEach(() => env.mark());

  const env = {
    get url() {
      return sandbox.url;
    },
    get credentials() {
      return credentials;
    },
    adapter(extra: Partial<AkoolAdapterConfig> = {}) {
      return createAkoolAdapter({
        baseUrl: `${sandbox.url}/akool`,
        apiKey: credentials.apiKey,
        timeoutMs: 5_000,
        ...extra,
      });
    },
    videos: () => sandbox.control<AkoolVideo[]>("GET", "videos?provider=akool"),
    async video(id: string): Promise<AkoolVideo> {
      const found = (await env.videos()).find((v) => v.id === id);
      if (!found) throw new Error(`no sandbox video ${id}`);
      return found;
    },
    /** `count` live videos matching `owner`/`status`; fails the test when the world has too few. */
    async pick(
      count: number,
      owner: string,
      status?: string,
    ): Promise<AkoolVideo[]> {
      const found = (await env.videos()).filter(
        (v) =>
          !v.deleted &&
          v.owner === owner &&
          (status === undefined || v.status === status),
      );
      expect(found.length).toBeGreaterThanOrEqual(count);
      return found.slice(0, count);
    },
    async missing(count: number): Promise<string[]> {
      return (
        await sandbox.control<{ ids: string[] }>(
          "GET",
          `missing?provider=akool&count=${count}`,
        )
      ).ids;
    },
    limits: (patch: Record<string, unknown>) =>
      sandbox.control("PUT", "limits", { provider: "akool", ...patch }),
    faults: (patch: Partial<typeof NO_FAULTS>) =>
      sandbox.control("PUT", "faults", { provider: "akool", ...patch }),
    /** Marks "now" in the call log; `calls()` then returns only the calls made after it. */
    async mark() {
      const all = await sandbox.control<AkoolCall[]>(
        "GET",
        "calls?provider=akool",
      );
      since = all.at(-1)?.seq ?? since;
    },
    calls: () =>
      sandbox.control<AkoolCall[]>(
        "GET",
        `calls?provider=akool&since=${since}`,
      ),
    async operations() {
      return (await env.calls()).map((c) => c.operation);
    },
  };
  return env;
}

export const AKOOL_PATHS = {
  delete: "/api/open/v4/image2Video/delbyids",
  lookup: "/api/open/v4/image2Video/resultsByIds",
  token: "/api/open/v3/getToken",
} as const;

export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

export interface SeenRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** Two well-formed AKOOL IDs (24 hex) for the scripted AKOOL's answers. */
export const SCRIPTED_IDS = [
  "68919a464b4dbdd4ab3d3034",
  "6891a07f5d612f78c9204f1c",
] as const;

export const jsonReply = (body: unknown, status = 200): ScriptedReply => ({
  status,
  body,
});
export const deleteReply = (
  successIds: string[],
  noPermissionItems: { _id: string; msg: string }[] = [],
) =>
  jsonReply({
    code: 1000,
    msg: "Delete successfully",
    data: { successIds, noPermissionItems },
  });
export const resultsReply = (...records: { _id: string; status: number }[]) =>
  jsonReply({
    code: 1000,
    msg: "OK",
    data: { result: records.map((r) => ({ ...r, file_name: `${r._id}.mp4` })) },
  });

/**
 * A local HTTP server playing AKOOL from a script (per path; the last reply repeats), recording
 * what the adapter sent. Script and record are cleared before each test.
 */
export function setupScriptedAkool() {
  let server: Server;
  let baseUrl = "";
  let script: Record<string, ScriptedReply[]> = {};
  const seen: SeenRequest[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      req.on("end", () => {
        const path = req.url ?? "";
        seen.push({
          path,
          headers: req.headers,
          body: raw ? JSON.parse(raw) : undefined,
        });
        const queue = script[path] ?? [
          jsonReply({ code: 9999, msg: "unscripted" }),
        ];
        const next = queue.length > 1 ? queue.shift()! : queue[0]!;
        res.writeHead(next.status ?? 200, {
          "content-type": "application/json",
          ...next.headers,
        });
        res.end(
          typeof next.body === "string" ? next.body : JSON.stringify(next.body),
        );
      });
    });
    await new Promise<void>((resolve) =>
      server.listen(0, "127.0.0.1", resolve),
    );
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    script = {};
    seen.length = 0;
  });

  return {
    seen,
    answer(path: string, ...replies: ScriptedReply[]) {
      script[path] = replies;
    },
    adapter: (extra: Partial<AkoolAdapterConfig> = {}) =>
      createAkoolAdapter({
        baseUrl,
        apiKey: "key-1",
        timeoutMs: 2_000,
        ...extra,
      }),
  };
}
