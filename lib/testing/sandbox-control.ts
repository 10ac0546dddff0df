// One provider's view of the sandbox control API (`/__sandbox/`, sandbox/control.ts): its world,
// faults, switches and call log. The four provider test kits share it so that none of them spells
// the control requests out again. Test-only; never imported by production code.
import type { ProviderId } from "@/lib/providers/types";
import type { NO_FAULTS, SandboxProcess } from "./sandbox-process";

/** One video's true state, as `GET /__sandbox/videos` reports it (sandbox/types.ts VideoState). */
export interface SandboxVideo {
  id: string;
  /** The provider's own status word, as text (akool `3`, memories `PARSE`, imagine `finished`). */
  status: string;
  /** `console` is the adapter's account; `other` another account (memories also has `archive`). */
  owner: string;
  deleted: boolean;
  name: string;
  /** VOD's customer-defined alias, when the video has one. */
  referenceId?: string;
  /** Imagine.art only: the deprecated generation's UUID for the same video (imagine.md §4). */
  uuid?: string;
}

/** One entry of the sandbox's call log (sandbox/call-log.ts). */
export interface SandboxCall {
  /** Increases by one per call across all providers, never reused. */
  seq: number;
  provider: ProviderId;
  /** Arrival time, epoch milliseconds. */
  at: number;
  method: string;
  path: string;
  operation: string;
  ids: string[];
  /** HTTP status sent; 0 when a hang or reset fault sent none. */
  status: number;
  fault?: "server_error" | "throttle" | "malformed" | "auth" | "hang" | "reset";
}

/** A partial `PUT /__sandbox/faults`; omitted fields keep their current value. */
export type FaultPatch = Partial<typeof NO_FAULTS>;

export interface SandboxControl<V extends SandboxVideo = SandboxVideo> {
  provider: ProviderId;
  /** What this provider's fake accepts (`GET /__sandbox/credentials`). */
  credentials<C>(): Promise<C>;
  /** The fake's current switches (`GET /__sandbox/limits`). */
  limits(): Promise<Record<string, unknown>>;
  setLimits(patch: Record<string, unknown>): Promise<void>;
  setFaults(patch: FaultPatch): Promise<void>;
  /** A fresh world; an omitted seed or count is the sandbox process's default. */
  reset(world?: { seed?: number; count?: number }): Promise<void>;
  videos(): Promise<V[]>;
  /** Well-formed IDs that exist nowhere. */
  missing(count: number): Promise<string[]>;
  /** This provider's calls with a `seq` above `since`. */
  calls(since?: number): Promise<SandboxCall[]>;
}

export function sandboxControl<V extends SandboxVideo = SandboxVideo>(
  sandbox: SandboxProcess,
  provider: ProviderId,
): SandboxControl<V> {
  return {
    provider,
    async credentials<C>() {
      return (await sandbox.control<Record<string, C>>("GET", "credentials"))[
        provider
      ]!;
    },
    async limits() {
      return (
        await sandbox.control<Record<string, Record<string, unknown>>>(
          "GET",
          "limits",
        )
      )[provider]!;
    },
    async setLimits(patch) {
      await sandbox.control("PUT", "limits", { provider, ...patch });
    },
    async setFaults(patch) {
      await sandbox.control("PUT", "faults", { provider, ...patch });
    },
    async reset(world = {}) {
      await sandbox.control("POST", "reset", { provider, ...world });
    },
    videos: () => sandbox.control<V[]>("GET", `videos?provider=${provider}`),
    async missing(count) {
      return (
        await sandbox.control<{ ids: string[] }>(
          "GET",
          `missing?provider=${provider}&count=${count}`,
        )
      ).ids;
    },
    calls: (since = 0) =>
      sandbox.control<SandboxCall[]>(
        "GET",
        `calls?provider=${provider}&since=${since}`,
      ),
  };
}

/**
 * A reader of the whole call log (every provider): each read answers the calls logged since the
 * previous one, so a test can say that a request reached no provider.
 */
export function newCallsReader(
  sandbox: () => SandboxProcess,
): () => Promise<SandboxCall[]> {
  let seen = 0;
  return async () => {
    const calls = await sandbox().control<SandboxCall[]>(
      "GET",
      `calls?since=${seen}`,
    );
    seen = Math.max(seen, ...calls.map((call) => call.seq));
    return calls;
  };
}
