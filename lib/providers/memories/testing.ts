import { afterAll, beforeAll, beforeEach } from "vitest";
import {
  startSandboxProcess,
  type SandboxProcess,
  NO_FAULTS,
} from "@/lib/testing/sandbox-process";
import { createMemoriesAdapter, type MemoriesAdapterConfig } from "./adapter";

// Test-only: the sandbox process plus the few control calls the memories adapter tests share.
// Never imported by production code.

export interface SandboxVideo {
  id: string;
  status: string;
  owner: string;
  deleted: boolean;
  name: string;
}

export interface SandboxCall {
  seq: number;
  at: number;
  method: string;
  path: string;
  operation: string;
  ids: string[];
  status: number;
  fault?: string;
}

/** The sandbox's own readings (sandbox/memories/fake.ts header); each test starts from these. */
export const DEFAULT_LIMITS = {
  qps: 5,
  redeleteCode: "0000",
  deleteData: "null",
  unparseDeletable: true,
  publicImportDeletable: false,
  failedStatus: "PARSE_ERROR",
} as const;

export interface MemoriesKit {
  sandbox: SandboxProcess;
  credentials: { apiKey: string; otherApiKey: string };
  baseUrl: string;
  adapter(
    config?: Partial<MemoriesAdapterConfig>,
  ): ReturnType<typeof createMemoriesAdapter>;
  videos(): Promise<SandboxVideo[]>;
  truth(): Promise<Map<string, SandboxVideo>>;
  /** Live videos matching `test`. */
  pick(
    test: (video: SandboxVideo) => boolean,
    count?: number,
  ): Promise<string[]>;
  missing(count: number): Promise<string[]>;
  calls(): Promise<SandboxCall[]>;
  faults(patch: Partial<typeof NO_FAULTS>): Promise<void>;
  limits(patch: Record<string, unknown>): Promise<void>;
  /** Seed-1 world of 60 videos, no faults, default limits, empty call log. */
  reset(count?: number): Promise<void>;
}

/** Starts one sandbox for the test file; every test starts from a fresh world (`reset()`). */
export function setupMemoriesKit(): MemoriesKit {
  let sandbox: SandboxProcess;
  let credentials: MemoriesKit["credentials"];

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    const all = await sandbox.control<
      Record<string, { apiKey: string; otherApiKey: string }>
    >("GET", "credentials");
    credentials = all.memories!;
  });
  afterAll(async () => {
    await sandbox?.stop();
  });
  beforeEach(async () => {
    await kit.reset();
  });

  const videos = () =>
    sandbox.control<SandboxVideo[]>("GET", "videos?provider=memories");

  const kit: MemoriesKit = {
    get sandbox() {
      return sandbox;
    },
    get credentials() {
      return credentials;
    },
    get baseUrl() {
      return `${sandbox.url}/memories`;
    },
    adapter: (config = {}) =>
      createMemoriesAdapter({
        baseUrl: kit.baseUrl,
        apiKey: credentials.apiKey,
        timeoutMs: 5_000,
        ...config,
      }),
    videos,
    truth: async () =>
      new Map((await videos()).map((video) => [video.id, video])),
    pick: async (test, count = 1) => {
      const ids = (await videos())
        .filter((video) => !video.deleted && test(video))
        .map((video) => video.id);
      if (ids.length < count)
        throw new Error(
          `sandbox has ${ids.length} such videos, ${count} wanted`,
        );
      return ids.slice(0, count);
    },
    missing: async (count) =>
      (
        await sandbox.control<{ ids: string[] }>(
          "GET",
          `missing?provider=memories&count=${count}`,
        )
      ).ids,
    calls: () =>
      sandbox.control<SandboxCall[]>("GET", "calls?provider=memories"),
    faults: async (patch) => {
      await sandbox.control("PUT", "faults", {
        provider: "memories",
        ...patch,
      });
    },
    limits: async (patch) => {
      await sandbox.control("PUT", "limits", {
        provider: "memories",
        ...patch,
      });
    },
    reset: async (count = 60) => {
      await kit.faults(NO_FAULTS);
      await kit.limits(DEFAULT_LIMITS);
      await sandbox.control("POST", "reset", {
        provider: "memories",
        seed: 1,
        count,
      });
      await sandbox.control("DELETE", "calls");
    },
  };
  return kit;
}

/** The console's own live videos in the default namespace, by status (`VI` only, not imports). */
export const own = (status: string) => (video: SandboxVideo) =>
  video.owner === "console" &&
  video.status === status &&
  video.id.startsWith("VI");
