// Test-only: the sandbox and the memories.ai adapter built against it, shared by the memories/
// *.test.ts files. Never imported by production code.
import {
  apiKeyAdapter,
  foreign,
  owned as consoleOwned,
  providerKit,
  type FaultReadings,
  type ProviderSandbox,
  type VideoFilter,
} from "@/lib/testing/provider-sandbox";
import { createMemoriesAdapter } from "./adapter";

export interface SandboxCredentials {
  apiKey: string;
  /** Another account's key: it sees none of the console's videos. */
  otherApiKey: string;
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

/**
 * Starts one sandbox for the test file (or uses `sandbox`). Every test starts from a world of 60
 * videos (`seed`, default 1), no faults, `DEFAULT_LIMITS` and a fresh mark in the call log.
 */
export const setupSandbox = providerKit(
  { provider: "memories", seed: 1, limits: DEFAULT_LIMITS },
  (kit: ProviderSandbox<SandboxCredentials>) => ({
    adapter: apiKeyAdapter(kit, createMemoriesAdapter),
  }),
);

/** The console's own videos in the default namespace (`VI` only, not imports), by status. */
export const owned =
  (status?: string): VideoFilter =>
  (video) =>
    consoleOwned(status)(video) && video.id.startsWith("VI");
/** `foreign`: another account's videos (`archive` is the console's other namespace, not foreign). */
export { foreign };

/** The faults of ../adapter-faults.test.ts; memories.md §2, §6: codes in an HTTP 200 envelope. */
export const FAULT_READINGS: FaultReadings = {
  deletable: owned("PARSE"),
  // A delete starts with the list_videos look-up (memories.md §3), which takes the fault.
  operations: { delete: "lookup", lookup: "lookup" },
  perId: false,
  throttle: {
    status: 200,
    message: "rate limit exceeded: 0429 too many requests, rate limit exceeded",
  },
  server_error: {
    status: 500,
    code: "http_500",
    message: "HTTP 500 from memories.ai: 0500 internal server error",
  },
  malformed: {
    status: 200,
    message:
      "unexpected response from memories.ai: not the {code, msg, data} envelope",
    raw: '{"code":"0000","msg":"success","data":{"current_page":1,"total_co',
  },
  auth: {
    status: 200,
    message:
      "credentials rejected by memories.ai: permission denied, please check your API key (code 9009) [HTTP 200]",
  },
};
