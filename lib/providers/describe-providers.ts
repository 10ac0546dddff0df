import "server-only";
import { sleep } from "@/lib/utils";
import { listProviders, type ProviderEntry } from "./registry";
import type { ProviderSummary } from "./schemas";
import type { HealthResult } from "./types";

// Health checks are real provider calls; a page view must not spend the provider's rate limit.
const HEALTH_TTL_MS = 60_000;
const healthCache = new Map<string, { at: number; result: HealthResult }>();
const HEALTH_RETRY_MS = 1_100;

async function checkHealth(
  entry: ProviderEntry,
  refresh: boolean,
): Promise<ProviderSummary["health"]> {
  if (!entry.adapter) return null;
  const cached = healthCache.get(entry.id);
  if (!refresh && cached && Date.now() - cached.at < HEALTH_TTL_MS) {
    return { ...cached.result, checkedAt: new Date(cached.at).toISOString() };
  }
  const adapter = entry.adapter;
  const probe = () =>
    adapter.healthCheck().catch((error: unknown): HealthResult => ({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    }));
  // One transient answer (a throttled or timed-out probe while runs share the budget) must not
  // show a provider as down: a failed probe is tried once more, a throttle window later.
  let result = await probe();
  if (!result.ok) {
    await sleep(HEALTH_RETRY_MS);
    result = await probe();
  }
  const at = Date.now();
  healthCache.set(entry.id, { at, result });
  return { ...result, checkedAt: new Date(at).toISOString() };
}

/** Every provider, configured or not, with its limits and a (cached) health check. */
export async function describeProviders(
  options: { refresh?: boolean } = {},
): Promise<ProviderSummary[]> {
  return Promise.all(
    listProviders().map(async (entry) => ({
      id: entry.id,
      label: entry.label,
      configured: entry.adapter !== null,
      missing: entry.missing,
      maxBatch: entry.adapter?.maxBatch ?? null,
      rateLimit: entry.adapter?.rateLimit ?? null,
      idFormat: entry.adapter?.idFormat ?? null,
      canList: typeof entry.adapter?.list === "function",
      statuses: [...(entry.adapter?.statuses ?? [])],
      health: await checkHealth(entry, options.refresh ?? false),
    })),
  );
}
