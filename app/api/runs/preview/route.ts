import { recordAuditEvent, requestAudit } from "@/lib/audit/record-audit-event";
import { withOperator } from "@/lib/http/with-operator";
import { previewEvents, previewRun } from "@/lib/runs/preview-run";
import {
  previewStreamResponse,
  wantsPreviewStream,
  type PreviewSummary,
} from "@/lib/runs/preview-stream";
import { previewBodySchema, RUN_BODY_MAX_BYTES } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

// POST /api/runs/preview – per-ID expectation from the provider's look-up; nothing is deleted.
// `Accept: application/x-ndjson` streams the answers as they come (progress, cancel).
export const POST = withOperator(
  async (ctx) => {
    const { provider, ids, idKind } = ctx.body;
    // A cancelled fetch ends the look-ups: no further rate slot is taken or call sent.
    const stop = new AbortController();
    ctx.req.signal.addEventListener("abort", () => stop.abort(), {
      once: true,
    });
    const options = { userId: ctx.operator.id, signal: stop.signal };
    const audit = async (summary: PreviewSummary) => {
      await recordAuditEvent({
        ...requestAudit(ctx),
        action: "run.previewed",
        targetType: "provider",
        targetId: provider,
        details: { idKind, ...summary },
      });
    };
    if (wantsPreviewStream(ctx.req)) {
      // Validation throws here, before the stream: a bad list is still a plain 4xx.
      const events = previewEvents({ provider, ids, idKind, ...options });
      return previewStreamResponse(events, stop, audit);
    }
    const preview = await previewRun(provider, ids, idKind, options);
    await audit({
      validCount: preview.validCount,
      duplicateCount: preview.duplicateCount,
      checkedCount: preview.checkedCount,
      counts: preview.counts,
      // An aborted request ends the look-ups early: what was checked is what is recorded.
      cancelled: stop.signal.aborted,
    });
    return preview;
  },
  {
    role: "operator",
    body: previewBodySchema,
    maxBodyBytes: RUN_BODY_MAX_BYTES,
  },
);
