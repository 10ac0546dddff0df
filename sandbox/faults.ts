// Injected faults, configured per provider. The core draws a request's fault before the provider
// sees the request, so a faulted call never changes video state.
import { z } from "zod";
import type { FaultKind, Rng } from "./types";

export interface FaultConfig {
  /** Fixed delay before every answer (faulted ones included, hangs excepted). */
  latencyMs: number;
  /** Extra delay drawn uniformly from [0, jitterMs]. */
  jitterMs: number;
  /** Share of requests answered with the provider's 5xx. */
  errorRate: number;
  /** Share answered with the provider's throttle answer. */
  throttleRate: number;
  /** Share answered with a body that is not the provider's JSON. */
  malformedRate: number;
  /** Share never answered: the client has to time out. */
  hangRate: number;
  /** Share whose socket is destroyed without an answer. */
  resetRate: number;
  /** Share refused as if the credential had been revoked (the provider's wrong-key answer). */
  authRate: number;
}

export type InjectedFault = FaultKind | "hang" | "reset";

export const NO_FAULTS: FaultConfig = {
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  throttleRate: 0,
  malformedRate: 0,
  hangRate: 0,
  resetRate: 0,
  authRate: 0,
};

const rate = z.number().min(0).max(1);
const delay = z.number().int().min(0).max(600_000);

/** A partial fault config; omitted fields keep their current value. */
export const faultPatchSchema = z.strictObject({
  latencyMs: delay.optional(),
  jitterMs: delay.optional(),
  errorRate: rate.optional(),
  throttleRate: rate.optional(),
  malformedRate: rate.optional(),
  hangRate: rate.optional(),
  resetRate: rate.optional(),
  authRate: rate.optional(),
});

export type FaultPatch = z.infer<typeof faultPatchSchema>;

export function applyFaultPatch(
  config: FaultConfig,
  patch: FaultPatch,
): FaultConfig {
  const next = { ...config };
  for (const [key, value] of Object.entries(patch) as [
    keyof FaultConfig,
    number | undefined,
  ][]) {
    if (value !== undefined) next[key] = value;
  }
  return next;
}

export interface FaultDraw {
  fault: InjectedFault | null;
  delayMs: number;
}

// When the rates add up to more than 1, earlier kinds win; the order puts the harshest first.
const ORDER: [InjectedFault, keyof FaultConfig][] = [
  ["hang", "hangRate"],
  ["reset", "resetRate"],
  ["server_error", "errorRate"],
  ["throttle", "throttleRate"],
  ["malformed", "malformedRate"],
  // Last, so that adding it left every existing seed's fault sequence unchanged.
  ["auth", "authRate"],
];

/**
 * Decides one request's fault and delay. Always consumes exactly two numbers, so the sequence of
 * decisions for a seed does not depend on which rates are set.
 */
export function drawFault(config: FaultConfig, rng: Rng): FaultDraw {
  const roll = rng();
  const jitter = rng();
  let threshold = 0;
  let fault: InjectedFault | null = null;
  for (const [kind, key] of ORDER) {
    threshold += config[key];
    if (roll < threshold) {
      fault = kind;
      break;
    }
  }
  return {
    fault,
    delayMs: config.latencyMs + Math.floor(jitter * (config.jitterMs + 1)),
  };
}
