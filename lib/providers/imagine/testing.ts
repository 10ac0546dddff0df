// Test-only helpers shared by the imagine/*.test.ts contract tests: the sandbox and the
// Imagine.art adapter built against it. Never imported by production code.
import {
  apiKeyAdapter,
  foreign,
  owned,
  providerKit,
  type FaultReadings,
  type ProviderSandbox,
} from "@/lib/testing/provider-sandbox";
import { createImagineAdapter } from "./adapter";

export interface SandboxCredentials {
  apiKey: string;
}

/**
 * The contract tests' readings (the fake's own defaults but for the rate): a high per-minute limit
 * keeps them clear of the fake's 50/min (imagine.md §6).
 */
export const DEFAULT_LIMITS = {
  ratePerMin: 10_000,
  unknownIdStatus: 404,
  foreignId: "hidden",
  inProgressDelete: "allow",
  deleteMethods: ["DELETE", "POST"],
} as const;

/**
 * Starts one sandbox for the test file (or uses `sandbox`). Every test starts from a world of 60
 * videos (`seed`, default 7), no faults, `DEFAULT_LIMITS` and a fresh mark in the call log.
 */
export const setupSandbox = providerKit(
  { provider: "imagine", seed: 7, limits: DEFAULT_LIMITS },
  (kit: ProviderSandbox<SandboxCredentials>) => ({
    adapter: apiKeyAdapter(kit, createImagineAdapter),
  }),
);

/**
 * `owned(status)`: the console's own videos, by status (`pending`, `processing`, `finished`, ...).
 * `foreign`: another account's videos.
 */
export { foreign, owned };

/** The faults of ../adapter-faults.test.ts; imagine.md §5, §8: envelopes with the provider's code. */
export const FAULT_READINGS: FaultReadings = {
  deletable: owned("finished"),
  operations: { delete: "delete", lookup: "lookup" },
  perId: true,
  throttle: {
    status: 429,
    message: "Too many requests. (code 1202 TooManyRequests)",
  },
  server_error: {
    status: 503,
    code: "1200",
    message: "Service unavailable.",
  },
  malformed: {
    status: 200,
    message: "unexpected delete answer from Imagine.art",
    lookupMessage: "unexpected status answer from Imagine.art",
    raw: '{"message":"video del',
    // healthCheck only asks whether the key was accepted; any answer about ID 0 means it was.
    health: { ok: true, message: "credentials accepted" },
  },
  auth: {
    status: 401,
    message:
      "credentials rejected by Imagine.art: The provided bearer token is invalid. (code 1001 Unauthorized)",
    health: {
      ok: false,
      message: "The provided bearer token is invalid. (code 1001 Unauthorized)",
    },
  },
};
