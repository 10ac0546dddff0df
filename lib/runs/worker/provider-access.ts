import "server-only";
import { ApiError } from "@/lib/http/errors";
import { idKindLabels } from "@/lib/providers/id-formats";
import { adapterForIdKind } from "@/lib/providers/id-kinds";
import { getProvider } from "@/lib/providers/registry";
import type {
  IdKind,
  ProviderAdapter,
  ProviderId,
} from "@/lib/providers/types";

/**
 * The configured adapter for this kind of ID; a 409 says what to configure, a 422 that the
 * provider has no such IDs.
 */
export function requireAdapter(
  providerId: ProviderId,
  idKind: IdKind = "video",
): ProviderAdapter {
  const entry = getProvider(providerId);
  if (!entry.adapter) {
    throw new ApiError(
      "conflict",
      `${entry.label} is not configured: set ${entry.missing.join(" and ")} on the server.`,
    );
  }
  const adapter = adapterForIdKind(entry.adapter, idKind);
  if (!adapter) {
    throw new ApiError(
      "unprocessable",
      `${entry.label} has no ${idKindLabels[idKind].plural}; give its video IDs.`,
    );
  }
  return adapter;
}
