import "server-only";
import { getEnv, type Env } from "@/lib/env";
import { createAkoolAdapter } from "./akool/adapter";
import { createImagineAdapter } from "./imagine/adapter";
import { createMemoriesAdapter } from "./memories/adapter";
import { sharedRateGate } from "./rate-budget";
import type { ProviderAdapter, ProviderId } from "./types";
import { createVodAdapter } from "./vod/adapter";

export interface ProviderEntry {
  id: ProviderId;
  label: string;
  /** The adapter when credentials are set; otherwise what to set (shown, never an error page). */
  adapter: ProviderAdapter | null;
  missing: string[];
}

const labels: Record<ProviderId, string> = {
  akool: "Akool",
  memories: "memories.ai",
  vod: "ApsaraVideo VOD",
  imagine: "Imagine.art",
};

function build(env: Env): ProviderEntry[] {
  const timeoutMs = env.PROVIDER_TIMEOUT_MS;
  // Every request of every adapter waits for its budget: the database's once start-up has
  // installed that gate (lib/runs/worker/rate-limit.ts), this process's buckets until then.
  const gate = sharedRateGate;
  const akoolCredentials =
    env.AKOOL_API_KEY || (env.AKOOL_CLIENT_ID && env.AKOOL_CLIENT_SECRET);
  return [
    {
      id: "akool",
      label: labels.akool,
      missing: akoolCredentials
        ? []
        : ["AKOOL_API_KEY (or AKOOL_CLIENT_ID and AKOOL_CLIENT_SECRET)"],
      adapter: akoolCredentials
        ? createAkoolAdapter({
            baseUrl: env.AKOOL_BASE_URL,
            apiKey: env.AKOOL_API_KEY,
            clientId: env.AKOOL_CLIENT_ID,
            clientSecret: env.AKOOL_CLIENT_SECRET,
            maxBatch: env.AKOOL_MAX_BATCH,
            timeoutMs,
            gate,
          })
        : null,
    },
    {
      id: "memories",
      label: labels.memories,
      missing: env.MEMORIES_API_KEY ? [] : ["MEMORIES_API_KEY"],
      adapter: env.MEMORIES_API_KEY
        ? createMemoriesAdapter({
            baseUrl: env.MEMORIES_BASE_URL,
            apiKey: env.MEMORIES_API_KEY,
            uniqueId: env.MEMORIES_UNIQUE_ID,
            apiVersion: env.MEMORIES_API_VERSION,
            timeoutMs,
            gate,
          })
        : null,
    },
    {
      id: "vod",
      label: labels.vod,
      missing: [
        ...(env.VOD_ACCESS_KEY_ID ? [] : ["VOD_ACCESS_KEY_ID"]),
        ...(env.VOD_ACCESS_KEY_SECRET ? [] : ["VOD_ACCESS_KEY_SECRET"]),
      ],
      adapter:
        env.VOD_ACCESS_KEY_ID && env.VOD_ACCESS_KEY_SECRET
          ? createVodAdapter({
              accessKeyId: env.VOD_ACCESS_KEY_ID,
              accessKeySecret: env.VOD_ACCESS_KEY_SECRET,
              region: env.VOD_REGION,
              ...(env.VOD_APP_ID ? { appId: env.VOD_APP_ID } : {}),
              endpoint: env.VOD_ENDPOINT,
              timeoutMs,
              gate,
            })
          : null,
    },
    {
      id: "imagine",
      label: labels.imagine,
      missing: env.IMAGINE_API_KEY ? [] : ["IMAGINE_API_KEY"],
      adapter: env.IMAGINE_API_KEY
        ? createImagineAdapter({
            baseUrl: env.IMAGINE_BASE_URL,
            apiKey: env.IMAGINE_API_KEY,
            deleteMethod: env.IMAGINE_DELETE_METHOD,
            deletePath: env.IMAGINE_DELETE_PATH,
            statusPath: env.IMAGINE_STATUS_PATH,
            rateLimitPerMinute: env.IMAGINE_RATE_PER_MINUTE,
            timeoutMs,
            gate,
          })
        : null,
    },
  ];
}

// Adapters hold caches (Akool's token), so one set per process.
const globalForProviders = globalThis as typeof globalThis & {
  __erasureProviders?: ProviderEntry[];
};

export function listProviders(): ProviderEntry[] {
  globalForProviders.__erasureProviders ??= build(getEnv());
  return globalForProviders.__erasureProviders;
}

export function getProvider(id: ProviderId): ProviderEntry {
  return listProviders().find((entry) => entry.id === id)!;
}
