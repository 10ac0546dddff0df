// Test-only helpers shared by the imagine*.test.ts contract tests: the sandbox process, its control
// API and the Imagine.art adapter built against it. Never imported by production code.
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import {
  startSandboxProcess,
  type SandboxProcess,
  NO_FAULTS,
} from "@/lib/testing/sandbox-process";
import { createImagineAdapter, type ImagineAdapterConfig } from "./adapter";

export interface ImagineVideo {
  id: string;
  uuid: string;
  status: string;
  owner: string;
  deleted: boolean;
  name: string;
}

export interface ImagineCall {
  method: string;
  path: string;
  status: number;
  fault?: string;
}

export interface ImagineSandboxOptions {
  /** Seed of the world every test starts from. */
  seed?: number;
  /** The fake's switches every test starts from. */
  limits?: Record<string, unknown>;
}

/**
 * Starts one sandbox for the test file; before every test: a fresh world of `seed`, no faults,
 * `limits`, an empty call log. The defaults are the contract tests' readings.
 */
export function setupImagineSandbox({
  seed = 7,
  // A high per-minute limit keeps these tests clear of the fake's 50/min (§6).
  limits = {
    ratePerMin: 10_000,
    unknownIdStatus: 404,
    foreignId: "hidden",
    inProgressDelete: "allow",
    deleteMethods: ["DELETE", "POST"],
  },
}: ImagineSandboxOptions = {}) {
  let sandbox: SandboxProcess;
  let apiKey: string;

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    const credentials = await sandbox.control<{ imagine: { apiKey: string } }>(
      "GET",
      "credentials",
    );
    apiKey = credentials.imagine.apiKey;
  });
  afterAll(() => sandbox.stop());

  beforeEach(async () => {
    await sandbox.control("POST", "reset", { provider: "imagine", seed });
    await env.faults(NO_FAULTS);
    await env.limits(limits);
    await sandbox.control("DELETE", "calls");
  });

  const env = {
    sandboxUrl: () => sandbox.url,
    adapter: (extra: Partial<ImagineAdapterConfig> = {}) =>
      createImagineAdapter({
        baseUrl: `${sandbox.url}/imagine`,
        apiKey,
        timeoutMs: 5_000,
        ...extra,
      }),
    videos: () =>
      sandbox.control<ImagineVideo[]>("GET", "videos?provider=imagine"),
    calls: () =>
      sandbox.control<ImagineCall[]>("GET", "calls?provider=imagine"),
    limits: (patch: Record<string, unknown>) =>
      sandbox.control("PUT", "limits", { provider: "imagine", ...patch }),
    faults: (patch: Record<string, number>) =>
      sandbox.control("PUT", "faults", { provider: "imagine", ...patch }),
    missing: async (count: number) =>
      (
        await sandbox.control<{ ids: string[] }>(
          "GET",
          `missing?provider=imagine&count=${count}`,
        )
      ).ids,
    /** `count` live videos matching `where`; fails the test when the world has too few. */
    async pick(
      count: number,
      where: (v: ImagineVideo) => boolean,
    ): Promise<ImagineVideo[]> {
      const found = (await env.videos()).filter((v) => !v.deleted && where(v));
      expect(found.length).toBeGreaterThanOrEqual(count);
      return found.slice(0, count);
    },
    /** The sandbox's true state of video `id`. */
    async truth(id: string): Promise<ImagineVideo> {
      const video = (await env.videos()).find((v) => v.id === id);
      if (!video) throw new Error(`no sandbox video ${id}`);
      return video;
    },
  };
  return env;
}

export const owned = (status: string) => (v: ImagineVideo) =>
  v.owner === "console" && v.status === status;
export const foreign = (v: ImagineVideo) => v.owner === "other";
