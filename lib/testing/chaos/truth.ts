// Test-only: what really happened, as the sandbox reports it: each video's true state and the log
// of provider calls. The chaos checker trusts these, never the console's own record.
import type { ProviderId } from "@/lib/providers/types";
import type { SandboxProcess } from "../sandbox-process";

/** One video's true state as `GET /__sandbox/videos` reports it. */
export interface TrueVideo {
  id: string;
  status: string;
  /** `console` is this account (memories.ai: its default namespace); anything else is not. */
  owner: string;
  deleted: boolean;
}

/** One entry of `GET /__sandbox/calls` (sandbox/call-log.ts). */
export interface SandboxCall {
  seq: number;
  provider: ProviderId;
  /** Arrival time at the sandbox, epoch ms; a fake acts at arrival. */
  at: number;
  operation: string;
  ids: string[];
  /** 0 when a hang or reset fault sent no answer. */
  status: number;
  fault?: string;
}

/** The call-log operation that deletes, per provider. */
export const DELETE_OPERATION: Record<ProviderId, string> = {
  akool: "delete",
  memories: "delete",
  vod: "DeleteVideo",
  imagine: "delete",
};

/** Akool IDs are case-insensitive (akool.md §7); the sandbox reports them in lower case. */
export const truthKey = (provider: ProviderId, id: string) =>
  provider === "akool" ? id.toLowerCase() : id;

export async function trueState(
  sandbox: SandboxProcess,
  provider: ProviderId,
): Promise<Map<string, TrueVideo>> {
  const videos = await sandbox.control<TrueVideo[]>(
    "GET",
    `videos?provider=${provider}`,
  );
  return new Map(videos.map((video) => [video.id, video]));
}

export async function lastSeq(sandbox: SandboxProcess): Promise<number> {
  const calls = await sandbox.control<SandboxCall[]>("GET", "calls");
  return calls.length === 0 ? 0 : calls[calls.length - 1]!.seq;
}

/** Follows the sandbox call log from a cursor. */
export function callFollower(sandbox: SandboxProcess, start: number) {
  let cursor = start;
  let lastCallAt = Date.now();
  const sent = new Map<ProviderId, number>();
  return {
    /** New calls since the last poll (and moves the cursor past them). */
    async poll(): Promise<number> {
      const calls = await sandbox.control<SandboxCall[]>(
        "GET",
        `calls?since=${cursor}`,
      );
      if (calls.length > 0) {
        cursor = calls[calls.length - 1]!.seq;
        lastCallAt = Date.now();
      }
      for (const call of calls)
        if (call.operation === DELETE_OPERATION[call.provider])
          sent.set(
            call.provider,
            (sent.get(call.provider) ?? 0) + call.ids.length,
          );
      return calls.length;
    },
    /** IDs named in delete calls per provider since the last `resetSent`. */
    sent: (provider: ProviderId) => sent.get(provider) ?? 0,
    resetSent: () => sent.clear(),
    quietFor: () => Date.now() - lastCallAt,
    markNow() {
      lastCallAt = Date.now();
    },
  };
}
