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
 * Buckets refill at this share of the limit with a capacity of one request: a bigger burst, or the
 * full rate, would let a one-second window see the burst plus a second's refill.
 */
export const RATE_HEADROOM = 0.9;

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

interface LocalBucket {
  tokens: number;
  at: number;
  /** Serialises waiters: first come, first served. */
  queue: Promise<void>;
}

// On globalThis: Next bundles instrumentation and route handlers separately, and one process must
// have one gate and one set of buckets (as lib/db/client.ts does for the database handle).
const globalForRates = globalThis as typeof globalThis & {
  __erasureRateGate?: RateGate;
  __erasureLocalBuckets?: Map<string, LocalBucket>;
};

/** A token bucket per budget key in this process only, refilled like the database's. */
export const localRateGate: RateGate = (budget) => {
  const buckets = (globalForRates.__erasureLocalBuckets ??= new Map());
  let bucket = buckets.get(budget.key);
  if (!bucket) {
    bucket = { tokens: 1, at: Date.now(), queue: Promise.resolve() };
    buckets.set(budget.key, bucket);
  }
  const current = bucket;
  const perMs = (budget.requests * RATE_HEADROOM) / budget.perMs;
  const turn = current.queue.then(async () => {
    for (;;) {
      const now = Date.now();
      current.tokens = Math.min(1, current.tokens + (now - current.at) * perMs);
      current.at = now;
      if (current.tokens >= 1) {
        current.tokens -= 1;
        return;
      }
      await sleep(Math.max(1, Math.ceil((1 - current.tokens) / perMs)));
    }
  });
  current.queue = turn;
  return turn;
};

/** Makes `gate` the one every registry-built adapter of this process uses (undefined: none). */
export function installRateGate(gate: RateGate | undefined): void {
  globalForRates.__erasureRateGate = gate;
}

/** The installed gate, looked up at each request, so adapters built before start-up use it too. */
export const sharedRateGate: RateGate = (budget) =>
  (globalForRates.__erasureRateGate ?? localRateGate)(budget);
