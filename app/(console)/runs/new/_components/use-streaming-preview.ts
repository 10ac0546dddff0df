import { useCallback, useEffect, useRef, useState } from "react";
import type { ErrorCode } from "@/lib/http/errors";
import { FetchError } from "@/lib/http/fetch-json";
import { readNdjson } from "@/lib/http/ndjson";
import type {
  Expectation,
  PreviewBody,
  PreviewItem,
  PreviewResponse,
} from "@/lib/runs/schemas";
import { expectations } from "@/lib/runs/vocabulary";

export interface PreviewProgress {
  checked: number;
  toCheck: number;
  /** When the first look-up was asked for, epoch ms: the ETA's clock. */
  startedAt: number;
}

export interface StreamingPreview {
  /** The list and provider the preview is (or was) for. */
  variables: PreviewBody | undefined;
  /** The rows so far while running; then complete, or what a cancelled preview had checked. */
  data: PreviewResponse | undefined;
  /** The operator stopped it: `data` holds the rows so far, the rest not checked. */
  cancelled: boolean;
  isPending: boolean;
  progress: PreviewProgress | null;
  error: Error | null;
  start: (body: PreviewBody) => void;
  cancel: () => void;
}

const emptyCounts = () =>
  Object.fromEntries(expectations.map((e) => [e, 0])) as Record<
    Expectation,
    number
  >;

/** Refusals (422, 409, 413…) come before the stream, as the usual JSON error. */
async function refusal(response: Response): Promise<FetchError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code: ErrorCode; message: string };
  } | null;
  return new FetchError(
    response.status,
    body?.error?.code ?? "internal",
    body?.error?.message ?? `Preview failed with HTTP ${response.status}.`,
  );
}

/**
 * `POST /api/runs/preview` as a stream (`Accept: application/x-ndjson`): rows appear as the
 * provider answers, with progress for an ETA. `cancel` aborts the request, which ends the
 * server's look-ups; what was checked stays, and the rest is marked not checked.
 */
export function useStreamingPreview(): StreamingPreview {
  const controller = useRef<AbortController | null>(null);
  const [state, setState] = useState<
    Omit<StreamingPreview, "start" | "cancel">
  >({
    variables: undefined,
    data: undefined,
    cancelled: false,
    isPending: false,
    progress: null,
    error: null,
  });

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback((body: PreviewBody) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const startedAt = Date.now();
    setState({
      variables: body,
      data: undefined,
      cancelled: false,
      isPending: true,
      progress: null,
      error: null,
    });
    const result: PreviewResponse = {
      provider: body.provider,
      idKind: body.idKind ?? "video",
      validCount: 0,
      duplicateCount: 0,
      checkedCount: 0,
      lookupLimit: 0,
      counts: emptyCounts(),
      items: [],
      evidence: [],
    };
    let malformedCount = 0;
    const finishCancelled = () => {
      // Everything past the last answer was never looked up: say so, row by row.
      const seen = new Set(result.items.map((item) => item.id));
      const notChecked: PreviewItem[] = body.ids
        .filter((id) => !seen.has(id))
        .map((id) => ({
          id,
          expectation: "unknown",
          detail: "not checked: the preview was cancelled",
        }));
      const counts = emptyCounts();
      for (const item of result.items) counts[item.expectation]++;
      counts.unknown += notChecked.length;
      counts.malformed = malformedCount;
      return { ...result, counts, items: [...result.items, ...notChecked] };
    };

    void (async () => {
      try {
        const response = await fetch("/api/runs/preview", {
          method: "POST",
          headers: {
            "content-type": "application/json",
            accept: "application/x-ndjson",
          },
          body: JSON.stringify(body),
          signal: abort.signal,
        });
        if (!response.ok) throw await refusal(response);
        // The schemas (and zod) load with the first preview, not with the page.
        const { previewStreamEventSchema } = await import("@/lib/runs/schemas");
        for await (const line of readNdjson(response)) {
          const event = previewStreamEventSchema.parse(line);
          if (event.type === "start") {
            result.validCount = event.validCount;
            result.duplicateCount = event.duplicateCount;
            result.lookupLimit = event.lookupLimit;
            malformedCount = event.malformedCount;
            setState((s) => ({
              ...s,
              progress: { checked: 0, toCheck: event.toCheck, startedAt },
            }));
          } else if (event.type === "items") {
            for (const item of event.items) {
              result.items.push(item);
              result.counts[item.expectation]++;
            }
            if (event.evidence) result.evidence.push(event.evidence);
            result.checkedCount = event.checked;
            // New array and counts objects: the table and the chips re-render with each batch.
            const snapshot = {
              ...result,
              items: result.items.slice(),
              counts: { ...result.counts },
            };
            setState((s) => ({
              ...s,
              data: snapshot,
              progress: s.progress && { ...s.progress, checked: event.checked },
            }));
          } else if (event.type === "done") {
            const done = { ...result, counts: { ...event.counts } };
            setState((s) => ({ ...s, isPending: false, data: done }));
            return;
          } else {
            throw new FetchError(200, "internal", event.error.message);
          }
        }
        throw new FetchError(0, "network", "The preview ended early.");
      } catch (error) {
        if (controller.current !== abort) return;
        if (abort.signal.aborted) {
          setState((s) => ({
            ...s,
            isPending: false,
            cancelled: true,
            data: finishCancelled(),
          }));
          return;
        }
        setState((s) => ({
          ...s,
          isPending: false,
          error:
            error instanceof Error
              ? error
              : new Error("Could not reach the server."),
        }));
      }
    })();
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { ...state, start, cancel };
}
