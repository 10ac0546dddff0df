import type { IdKind, ProviderAdapter } from "./types";

/**
 * The adapter as a run of this kind of ID sees it: reference IDs swap in their own format,
 * look-up and delete, and cannot be listed. Null when the provider has no such kind of ID, so
 * lib/runs never learns which provider supports what.
 */
export function adapterForIdKind(
  adapter: ProviderAdapter,
  kind: IdKind,
): ProviderAdapter | null {
  if (kind === "video") return adapter;
  const alternate = adapter.referenceIds;
  if (!alternate) return null;
  return {
    ...adapter,
    idPattern: alternate.idPattern,
    idFormat: alternate.idFormat,
    lookup: alternate.lookup,
    delete: alternate.delete,
    list: undefined,
    referenceIds: undefined,
  };
}
