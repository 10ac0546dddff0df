import "server-only";
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "@/lib/db/open-db";

// Buckets this process has already created; the row, once there, is only ever updated.
const knownBuckets = new Set<string>();

/**
 * Token bucket per provider account held in the database, so every console instance draws from
 * the same budget. Refill uses the database clock (`clock_timestamp()`), never an instance's.
 * Capacity is one call and the refill rate is 90 % of the provider's limit: with a bigger burst,
 * a one-second window could see the burst plus a second's refill and exceed the limit.
 */
export async function takeRateToken(
  db: Db,
  key: string,
  limit: { requests: number; perMs: number },
  cost = 1,
): Promise<number> {
  const perMs = (limit.requests * 0.9) / limit.perMs;
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

/** Waits until the bucket grants a token. */
export async function waitForRateToken(
  db: Db,
  key: string,
  limit: { requests: number; perMs: number },
  cost = 1,
  signal?: AbortSignal,
): Promise<void> {
  for (;;) {
    const waitMs = await takeRateToken(db, key, limit, cost);
    if (waitMs === 0) return;
    if (signal?.aborted) throw new Error("stopped");
    await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, 1000)));
  }
}
