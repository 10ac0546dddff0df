// Test-only helpers shared by the akool/*.test.ts files: the sandbox and the AKOOL adapter built
// against it; and a scripted AKOOL for answers the sandbox never gives. Never imported by
// production code.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import {
  createAkoolAdapter,
  type AkoolAdapterConfig,
} from "@/lib/providers/akool/adapter";
import {
  apiKeyAdapter,
  foreign,
  owned,
  providerKit,
  type FaultReadings,
  type ProviderSandbox,
} from "@/lib/testing/provider-sandbox";

export interface SandboxCredentials {
  apiKey: string;
  clientId: string;
  clientSecret: string;
}

/** The fake's own switches (sandbox/akool/limits.ts DEFAULT_AKOOL_LIMITS); each test starts from them. */
export const DEFAULT_LIMITS = {
  batchCap: 100,
  tokenTtlMs: 366 * 24 * 60 * 60 * 1000,
  missingIdMode: "no_permission",
  missingIdMsg: "video resource does not exist",
  foreignIdMode: "no_permission",
  foreignIdMsg: "no permission to operate this video resource",
  blockedStatuses: [2],
  bearerAcceptsApiKey: false,
  banned: false,
} as const;

/**
 * Starts one sandbox for the test file (or uses `sandbox`). Every test starts from a world of 60
 * videos (`seed`, default 1), no faults, `DEFAULT_LIMITS` and a fresh mark in the call log.
 */
export const setupSandbox = providerKit(
  { provider: "akool", seed: 1, limits: DEFAULT_LIMITS },
  (kit: ProviderSandbox<SandboxCredentials>) => ({
    adapter: apiKeyAdapter(kit, createAkoolAdapter),
  }),
);

/**
 * `owned(status)`: the console's own videos; `status` is akool.md §7's as text: "1" queueing,
 * "2" processing, "3" completed, "4" failed. `foreign`: another account's videos.
 */
export { foreign, owned };

/** The faults of ../adapter-faults.test.ts; akool.md §5: proxy answers are HTML pages. */
export const FAULT_READINGS: FaultReadings = {
  deletable: owned("3"),
  operations: { delete: "delete", lookup: "lookup" },
  perId: false,
  throttle: {
    status: 429,
    message: "Akool is throttling requests (HTTP 429)",
    raw: expect.stringContaining("429 Too Many Requests"),
  },
  server_error: {
    status: 502,
    code: "http_502",
    message: "Akool answered HTTP 502",
    raw: expect.stringContaining("502 Bad Gateway"),
  },
  malformed: {
    status: 200,
    message:
      "Akool answered HTTP 200 with a body the adapter does not understand",
    raw: '{"code":1000,"msg":"Delete successfully","data":{"successIds":["68',
  },
  // AKOOL's own refusals are codes in an HTTP 200 answer.
  auth: {
    status: 200,
    message: "credentials rejected by Akool: invalid authorization",
    raw: '{"code":1101,"msg":"invalid authorization"}',
  },
};

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
