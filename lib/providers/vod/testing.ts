import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import {
  startSandboxProcess,
  type SandboxProcess,
  NO_FAULTS,
} from "@/lib/testing/sandbox-process";
import {
  createVodAdapter,
  type VodAdapter,
  type VodAdapterConfig,
} from "./adapter";
import type { VodClient } from "./rpc";

// Test-only: the sandbox's VOD fake as seen by the vod*.test.ts contract tests. Never imported by
// production code.

export interface SandboxVideo {
  id: string;
  status: string;
  owner: string;
  deleted: boolean;
  name: string;
}

export interface CallEntry {
  seq: number;
  operation: string;
  ids: string[];
  status: number;
  fault?: string;
}

/** The switches of sandbox/vod/limits.ts as the sandbox starts (our tests restore them). */
export const DEFAULT_LIMITS = {
  deleteVideoQps: 30,
  getVideoInfosQps: 100,
  searchMediaQps: 50,
  idCapMode: "combined",
  omitEmptyLists: true,
  signatureMismatchStatus: 400,
  foreignVisible: true,
} as const;

export interface VodSandbox {
  sandbox: SandboxProcess;
  endpoint: string;
  credentials: { accessKeyId: string; accessKeySecret: string };
  adapter(overrides?: Partial<VodAdapterConfig>): VodAdapter;
  client(overrides?: Partial<VodClient>): VodClient;
  videos(): Promise<SandboxVideo[]>;
  missing(count: number): Promise<string[]>;
  calls(since?: number): Promise<CallEntry[]>;
  lastSeq(): Promise<number>;
  limits(patch: Record<string, unknown>): Promise<void>;
  faults(patch: Record<string, unknown>): Promise<void>;
  /** Fresh world of `count` videos, no faults, default switches. */
  reset(count?: number): Promise<void>;
}

/**
 * Starts one sandbox for the test file; every test starts from a fresh world (`reset()`) and the
 * world is reset again after it.
 */
export function setupVodSandbox(): VodSandbox {
  let sandbox: SandboxProcess;
  let credentials: VodSandbox["credentials"];

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    const all = await sandbox.control<Record<string, unknown>>(
      "GET",
      "credentials",
    );
    credentials = all.vod as VodSandbox["credentials"];
  });
  afterAll(async () => {
    await sandbox.stop();
  });
  beforeEach(async () => {
    await vod.reset();
  });
  afterEach(async () => {
    await vod.reset();
  });

  const calls = (since = 0) =>
    sandbox.control<CallEntry[]>("GET", `calls?provider=vod&since=${since}`);
  const vod: VodSandbox = {
    get sandbox() {
      return sandbox;
    },
    get endpoint() {
      return `${sandbox.url}/vod`;
    },
    get credentials() {
      return credentials;
    },
    adapter: (overrides = {}) =>
      createVodAdapter({
        ...credentials,
        region: "cn-shanghai",
        endpoint: vod.endpoint,
        ...overrides,
      }),
    client: (overrides = {}) => ({
      url: `${vod.endpoint}/`,
      credentials,
      timeoutMs: 5000,
      ...overrides,
    }),
    videos: () => sandbox.control<SandboxVideo[]>("GET", "videos?provider=vod"),
    missing: async (count) =>
      (
        await sandbox.control<{ ids: string[] }>(
          "GET",
          `missing?provider=vod&count=${count}`,
        )
      ).ids,
    calls,
    lastSeq: async () => (await calls()).at(-1)?.seq ?? 0,
    limits: async (patch) => {
      await sandbox.control("PUT", "limits", { provider: "vod", ...patch });
    },
    faults: async (patch) => {
      await sandbox.control("PUT", "faults", { provider: "vod", ...patch });
    },
    reset: async (count = 60) => {
      await sandbox.control("PUT", "faults", {
        provider: "vod",
        ...NO_FAULTS,
      });
      await sandbox.control("PUT", "limits", {
        provider: "vod",
        ...DEFAULT_LIMITS,
      });
      await sandbox.control("POST", "reset", {
        provider: "vod",
        seed: 7,
        count,
      });
    },
  };
  return vod;
}

/** Live videos of this account (`self`) and of another one (`other`), by the sandbox's truth. */
export async function liveIds(
  vod: VodSandbox,
  owner: "console" | "other",
): Promise<string[]> {
  return (await vod.videos())
    .filter((v) => v.owner === owner && !v.deleted)
    .map((v) => v.id);
}

/** Fails the test unless every one of `ids` is still undeleted in the sandbox's true state. */
export async function expectUntouched(
  vod: VodSandbox,
  ids: string[],
): Promise<void> {
  const state = new Map((await vod.videos()).map((v) => [v.id, v]));
  for (const id of ids) expect(state.get(id)?.deleted).toBe(false);
}
