import "server-only";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { idFormatFor, idKindLabels } from "@/lib/providers/id-formats";
import type { IdKind, LookupResult, ProviderId } from "@/lib/providers/types";
import { chunk } from "@/lib/utils";
import { parseIds } from "./parse-ids";
import type { Expectation, PreviewItem, PreviewResponse } from "./schemas";
import { expectations } from "./schemas";
import { requireAdapter } from "./worker/provider-access";

const expectationByState: Record<LookupResult["state"], Expectation> = {
  exists: "will_delete",
  processing: "processing",
  not_found: "already_gone",
  forbidden: "not_yours",
  failed: "unknown",
};

/** Validates and de-duplicates exactly as run creation does; a 422 names the limit. */
export function validateIds(
  providerId: ProviderId,
  ids: string[],
  idKind: IdKind = "video",
) {
  const format = idFormatFor(providerId, idKind);
  if (!format) {
    throw new ApiError(
      "unprocessable",
      `This provider has no ${idKindLabels[idKind].plural}; give its video IDs.`,
    );
  }
  const parsed = parseIds(ids, format);
  const limit = getEnv().ERASURE_MAX_IDS_PER_RUN;
  if (parsed.valid.length > limit) {
    throw new ApiError(
      "unprocessable",
      `A run holds at most ${limit.toLocaleString("en-US")} distinct IDs; got ${parsed.valid.length.toLocaleString("en-US")}.`,
    );
  }
  return parsed;
}

/**
 * Per-ID expectation from the provider's look-up; nothing is deleted. Look-ups draw on the
 * shared rate budget, and at most ERASURE_PREVIEW_LOOKUP_LIMIT IDs are checked (the rest say
 * so) so that a preview of 100,000 IDs answers in reasonable time.
 */
export async function previewRun(
  providerId: ProviderId,
  ids: string[],
  idKind: IdKind = "video",
): Promise<PreviewResponse> {
  const adapter = requireAdapter(providerId, idKind);
  const parsed = validateIds(providerId, ids, idKind);
  const limit = getEnv().ERASURE_PREVIEW_LOOKUP_LIMIT;
  const checked = parsed.valid.slice(0, limit);
  const found = new Map<string, LookupResult>();
  for (const batch of chunk(checked, adapter.maxBatch)) {
    // Each request the adapter makes waits for its look-up budget, shared with the workers.
    for (const [id, result] of await adapter.lookup(batch))
      found.set(id, result);
  }

  const items: PreviewItem[] = parsed.valid.map((id) => {
    const result = found.get(id);
    if (!result) {
      return {
        id,
        expectation: "unknown",
        detail: `not checked: preview looks up the first ${limit.toLocaleString("en-US")} IDs`,
      };
    }
    const detail =
      result.state === "failed"
        ? `look-up failed: ${result.message ?? result.code}`
        : result.status;
    return {
      id,
      expectation: expectationByState[result.state],
      ...(detail ? { detail } : {}),
    };
  });
  for (const row of parsed.malformed)
    items.push({ id: row.value, expectation: "malformed", detail: row.reason });

  const counts = Object.fromEntries(
    expectations.map((expectation) => [expectation, 0]),
  ) as Record<Expectation, number>;
  for (const item of items) counts[item.expectation]++;
  counts.malformed = parsed.malformedCount;
  return {
    provider: providerId,
    idKind,
    validCount: parsed.valid.length,
    duplicateCount: parsed.duplicateCount,
    counts,
    items,
  };
}
