import "server-only";
import { createHash } from "node:crypto";
import { sleep } from "@/lib/utils";

// Rate budgets (docs/design.md §4, §9). An adapter declares, per kind of request, which budget it
// draws on: a provider limits some endpoints separately (VOD: DeleteVideo 30/s, GetVideoInfos
// 100/s, SearchMedia ≈50/s; memories.ai: delete_videos and list_videos 5/s each) and others per
// key for every call (Imagine.art). Before each HTTP request the adapter awaits a gate with that
// budget. Server code installs one gate per process at start-up (installRateGate), backed by the
// database, so every console instance draws from the same budget; lib/providers itself knows
// nothing of the database. Until one is installed, registry-built adapters share an in-process
// bucket instead.

/** What a request is for; several may name the same budget. */
export const rateFamilies = ["delete", "lookup", "list"] as const;
export type RateFamily = (typeof rateFamilies)[number];

export interface RateBudget {
  /** Bucket name: provider, a hash of the account (never a secret) and the provider's endpoint. */
  key: string;
  requests: number;
  perMs: number;
}

export type RateBudgets = Record<RateFamily, RateBudget>;

/** Resolves when one request may be sent within `budget`; may throw to refuse it. */
export type RateGate = (budget: RateBudget) => Promise<void>;

/**
 * Requests are given evenly spaced send slots at this share of the limit (docs/design.md §4).
 * Slots are handed out ahead of time, so a waiter that wakes a little late loses nothing (a token
 * bucket of capacity one loses every late millisecond, which held VOD near 85 % of its limit).
 * A late send can bunch with the next slot's, perhaps another instance's: spaced at 1/0.93 of
 * the limit, a window still holds at most the limit unless a call reaches the provider more than
 * 7.5 % of the window after its slot (75 ms of a 1-second window). A waiter that wakes more than
 * SLOT_LATENESS_MS late therefore gives its slot up and takes the next free one, which leaves
 * 65 ms for the request to reach the provider (on a busy machine the provider's side, here the
 * sandbox, also takes its time to see a request: 0.96 left too little for CI's two-instance test).
 */
export const RATE_HEADROOM = 0.93;

/** How late after its slot a waiter may still send; later, it takes a new slot (see above). */
export const SLOT_LATENESS_MS = 10;

/** Milliseconds between two slots of `budget`. */
export const slotSpacingMs = (budget: Pick<RateBudget, "requests" | "perMs">) =>
  budget.perMs / (budget.requests * RATE_HEADROOM);

/** A short, stable tag for a provider account that does not reveal its key. */
export function accountTag(...parts: (string | undefined)[]): string {
  return createHash("sha256")
    .update(parts.map((part) => part ?? "").join("\n"))
    .digest("hex")
    .slice(0, 16);
}

/** Budgets of one account; `endpoints` names each family's endpoint (equal names share a bucket). */
export function accountBudgets(
  provider: string,
  account: string,
  endpoints: Record<
    RateFamily,
    { endpoint: string; requests: number; perMs: number }
  >,
): RateBudgets {
  const budget = (family: RateFamily): RateBudget => {
    const { endpoint, requests, perMs } = endpoints[family];
    return { key: `${provider}:${account}:${endpoint}`, requests, perMs };
  };
  return {
    delete: budget("delete"),
    lookup: budget("lookup"),
    list: budget("list"),
  };
}

// On globalThis: Next bundles instrumentation and route handlers separately, and one process must
// have one gate and one set of slots (as lib/db/client.ts does for the database handle).
const globalForRates = globalThis as typeof globalThis & {
  __erasureRateGate?: RateGate;
  /** Per budget key: the next free slot (epoch ms) for the local gate. */
  __erasureLocalSlots?: Map<string, number>;
  /** Per budget key: when this process's last `requests` sends left. */
  __erasureSendTimes?: Map<string, number[]>;
};

/**
 * Waits until this process has sent fewer than `requests` calls of the budget within its window,
 * then counts this send. Slots alone allow a late send to land next to the following one (an
 * event loop busy with embedded PostgreSQL can wake a waiter tens of milliseconds late); this
 * keeps what one process sends within the limit whatever its timers do.
 */
export async function windowGuard(
  budget: RateBudget,
  signal?: AbortSignal,
): Promise<void> {
  const all = (globalForRates.__erasureSendTimes ??= new Map());
  const times = all.get(budget.key) ?? [];
  all.set(budget.key, times);
  for (;;) {
    if (signal?.aborted) throw new Error("stopped");
    const now = Date.now();
    // As long as `requests` slots take: it never delays sends that keep to their slots, and it
    // stops a burst of late ones at the slots' own rate.
    const windowMs = budget.perMs / RATE_HEADROOM;
    while (times.length > 0 && times[0]! <= now - windowMs) times.shift();
    if (times.length < budget.requests) {
      times.push(now);
      return;
    }
    await sleep(times[0]! + windowMs - now + 1, signal);
  }
}

/** Evenly spaced slots per budget key in this process only (no database). */
export const localRateGate: RateGate = async (budget) => {
  const slots = (globalForRates.__erasureLocalSlots ??= new Map());
  for (;;) {
    const now = Date.now();
    const slot = Math.max(now, slots.get(budget.key) ?? 0);
    slots.set(budget.key, slot + slotSpacingMs(budget));
    if (slot > now) await sleep(slot - now);
    if (Date.now() - slot <= SLOT_LATENESS_MS) break;
  }
  await windowGuard(budget);
};

/** Makes `gate` the one every registry-built adapter of this process uses (undefined: none). */
export function installRateGate(gate: RateGate | undefined): void {
  globalForRates.__erasureRateGate = gate;
}

/** The installed gate, looked up at each request, so adapters built before start-up use it too. */
export const sharedRateGate: RateGate = (budget) =>
  (globalForRates.__erasureRateGate ?? localRateGate)(budget);
