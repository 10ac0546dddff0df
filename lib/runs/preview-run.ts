import "server-only";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { idFormatFor, idKindLabels } from "@/lib/providers/id-formats";
import type { IdKind, LookupResult, ProviderId } from "@/lib/providers/types";
import { chunk } from "@/lib/utils";
import { parseIds } from "./parse-ids";
import { signEvidence } from "./preview-evidence";
import type {
  Expectation,
  PreviewItem,
  PreviewResponse,
  PreviewStreamEvent,
} from "./schemas";
import { expectations } from "./schemas";
import { requireAdapter } from "./worker/provider-access";
import { withStopSignal } from "./worker/rate-limit";

const expectationByState: Record<LookupResult["state"], Expectation> = {
  exists: "will_delete",
  processing: "processing",
  not_found: "already_gone",
  forbidden: "not_yours",
  failed: "unknown",
};

/** Rows left unchecked or malformed go out in slices of this many, not as one huge line. */
const TAIL_EVENT_ROWS = 5_000;
/** Fast providers answer hundreds of batches a second: one event per this long at most. */
const FLUSH_MS = 250;

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

function itemOf(id: string, result: LookupResult): PreviewItem {
  const detail =
    result.state === "failed"
      ? `look-up failed: ${result.message ?? result.code}`
      : result.status;
  return {
    id,
    expectation: expectationByState[result.state],
    ...(detail ? { detail } : {}),
  };
}

export interface PreviewRequest {
  provider: ProviderId;
  ids: string[];
  idKind?: IdKind;
  /** Whose preview: its evidence excludes IDs only from this user's runs (none without). */
  userId?: string;
  /** Aborted when the caller went away or cancelled: no further look-up is made. */
  signal?: AbortSignal;
}

/**
 * Per-ID expectation from the provider's look-ups, as events in the order they answer (the
 * stream of `POST /api/runs/preview`); nothing is deleted. Steps: validate (throws before the
 * first event, so a bad list is a plain 4xx) → `start` → look up the first
 * ERASURE_PREVIEW_LOOKUP_LIMIT IDs batch by batch, each batch waiting for the look-up budget
 * shared with the workers, with an `items` event (and its signed evidence) as they answer →
 * the unchecked and malformed rows → `done`. When `signal` aborts, the rate wait in progress
 * ends, no further batch is sent, and the events simply stop.
 */
export function previewEvents(
  request: PreviewRequest,
): AsyncGenerator<PreviewStreamEvent> {
  const idKind = request.idKind ?? "video";
  const adapter = requireAdapter(request.provider, idKind);
  const parsed = validateIds(request.provider, request.ids, idKind);
  const limit = getEnv().ERASURE_PREVIEW_LOOKUP_LIMIT;
  const { userId } = request;
  const signal = request.signal ?? new AbortController().signal;

  return (async function* () {
    const checked = parsed.valid.slice(0, limit);
    yield {
      type: "start",
      provider: request.provider,
      idKind,
      validCount: parsed.valid.length,
      duplicateCount: parsed.duplicateCount,
      malformedCount: parsed.malformedCount,
      toCheck: checked.length,
      lookupLimit: limit,
    };
    const counts = Object.fromEntries(
      expectations.map((expectation) => [expectation, 0]),
    ) as Record<Expectation, number>;
    let done = 0;
    let pending: PreviewItem[] = [];
    // The first answer goes out at once: it is what tells the operator the preview is moving.
    let flushedAt = 0;
    const flush = (): PreviewStreamEvent => {
      const items = pending;
      pending = [];
      flushedAt = Date.now();
      const evidence =
        userId === undefined
          ? undefined
          : signEvidence({ provider: request.provider, idKind, userId }, items);
      return {
        type: "items",
        items,
        checked: done,
        ...(evidence ? { evidence } : {}),
      };
    };

    for (const batch of chunk(checked, adapter.maxBatch)) {
      if (signal.aborted) return;
      let found: Map<string, LookupResult>;
      try {
        // The budget wait ends when the caller goes away: a cancelled preview spends no more.
        found = await withStopSignal(signal, () => adapter.lookup(batch));
      } catch (error) {
        if (signal.aborted) return;
        throw error;
      }
      for (const id of batch) {
        const item = itemOf(
          id,
          found.get(id) ?? {
            state: "failed",
            code: "no_answer",
            retryable: true,
          },
        );
        counts[item.expectation]++;
        pending.push(item);
      }
      done += batch.length;
      if (Date.now() - flushedAt >= FLUSH_MS || done === checked.length)
        yield flush();
    }

    const tail: PreviewItem[] = parsed.valid.slice(limit).map((id) => ({
      id,
      expectation: "unknown",
      detail: `not checked: preview looks up the first ${limit.toLocaleString("en-US")} IDs`,
    }));
    for (const row of parsed.malformed)
      tail.push({
        id: row.value,
        expectation: "malformed",
        detail: row.reason,
      });
    for (const slice of chunk(tail, TAIL_EVENT_ROWS))
      yield { type: "items", items: slice, checked: done };
    counts.unknown += parsed.valid.length - checked.length;
    counts.malformed = parsed.malformedCount;
    yield { type: "done", checkedCount: done, counts };
  })();
}

/** The whole preview as one JSON answer (callers that do not ask for the stream). */
export async function previewRun(
  providerId: ProviderId,
  ids: string[],
  idKind: IdKind = "video",
  options: Pick<PreviewRequest, "userId" | "signal"> = {},
): Promise<PreviewResponse> {
  const response: PreviewResponse = {
    provider: providerId,
    idKind,
    validCount: 0,
    duplicateCount: 0,
    checkedCount: 0,
    lookupLimit: 0,
    counts: Object.fromEntries(
      expectations.map((expectation) => [expectation, 0]),
    ) as Record<Expectation, number>,
    items: [],
    evidence: [],
  };
  const events = previewEvents({
    provider: providerId,
    ids,
    idKind,
    ...options,
  });
  for await (const event of events) {
    if (event.type === "start") {
      response.validCount = event.validCount;
      response.duplicateCount = event.duplicateCount;
      response.lookupLimit = event.lookupLimit;
    } else if (event.type === "items") {
      for (const item of event.items) {
        response.items.push(item);
        // Counted as they come, so a preview cut short still says what it found.
        response.counts[item.expectation]++;
      }
      response.checkedCount = event.checked;
      if (event.evidence) response.evidence.push(event.evidence);
    } else if (event.type === "done") {
      response.checkedCount = event.checkedCount;
      response.counts = event.counts;
    }
  }
  return response;
}
