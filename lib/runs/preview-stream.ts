import "server-only";
import { ApiError } from "@/lib/http/errors";
import { logger } from "@/lib/log/logger";
import type { Expectation, PreviewStreamEvent } from "./schemas";

export const NDJSON = "application/x-ndjson";

/** The caller asked for the stream (`Accept: application/x-ndjson`); others get one JSON body. */
export const wantsPreviewStream = (req: Request): boolean =>
  (req.headers.get("accept") ?? "").toLowerCase().includes(NDJSON);

/** What a preview amounted to, for its audit event, however it ended. */
export interface PreviewSummary {
  validCount: number;
  duplicateCount: number;
  checkedCount: number;
  counts: Partial<Record<Expectation, number>>;
  /** Stopped before the end: the caller cancelled or went away. */
  cancelled: boolean;
}

/**
 * Sends the preview's events as NDJSON as they come. Cancelling the body (the browser's Cancel
 * aborts its fetch) aborts `stop`, which ends the look-ups. `finish` runs once, before `done` is
 * sent (an error there is sent instead of `done`) or after a cancel, with what was checked.
 */
export function previewStreamResponse(
  events: AsyncGenerator<PreviewStreamEvent>,
  stop: AbortController,
  finish: (summary: PreviewSummary) => Promise<void>,
): Response {
  const encoder = new TextEncoder();
  const summary: PreviewSummary = {
    validCount: 0,
    duplicateCount: 0,
    checkedCount: 0,
    counts: {},
    cancelled: false,
  };
  let finished = false;
  const finishOnce = async () => {
    if (finished) return;
    finished = true;
    await finish(summary);
  };
  const line = (event: PreviewStreamEvent) =>
    encoder.encode(`${JSON.stringify(event)}\n`);

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await events.next();
        if (next.done) {
          if (stop.signal.aborted) {
            summary.cancelled = true;
            await finishOnce();
          }
          controller.close();
          return;
        }
        const event = next.value;
        if (event.type === "start") {
          summary.validCount = event.validCount;
          summary.duplicateCount = event.duplicateCount;
        } else if (event.type === "items") {
          summary.checkedCount = event.checked;
          // Counted as they come, so a preview cut short still records what it found.
          for (const item of event.items)
            summary.counts[item.expectation] =
              (summary.counts[item.expectation] ?? 0) + 1;
        } else if (event.type === "done") {
          summary.counts = event.counts;
          await finishOnce();
        }
        // Cancelled while this pull waited: the stream is closed, nothing more may be sent.
        if (stop.signal.aborted) return;
        controller.enqueue(line(event));
      } catch (error) {
        if (stop.signal.aborted) return;
        if (!(error instanceof ApiError))
          logger.error({ err: error }, "preview stream failed");
        // The look-ups made before the failure were made: the preview's event says so.
        await finishOnce().catch((failure: unknown) =>
          logger.error({ err: failure }, "could not record a failed preview"),
        );
        const failure =
          error instanceof ApiError
            ? { code: error.code, message: error.message }
            : {
                code: "internal",
                message: "The preview failed on our side; try again.",
              };
        controller.enqueue(line({ type: "error", error: failure }));
        controller.close();
      }
    },
    async cancel() {
      stop.abort();
      // Let the generator see the abort and end; what it checked is what the event records.
      await events.return(undefined).catch(() => undefined);
      summary.cancelled = true;
      await finishOnce().catch((error: unknown) =>
        logger.error({ err: error }, "could not record a cancelled preview"),
      );
    },
  });
  return new Response(body, {
    headers: {
      "content-type": `${NDJSON}; charset=utf-8`,
      // Proxies that buffer (nginx) would hold the progress back until the end.
      "x-accel-buffering": "no",
    },
  });
}
