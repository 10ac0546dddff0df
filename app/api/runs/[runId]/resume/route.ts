import { auditedChange } from "@/lib/audit/audited-change";
import { requestAudit } from "@/lib/audit/record-audit-event";
import { withOperator } from "@/lib/http/with-operator";
import { getRun } from "@/lib/runs/read-runs";
import { resumeRun } from "@/lib/runs/resume-run";
import { runIdParamsSchema } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

// POST /api/runs/{runId}/resume – a paused run goes on now instead of at its automatic resume time
export const POST = withOperator(
  async (ctx) => {
    const { params } = ctx;
    await auditedChange(
      (tx) => resumeRun(params.runId, tx),
      ({ reason }) => ({
        ...requestAudit(ctx),
        action: "run.resumed",
        targetType: "run",
        targetId: params.runId,
        details: { pausedBecause: reason },
      }),
    );
    return getRun(params.runId);
  },
  { role: "operator", params: runIdParamsSchema },
);
