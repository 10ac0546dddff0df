// Test-only: what a chaos run can be told (sizes, kills, faults, worker settings), its defaults,
// and the environment that points the worker's adapters at the sandbox.
import type { ProviderId } from "@/lib/providers/types";
import type { SandboxProcess } from "../sandbox-process";

/** Injected on every provider call (`PUT /__sandbox/faults`); faults are drawn before the fake acts. */
interface FaultMix {
  errorRate: number;
  throttleRate: number;
  malformedRate: number;
  hangRate: number;
  resetRate: number;
  /** Answers are late by latencyMs + [0, jitterMs] (the fake has acted already), so kills land mid-call. */
  latencyMs: number;
  jitterMs: number;
}

/**
 * About 12 % of calls answered by an injected fault (5xx, throttling, truncated bodies, hangs,
 * resets; none of them acts). Answers are delayed 20–520 ms, so with DEFAULT_SETTINGS' 500 ms
 * adapter timeout a few percent more (more on a busy machine) are answered too late: the fake has
 * acted and the adapter sees a timeout, the lost answer of docs/design.md §2.
 */
export const DEFAULT_FAULTS: FaultMix = {
  errorRate: 0.03,
  throttleRate: 0.03,
  malformedRate: 0.025,
  hangRate: 0.01,
  resetRate: 0.025,
  latencyMs: 20,
  jitterMs: 500,
};

export interface ChaosSettings {
  /** Distinct well-formed IDs per provider; a provider left out gets no run. */
  ids: Partial<Record<ProviderId, number>>;
  /** SIGKILLs of the worker process, each at a random moment while it works. */
  kills: number;
  /** Delay after the restarted worker's first provider call before the next kill. */
  killDelayMs: [number, number];
  faults: FaultMix;
  /** Seeds the mix, the order of the submitted list and the kill moments. */
  seed: number;
  /** Adapter timeout (PROVIDER_TIMEOUT_MS): a hung call costs this long. */
  providerTimeoutMs: number;
  /** Imagine.art's rate per minute, for the sandbox and the adapter alike (50 by default). */
  imagineRatePerMinute: number;
  /** ERASURE_MAX_ATTEMPTS for the worker. */
  maxAttempts: number;
  /**
   * ERASURE_LEASE_SECONDS for the worker; unset keeps the console's default (120 s). A lease
   * shorter than a batch takes lets the worker's other lanes take over rows still in flight.
   */
  leaseSeconds?: number;
  /** Akool only: add upper-case spellings of some listed IDs (the same videos, akool.md §7). */
  caseVariants: boolean;
  /** Give up (throw) when the runs have not finished by then. */
  timeoutMs: number;
  log: (line: string) => void;
}

export const DEFAULT_SETTINGS: ChaosSettings = {
  ids: { akool: 300, memories: 300, vod: 300, imagine: 300 },
  kills: 3,
  killDelayMs: [300, 2_500],
  faults: DEFAULT_FAULTS,
  seed: 1,
  providerTimeoutMs: 500,
  imagineRatePerMinute: 3_000,
  maxAttempts: 8,
  caseVariants: true,
  timeoutMs: 600_000,
  log: () => {},
};

/** The worker's (and this process's) environment: adapters pointed at the sandbox. */
export async function chaosEnv(
  sandbox: SandboxProcess,
  settings: Pick<
    ChaosSettings,
    | "providerTimeoutMs"
    | "imagineRatePerMinute"
    | "maxAttempts"
    | "leaseSeconds"
  >,
  dataDir: string,
): Promise<Record<string, string>> {
  const providerEnv = await sandbox.providerEnv();
  return {
    ERASURE_DATA_DIR: dataDir,
    ...providerEnv.akool,
    ...providerEnv.memories,
    ...providerEnv.vod,
    ...providerEnv.imagine,
    PROVIDER_TIMEOUT_MS: String(settings.providerTimeoutMs),
    IMAGINE_RATE_PER_MINUTE: String(settings.imagineRatePerMinute),
    ERASURE_MAX_ATTEMPTS: String(settings.maxAttempts),
    ...(settings.leaseSeconds
      ? { ERASURE_LEASE_SECONDS: String(settings.leaseSeconds) }
      : {}),
    LOG_LEVEL: "error",
  };
}
