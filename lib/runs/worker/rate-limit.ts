import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { executeRows, type Db } from "@/lib/db/open-db";
import {
  installRateGate,
  SLOT_LATENESS_MS,
  slotSpacingMs,
  windowGuard,
  type RateBudget,
} from "@/lib/providers/rate-budget";
import { sleep } from "@/lib/utils";

/**
 * Reserves the budget's next send slot (docs/design.md §4) in the database, so every console
 * instance draws from the same budget: one statement moves the budget's next free slot one
 * spacing on from max(its value, now) and returns how long until the reserved one. Times come
 * from the database clock (`clock_timestamp()`), never an instance's. `rate_buckets.updated_at`
 * holds the next free slot.
 */
export async function reserveRateSlot(
  db: Db,
  budget: Pick<RateBudget, "key" | "requests" | "perMs">,
): Promise<{ waitMs: number; next: string }> {
  const spacing = slotSpacingMs(budget);
  const [row] = await executeRows<{ wait_ms: number | string; next: string }>(
    db,
    sql`insert into rate_buckets as b (key, tokens, updated_at)
        values (${budget.key}, 0, clock_timestamp() + make_interval(secs => ${spacing / 1000}::float8))
        on conflict (key) do update
           set updated_at = greatest(b.updated_at, clock_timestamp()) + make_interval(secs => ${spacing / 1000}::float8)
     returning greatest(0, extract(epoch from (b.updated_at - clock_timestamp())) * 1000 - ${spacing}::float8) as wait_ms,
               b.updated_at::text as next`,
  );
  return { waitMs: Number(row!.wait_ms), next: row!.next };
}

/**
 * Hands an unused slot back when it is still the last one reserved (a stop while waiting), so a
 * restarted worker does not wait for it.
 */
async function releaseRateSlot(
  db: Db,
  budget: Pick<RateBudget, "key" | "requests" | "perMs">,
  next: string,
): Promise<void> {
  const spacing = slotSpacingMs(budget);
  await db.execute(
    sql`update rate_buckets
           set updated_at = updated_at - make_interval(secs => ${spacing / 1000}::float8)
         where key = ${budget.key} and updated_at = ${next}::timestamptz`,
  );
}

/**
 * Waits for the budget's next slot; throws "stopped" once `signal` aborts (the slot is handed
 * back). Woken too late to send in it (a busy event loop), it takes the next free slot instead.
 */
export async function waitForRateSlot(
  db: Db,
  budget: RateBudget,
  signal?: AbortSignal,
): Promise<void> {
  for (;;) {
    if (signal?.aborted) throw new Error("stopped");
    const { waitMs, next } = await reserveRateSlot(db, budget);
    const slotAt = Date.now() + waitMs;
    if (waitMs > 0) await sleep(waitMs, signal);
    if (signal?.aborted) {
      await releaseRateSlot(db, budget, next).catch(() => {});
      throw new Error("stopped");
    }
    if (Date.now() - slotAt <= SLOT_LATENESS_MS) break;
  }
  await windowGuard(budget, signal);
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
 * The gate adapters await before every HTTP request once installed: the budget's next slot from
 * the database. Inside withStopSignal(), a stop ends the wait and the request is not
 * sent.
 */
export async function databaseRateGate(budget: RateBudget): Promise<void> {
  const scope = stopScope.getStore();
  try {
    await waitForRateSlot(await getDb(), budget, scope?.signal);
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
