import "server-only";
import {
  startSandboxProcess,
  type SandboxProcess,
} from "@/lib/testing/sandbox-process";
import {
  createVodAdapter,
  type VodAdapter,
  type VodAdapterConfig,
} from "./vod";
import type { VodClient } from "./vod-rpc";

// Test-only: the sandbox's VOD fake as seen by the vod*.test.ts contract tests.

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

/** The switches of sandbox/vod-limits.ts as the sandbox starts (our tests restore them). */
export const DEFAULT_LIMITS = {
  deleteVideoQps: 30,
  getVideoInfosQps: 100,
  searchMediaQps: 50,
  idCapMode: "combined",
  omitEmptyLists: true,
  signatureMismatchStatus: 400,
  foreignVisible: true,
} as const;

export const NO_FAULTS = {
  provider: "vod",
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  throttleRate: 0,
  malformedRate: 0,
  hangRate: 0,
  resetRate: 0,
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

export async function startVodSandbox(): Promise<VodSandbox> {
  const sandbox = await startSandboxProcess();
  const all = await sandbox.control<Record<string, unknown>>(
    "GET",
    "credentials",
  );
  const credentials = all.vod as VodSandbox["credentials"];
  const endpoint = `${sandbox.url}/vod`;
  const calls = (since = 0) =>
    sandbox.control<CallEntry[]>("GET", `calls?provider=vod&since=${since}`);
  return {
    sandbox,
    endpoint,
    credentials,
    adapter: (overrides = {}) =>
      createVodAdapter({
        ...credentials,
        region: "cn-shanghai",
        endpoint,
        ...overrides,
      }),
    client: (overrides = {}) => ({
      url: `${endpoint}/`,
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
      await sandbox.control("PUT", "faults", NO_FAULTS);
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
