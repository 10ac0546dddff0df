import "server-only";
import { createHash } from "node:crypto";
import { sleep } from "@/lib/utils";

// memories.ai allows 5 requests per second per account for delete_videos and, separately, for
// list_videos, answering code "0429" beyond that (docs/providers/memories.md §6). An adapter built
// with a rate gate (the registry's: shared by every console instance, ../rate-budget.ts) draws on
// that instead; one built without (adapter tests) spaces its own requests per endpoint here. Lanes
// are module-level and keyed by base URL, account key and endpoint, so every such adapter built
// for the same account in this process shares them.

export interface PaceRate {
  requests: number;
  perMs: number;
}

/** §6: "Delete QPS 5 per account", "List QPS 5 per account". */
export const MEMORIES_RATE: PaceRate = { requests: 5, perMs: 1000 };

const POLL_MS = 25;

interface Lane {
  /** Completion times of finished requests, oldest first. */
  done: number[];
  inFlight: number;
  /** Serialises waiters so that slots are handed out first come, first served. */
  queue: Promise<void>;
}

const lanes = new Map<string, Lane>();

/** A lane key that does not keep the raw API key in another structure. */
export function paceKey(baseUrl: string, apiKey: string): string {
  const account = createHash("sha256")
    .update(apiKey)
    .digest("hex")
    .slice(0, 16);
  return `${baseUrl}|${account}`;
}

async function waitForSlot(lane: Lane, rate: PaceRate): Promise<void> {
  for (;;) {
    const now = Date.now();
    while (lane.done.length > 0 && lane.done[0]! + rate.perMs <= now)
      lane.done.shift();
    if (lane.done.length + lane.inFlight < rate.requests) {
      lane.inFlight++;
      return;
    }
    // A request in flight frees its slot one window after it completes; poll until one has.
    const wait =
      lane.done.length > 0 ? lane.done[0]! + rate.perMs - now : POLL_MS;
    await sleep(Math.max(1, wait));
  }
}

/**
 * Runs `fn` once fewer than `rate.requests` requests of this lane started or finished within the
 * last `rate.perMs`. A slot is counted from the request's completion, which is never earlier than
 * its arrival at the provider, so network delay cannot squeeze six requests into one window.
 */
export async function pace<T>(
  key: string,
  fn: () => Promise<T>,
  rate: PaceRate = MEMORIES_RATE,
): Promise<T> {
  let lane = lanes.get(key);
  if (!lane) {
    lane = { done: [], inFlight: 0, queue: Promise.resolve() };
    lanes.set(key, lane);
  }
  const current = lane;
  const turn = current.queue.then(() => waitForSlot(current, rate));
  current.queue = turn;
  await turn;
  try {
    return await fn();
  } finally {
    current.inFlight--;
    current.done.push(Date.now());
  }
}
