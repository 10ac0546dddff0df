import "server-only";
import { inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { rateBuckets } from "@/lib/db/schema";
import {
  rateFamilies,
  slotSpacingMs,
  type RateBudget,
} from "@/lib/providers/rate-budget";
import { listProviders } from "@/lib/providers/registry";
import type { ProviderBudgets } from "./schemas";

/**
 * Each provider's rate budgets and how much of each is left, from the database's next free send
 * slot per budget (lib/runs/worker/rate-limit.ts): slots already handed out beyond now are sends
 * the coming window cannot make again. Reads rate_buckets only, never the provider, so looking
 * costs no budget.
 */
export async function providerBudgets(): Promise<ProviderBudgets[]> {
  const providers = listProviders().map((entry) => {
    const byKey = new Map<string, { budget: RateBudget; families: string[] }>();
    for (const family of rateFamilies) {
      const budget = entry.adapter?.rateBudgets[family];
      if (!budget) continue;
      const shared = byKey.get(budget.key);
      if (shared) shared.families.push(family);
      else byKey.set(budget.key, { budget, families: [family] });
    }
    return { entry, budgets: [...byKey.values()] };
  });
  const keys = providers.flatMap(({ budgets }) =>
    budgets.map(({ budget }) => budget.key),
  );
  const db = await getDb();
  // Both instants from the database clock, the one the slots are handed out by.
  const rows =
    keys.length === 0
      ? []
      : await db
          .select({
            key: rateBuckets.key,
            nextFreeAt: rateBuckets.updatedAt,
            aheadMs: sql<number>`extract(epoch from (${rateBuckets.updatedAt} - clock_timestamp())) * 1000`,
          })
          .from(rateBuckets)
          .where(inArray(rateBuckets.key, keys));
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return providers.map(({ entry, budgets }) => ({
    id: entry.id,
    label: entry.label,
    configured: entry.adapter !== null,
    budgets: budgets.map(({ budget, families }) => {
      const row = byKey.get(budget.key);
      const spacing = slotSpacingMs(budget);
      const bookedMs = Math.max(0, Number(row?.aheadMs ?? 0));
      const booked = Math.ceil(bookedMs / spacing);
      return {
        families,
        requests: budget.requests,
        perMs: budget.perMs,
        free: Math.max(0, budget.requests - booked),
        bookedMs: Math.round(bookedMs),
        // The free slot is one spacing after the last one handed out (perhaps still ahead).
        lastUsedAt: row
          ? new Date(
              Math.min(
                Date.now(),
                new Date(row.nextFreeAt).getTime() - spacing,
              ),
            )
          : null,
      };
    }),
  }));
}
