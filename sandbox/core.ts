// Sandbox state shared by the HTTP front (server.ts) and the control API (control.ts): one slot per
// provider with its fake, its random streams and its fault config, plus the call log.
import { createAkoolSandbox } from "./akool/fake";
import { createCallLog, type CallLog } from "./call-log";
import {
  applyFaultPatch,
  faultPatchSchema,
  NO_FAULTS,
  type FaultConfig,
  type FaultPatch,
} from "./faults";
import { createImagineSandbox } from "./imagine/fake";
import { createMemoriesSandbox } from "./memories/fake";
import { deriveSeed, reseedableRng, type ReseedableRng } from "./rng";
import type { ProviderName, ProviderSandbox, Rng } from "./types";
import { createVodSandbox } from "./vod/fake";

export const PROVIDER_NAMES: readonly ProviderName[] = [
  "akool",
  "memories",
  "vod",
  "imagine",
];

const FACTORIES: Record<ProviderName, (rng: Rng) => ProviderSandbox> = {
  akool: createAkoolSandbox,
  memories: createMemoriesSandbox,
  vod: createVodSandbox,
  imagine: createImagineSandbox,
};

export const DEFAULT_SEED = 1;
export const DEFAULT_COUNT = 200;

export interface SandboxOptions {
  port?: number;
  host?: string;
  seed?: number;
  /** Videos per provider. */
  count?: number;
  /** Faults for every provider. */
  faults?: FaultPatch;
  /** Faults for one provider, applied after `faults`. */
  providerFaults?: Partial<Record<ProviderName, FaultPatch>>;
  /** Tunables per provider, as `PUT /__sandbox/limits` takes them. */
  limits?: Partial<Record<ProviderName, Record<string, unknown>>>;
  /** Call log entries kept (default 200,000). */
  callLogSize?: number;
}

export interface ProviderSlot {
  provider: ProviderSandbox;
  /** The stream the fake was created with; restarted on reset so a seed rebuilds the same world. */
  world: ReseedableRng;
  /** Separate stream for faults, so injecting faults never shifts the videos a seed creates. */
  faultRng: ReseedableRng;
  faults: FaultConfig;
}

export interface SandboxCore {
  slots: Record<ProviderName, ProviderSlot>;
  /** What `POST /__sandbox/reset` falls back to: the values the sandbox started with. */
  defaults: { seed: number; count: number };
  log: CallLog;
  reset(name: ProviderName, seed: number, count: number): void;
}

export function isProviderName(value: string): value is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(value);
}

/** Builds every fake and its world; throws on invalid fault or limit options. */
export function createCore(options: SandboxOptions): SandboxCore {
  const defaults = {
    seed: options.seed ?? DEFAULT_SEED,
    count: options.count ?? DEFAULT_COUNT,
  };
  const common = faultPatchSchema.parse(options.faults ?? {});
  const slots = {} as Record<ProviderName, ProviderSlot>;
  for (const name of PROVIDER_NAMES) {
    const world = reseedableRng(deriveSeed(defaults.seed, name));
    const own = faultPatchSchema.parse(options.providerFaults?.[name] ?? {});
    slots[name] = {
      provider: FACTORIES[name](world.rng),
      world,
      faultRng: reseedableRng(deriveSeed(defaults.seed, `${name}:faults`)),
      faults: applyFaultPatch(applyFaultPatch(NO_FAULTS, common), own),
    };
  }

  const core: SandboxCore = {
    slots,
    defaults,
    log: createCallLog(options.callLogSize),
    reset(name, seed, count) {
      const slot = slots[name];
      slot.world.reseed(deriveSeed(seed, name));
      slot.faultRng.reseed(deriveSeed(seed, `${name}:faults`));
      slot.provider.reset(seed, count);
    },
  };

  for (const name of PROVIDER_NAMES) {
    const patch = options.limits?.[name];
    if (patch) {
      const error = configureLimits(slots[name].provider, patch);
      if (error) throw new Error(`sandbox limits for ${name}: ${error}`);
    }
    core.reset(name, defaults.seed, defaults.count);
  }
  return core;
}

export function configureLimits(
  provider: ProviderSandbox,
  patch: Record<string, unknown>,
): string | null {
  if (!provider.configure) return `${provider.name} has no tunable limits`;
  return provider.configure(patch);
}
