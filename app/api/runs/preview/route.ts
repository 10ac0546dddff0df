import { recordAuditEvent, requestAudit } from "@/lib/audit/record-audit-event";
import { withOperator } from "@/lib/http/with-operator";
import { previewRun } from "@/lib/runs/preview-run";
import { previewBodySchema, RUN_BODY_MAX_BYTES } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

// POST /api/runs/preview – per-ID expectation from the provider's look-up; nothing is deleted
export const POST = withOperator(
  async (ctx) => {
    const preview = await previewRun(
      ctx.body.provider,
      ctx.body.ids,
      ctx.body.idKind,
    );
    await recordAuditEvent({
      ...requestAudit(ctx),
      action: "run.previewed",
      targetType: "provider",
      targetId: preview.provider,
      details: {
        idKind: preview.idKind,
        validCount: preview.validCount,
        duplicateCount: preview.duplicateCount,
        counts: preview.counts,
      },
    });
    return preview;
  },
  {
    role: "operator",
    body: previewBodySchema,
    maxBodyBytes: RUN_BODY_MAX_BYTES,
  },
);
