import { recordAuditEvent, requestAudit } from "@/lib/audit/record-audit-event";
import { withOperator } from "@/lib/http/with-operator";
import { getRun } from "@/lib/runs/read-runs";
import { resumeRun } from "@/lib/runs/resume-run";
import { runIdParamsSchema } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

// POST /api/runs/{runId}/resume – a paused run goes on now instead of at its automatic resume time
export const POST = withOperator(
  async (ctx) => {
    const { params } = ctx;
    const { reason } = await resumeRun(params.runId);
    await recordAuditEvent({
      ...requestAudit(ctx),
      action: "run.resumed",
      targetType: "run",
      targetId: params.runId,
      details: { pausedBecause: reason },
    });
    return getRun(params.runId);
  },
  { role: "operator", params: runIdParamsSchema },
);
