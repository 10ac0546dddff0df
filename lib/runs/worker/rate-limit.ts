import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { executeRows, type Db } from "@/lib/db/open-db";
import {
  installRateGate,
  RATE_HEADROOM,
  type RateBudget,
} from "@/lib/providers/rate-budget";
import { sleep } from "@/lib/utils";

// Buckets this process has already created; the row, once there, is only ever updated.
const knownBuckets = new Set<string>();

/**
 * Token bucket per rate budget (provider account and endpoint, lib/providers/rate-budget.ts) held
 * in the database, so every console instance draws from the same budget. Refill uses the
 * database clock (`clock_timestamp()`), never an instance's. Capacity is one call and the refill
 * rate is 90 % of the provider's limit: with a bigger burst, a one-second window could see the
 * burst plus a second's refill and exceed the limit.
 */
export async function takeRateToken(
  db: Db,
  key: string,
  limit: { requests: number; perMs: number },
  cost = 1,
): Promise<number> {
  const perMs = (limit.requests * RATE_HEADROOM) / limit.perMs;
  const capacity = Math.max(1, cost);
  if (!knownBuckets.has(key)) {
    await db.execute(
      sql`insert into rate_buckets (key, tokens) values (${key}, ${capacity}) on conflict (key) do nothing`,
    );
    knownBuckets.add(key);
  }
  const [row] = await executeRows<{ granted: boolean; available: number }>(
    db,
    sql`with current as (
          select least(${capacity}::float8,
                       tokens + extract(epoch from (clock_timestamp() - updated_at)) * 1000 * ${perMs}::float8) as available
          from rate_buckets where key = ${key} for update
        )
        update rate_buckets
           set tokens = case when current.available >= ${cost}::float8 then current.available - ${cost}::float8 else current.available end,
               updated_at = clock_timestamp()
          from current
         where rate_buckets.key = ${key}
     returning current.available >= ${cost}::float8 as granted, current.available as available`,
  );
  if (!row || row.granted) return 0;
  return Math.ceil((cost - Number(row.available)) / perMs);
}

/** Waits until the bucket grants a token; throws "stopped" once `signal` aborts. */
export async function waitForRateToken(
  db: Db,
  key: string,
  limit: { requests: number; perMs: number },
  cost = 1,
  signal?: AbortSignal,
): Promise<void> {
  for (;;) {
    if (signal?.aborted) throw new Error("stopped");
    const waitMs = await takeRateToken(db, key, limit, cost);
    if (waitMs === 0) return;
    await sleep(Math.min(waitMs, 1000), signal);
  }
}

interface StopScope {
  signal: AbortSignal;
  /** Why a gate refused a request (the signal aborted, or the database failed), if one did. */
  refusal?: unknown;
}

// On globalThis like the gate itself: one scope store per process, whichever bundle asks.
const globalForRates = globalThis as typeof globalThis & {
  __erasureRateStopScope?: AsyncLocalStorage<StopScope>;
};
const stopScope = (globalForRates.__erasureRateStopScope ??=
  new AsyncLocalStorage<StopScope>());

/**
 * The gate adapters await before every HTTP request once installed: one token from the budget's
 * bucket in the database. Inside withStopSignal(), a stop ends the wait and the request is not
 * sent.
 */
export async function databaseRateGate(budget: RateBudget): Promise<void> {
  const scope = stopScope.getStore();
  try {
    await waitForRateToken(await getDb(), budget.key, budget, 1, scope?.signal);
  } catch (error) {
    if (scope) scope.refusal ??= error;
    throw error;
  }
}

/**
 * Makes every provider request of this process (worker, route handlers, scripts) draw on the
 * database's buckets. Called at start-up (lib/start-server.ts) and by startWorker(); idempotent.
 */
export function installDatabaseRateGate(): void {
  installRateGate(databaseRateGate);
}

/**
 * Runs adapter calls whose rate waits end when `signal` aborts. Throws when a gate refused a
 * request (stopped, or no token could be taken), even if the adapter turned that into answers:
 * they would not be the provider's, so nothing may be recorded from them. Items already sent stay
 * in doubt and the next claim settles them (docs/design.md §2).
 */
export async function withStopSignal<T>(
  signal: AbortSignal,
  calls: () => Promise<T>,
): Promise<T> {
  const scope: StopScope = { signal };
  const result = await stopScope.run(scope, calls);
  if (scope.refusal !== undefined) throw scope.refusal;
  return result;
}
