// The part of every provider test kit (lib/providers/*/testing.ts) that does not depend on the
// provider: the sandbox process's lifecycle, a fresh world before each test, picking seeded videos
// and reading the call log. Test-only; never imported by production code.
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import type { HealthResult, ProviderId } from "@/lib/providers/types";
import {
  sandboxControl,
  type FaultPatch,
  type SandboxCall,
  type SandboxControl,
  type SandboxVideo,
} from "./sandbox-control";
import {
  NO_FAULTS,
  startSandboxProcess,
  type SandboxProcess,
} from "./sandbox-process";

/** Starts one sandbox process before the file's tests and stops it after them. */
export function setupSandboxProcess(): () => SandboxProcess {
  let sandbox: SandboxProcess | undefined;
  beforeAll(async () => {
    sandbox = await startSandboxProcess();
  });
  afterAll(async () => {
    await sandbox?.stop();
  });
  return () => {
    // Kits are built at import time; the process exists only once beforeAll has run.
    if (!sandbox) throw new Error("the sandbox is used before it started");
    return sandbox;
  };
}

/**
 * Starts one sandbox process for the file and points the console's adapters at it: each of
 * `providers` is configured as the sandbox says, then `env` goes over that (a wrong secret, a key
 * left empty on purpose).
 */
export function setupSandboxEnv(
  providers: ProviderId[],
  env: Record<string, string> = {},
): () => SandboxProcess {
  const sandbox = setupSandboxProcess();
  beforeAll(async () => {
    const providerEnv = await sandbox().providerEnv();
    for (const provider of providers)
      Object.assign(process.env, providerEnv[provider]);
    Object.assign(process.env, env);
  });
  return sandbox;
}

/** Videos in a kit's world unless it says otherwise: as many as startSandboxProcess seeds. */
const DEFAULT_COUNT = 60;

export interface ProviderSandboxOptions {
  provider: ProviderId;
  /** The world every test starts from. */
  seed: number;
  /** Videos in that world; default `DEFAULT_COUNT`. */
  count?: number;
  /** Switches every test starts from, over the fake's own defaults. */
  limits: Record<string, unknown>;
  /** A process the file already set up (several providers in one file); default: one of its own. */
  sandbox?: () => SandboxProcess;
}

/** What a provider kit's `setupSandbox()` lets a test file choose. */
export type SandboxKitOptions = Partial<
  Pick<ProviderSandboxOptions, "sandbox" | "seed">
>;

export type VideoFilter = (video: SandboxVideo) => boolean;

/** The console's own videos (the sandbox's `console` account), optionally of one status word. */
export const owned =
  (status?: string): VideoFilter =>
  (video) =>
    video.owner === "console" &&
    (status === undefined || video.status === status);
/** Another account's videos. */
export const foreign: VideoFilter = (video) => video.owner === "other";

/** How a provider's fake answers one injected fault, and what its adapter reports for each ID. */
export interface FaultReading {
  /** HTTP status in the call log; 0 when no answer was sent. */
  status: number;
  code: string;
  /** A string, or an asymmetric matcher for text that varies. */
  message: unknown;
  raw?: unknown;
  /** When the look-up's message differs from the delete's. */
  lookupMessage?: string;
  /** When healthCheck does not answer `{ ok: false, message }`. */
  health?: HealthResult;
}

/** A reading whose code the adapter contract fixes for every provider (the suite supplies it). */
export type ContractFaultReading = Omit<FaultReading, "code">;

/**
 * A provider's side of the cross-provider fault suite (lib/providers/adapter-faults.test.ts). The
 * suite batches `deletable` videos with `foreign` ones and a missing ID.
 */
export interface FaultReadings {
  /** Videos a delete would remove when no fault is injected. */
  deletable: VideoFilter;
  /** The call-log operations of the first request of a delete and of a look-up. */
  operations: { delete: string; lookup: string };
  /** One request per ID; after an auth or throttle refusal the rest of the batch is not sent. */
  perId: boolean;
  /** Code `throttled`. */
  throttle: ContractFaultReading;
  /** The provider's own code. */
  server_error: FaultReading;
  /** Code `malformed`. */
  malformed: ContractFaultReading;
  /** Code `auth`: a wrong or revoked key (the fake answers `authRate` as it answers a wrong key). */
  auth: ContractFaultReading;
}

export interface ProviderSandbox<C> {
  /** Root of the sandbox process. */
  readonly url: string;
  /** Where this provider's fake answers, e.g. `http://127.0.0.1:4010/akool`. */
  readonly baseUrl: string;
  /** What the fake accepts, read once per file. */
  readonly credentials: C;
  readonly control: SandboxControl;
  videos(): Promise<SandboxVideo[]>;
  /** Every video's true state by ID. */
  truth(): Promise<Map<string, SandboxVideo>>;
  /** One video's true state; fails the test for an unknown ID. */
  video(id: string): Promise<SandboxVideo>;
  /** Every undeleted video that matches `where`. */
  live(where?: VideoFilter): Promise<SandboxVideo[]>;
  /** The first `count` undeleted videos matching `where`; fails the test when there are fewer. */
  pick(count: number, where?: VideoFilter): Promise<SandboxVideo[]>;
  /** `pick`, as IDs. */
  pickIds(count: number, where?: VideoFilter): Promise<string[]>;
  missing(count: number): Promise<string[]>;
  /** This provider's calls since the test started (or since the last `mark()`). */
  calls(): Promise<SandboxCall[]>;
  operations(): Promise<string[]>;
  /** Marks "now" in the call log; `calls()` then returns only the calls made after it. */
  mark(): Promise<void>;
  faults(patch: FaultPatch): Promise<void>;
  limits(patch: Record<string, unknown>): Promise<void>;
  /** Fresh world of `count` videos (default: the kit's), no faults, default switches, a new mark. */
  reset(count?: number): Promise<void>;
  /** Fails the test unless every one of `ids` exists in the sandbox and is not deleted. */
  expectUntouched(ids: string[]): Promise<void>;
}

/** One provider's sandbox for a test file; before every test it calls `reset()`. */
export function setupProviderSandbox<C>(
  options: ProviderSandboxOptions,
): ProviderSandbox<C> {
  const sandbox = options.sandbox ?? setupSandboxProcess();
  let control: SandboxControl | undefined;
  let credentials: C;
  let startLimits: Record<string, unknown> = {};
  let since = 0;

  beforeAll(async () => {
    control = sandboxControl(sandbox(), options.provider);
    credentials = await control.credentials<C>();
    startLimits = await control.limits();
  });
  beforeEach(() => kit.reset());

  const live = async (where: VideoFilter = () => true) =>
    (await kit.videos()).filter((video) => !video.deleted && where(video));
  const pick = async (count: number, where?: VideoFilter) => {
    const found = await live(where);
    expect(found.length, "live sandbox videos to pick").toBeGreaterThanOrEqual(
      count,
    );
    return found.slice(0, count);
  };

  const kit: ProviderSandbox<C> = {
    get url() {
      return sandbox().url;
    },
    get baseUrl() {
      return `${sandbox().url}/${options.provider}`;
    },
    get credentials() {
      return credentials;
    },
    get control() {
      if (!control) throw new Error("the sandbox is used before it started");
      return control;
    },
    videos: () => kit.control.videos(),
    truth: async () =>
      new Map((await kit.videos()).map((video) => [video.id, video])),
    async video(id) {
      const found = (await kit.truth()).get(id);
      if (!found) throw new Error(`no sandbox video ${id}`);
      return found;
    },
    live,
    pick,
    pickIds: async (count, where) =>
      (await pick(count, where)).map((video) => video.id),
    missing: (count) => kit.control.missing(count),
    calls: () => kit.control.calls(since),
    operations: async () => (await kit.calls()).map((call) => call.operation),
    async mark() {
      since = (await kit.control.calls(since)).at(-1)?.seq ?? since;
    },
    faults: (patch) => kit.control.setFaults(patch),
    limits: (patch) => kit.control.setLimits(patch),
    async reset(count = options.count ?? DEFAULT_COUNT) {
      await kit.control.setFaults(NO_FAULTS);
      await kit.control.setLimits({ ...startLimits, ...options.limits });
      await kit.control.reset({ seed: options.seed, count });
      await kit.mark();
    },
    async expectUntouched(ids) {
      const truth = await kit.truth();
      for (const id of ids) expect(truth.get(id)?.deleted, id).toBe(false);
    },
  };
  return kit;
}

/**
 * A provider kit's `setupSandbox(options)`: `setupProviderSandbox` from the kit's `defaults` (the
 * test file may choose the process and the seed), with what `extend` builds on it (its adapter).
 */
export function providerKit<C, X extends object>(
  defaults: ProviderSandboxOptions,
  extend: (kit: ProviderSandbox<C>) => X,
): (options?: SandboxKitOptions) => ProviderSandbox<C> & X {
  return (options = {}) => {
    const kit = setupProviderSandbox<C>({ ...defaults, ...options });
    return Object.assign(kit, extend(kit));
  };
}

/** What a kit's API-key adapter starts from: the fake's URL and the key it accepts. */
interface SandboxApiKeyConfig {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
}

/**
 * A kit's `adapter(overrides)` for an adapter configured by base URL and API key (akool, imagine,
 * memories); the key is read when the adapter is built.
 */
export function apiKeyAdapter<Config, A>(
  kit: ProviderSandbox<{ apiKey: string }>,
  create: (config: SandboxApiKeyConfig & Partial<Config>) => A,
): (overrides?: Partial<Config>) => A {
  return (overrides = {}) =>
    create({
      baseUrl: kit.baseUrl,
      apiKey: kit.credentials.apiKey,
      timeoutMs: 5_000,
      ...overrides,
    });
}
