// Test-only: the sandbox's VOD fake as seen by the vod/*.test.ts contract tests, and the adapter
// and RPC client built against it. Never imported by production code.
import { expect } from "vitest";
import {
  foreign,
  owned,
  providerKit,
  type FaultReadings,
  type ProviderSandbox,
} from "@/lib/testing/provider-sandbox";
import {
  createVodAdapter,
  type VodAdapter,
  type VodAdapterConfig,
} from "./adapter";
import type { VodClient } from "./rpc";
import { VOD_DEFAULT_APP_ID } from "./wire";

export interface SandboxCredentials {
  accessKeyId: string;
  accessKeySecret: string;
}

/** The switches of sandbox/vod/limits.ts as the sandbox starts; each test starts from these. */
export const DEFAULT_LIMITS = {
  deleteVideoQps: 30,
  getVideoInfosQps: 100,
  searchMediaQps: 50,
  idCapMode: "combined",
  omitEmptyLists: true,
  signatureMismatchStatus: 400,
  foreignVisible: true,
} as const;

/**
 * Starts one sandbox for the test file (or uses `sandbox`). Every test starts from a world of 60
 * videos (`seed`, default 7), no faults, `DEFAULT_LIMITS` and a fresh mark in the call log.
 */
export const setupSandbox = providerKit(
  { provider: "vod", seed: 7, limits: DEFAULT_LIMITS },
  (kit: ProviderSandbox<SandboxCredentials>) => ({
    adapter: (overrides: Partial<VodAdapterConfig> = {}): VodAdapter =>
      createVodAdapter({
        ...kit.credentials,
        region: "cn-shanghai",
        endpoint: kit.baseUrl,
        ...overrides,
      }),
    /** For calling one RPC action directly (callVod). */
    client: (overrides: Partial<VodClient> = {}): VodClient => ({
      url: `${kit.baseUrl}/`,
      credentials: kit.credentials,
      timeoutMs: 5000,
      appId: VOD_DEFAULT_APP_ID,
      ...overrides,
    }),
  }),
);

/**
 * `owned(status)`: the console's own videos (the sandbox's `console` account), optionally of one
 * vod.md §7 status. `foreign`: another account's videos; DeleteVideo answers them in
 * ForbiddenVideoIds.
 */
export { foreign, owned };

/** The faults of ../adapter-faults.test.ts; vod.md §6: Throttling.User is an HTTP 400. */
export const FAULT_READINGS: FaultReadings = {
  deletable: owned("Normal"),
  operations: { delete: "DeleteVideo", lookup: "GetVideoInfos" },
  perId: false,
  throttle: {
    status: 400,
    message: "Throttling.User: Request was denied due to user flow control.",
  },
  server_error: {
    status: 500,
    code: "InternalError",
    message:
      "The request processing has failed due to some unknown error, exception or failure.",
  },
  malformed: {
    status: 200,
    message: "ApsaraVideo VOD sent an unexpected HTTP 200 body",
    raw: expect.stringMatching(
      /^\{"RequestId":"[0-9A-F-]+","NonExistVideoIds":\["$/,
    ),
  },
  // An unknown AccessKeyId is a 404 that is not InvalidVideo.NotFound.
  auth: {
    status: 404,
    message:
      "credentials rejected by ApsaraVideo VOD: InvalidAccessKeyId.NotFound: Specified access key is not found.",
  },
};
