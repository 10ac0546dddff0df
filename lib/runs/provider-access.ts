import "server-only";
import { ApiError } from "@/lib/http/errors";
import { getProvider } from "@/lib/providers/registry";
import type { ProviderAdapter, ProviderId } from "@/lib/providers/types";

/** The configured adapter, or a 409 that says what to configure. */
export function requireAdapter(providerId: ProviderId): ProviderAdapter {
  const entry = getProvider(providerId);
  if (!entry.adapter) {
    throw new ApiError(
      "conflict",
      `${entry.label} is not configured: set ${entry.missing.join(" and ")} on the server.`,
    );
  }
  return entry.adapter;
}

export const deleteBucketKey = (providerId: ProviderId) =>
  `${providerId}:delete`;
export const lookupBucketKey = (providerId: ProviderId) =>
  `${providerId}:lookup`;

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size)
    chunks.push(items.slice(index, index + size));
  return chunks;
}
