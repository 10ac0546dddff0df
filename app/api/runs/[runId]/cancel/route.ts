import { auditedChange } from "@/lib/audit/audited-change";
import { requestAudit } from "@/lib/audit/record-audit-event";
import { withOperator } from "@/lib/http/with-operator";
import { cancelRun } from "@/lib/runs/cancel-run";
import { getRun } from "@/lib/runs/read-runs";
import { runIdParamsSchema } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

// POST /api/runs/{runId}/cancel – stop further provider calls; untouched rows end as cancelled
export const POST = withOperator(
  async (ctx) => {
    const { params } = ctx;
    await auditedChange(
      (tx) => cancelRun(params.runId, tx),
      () => ({
        ...requestAudit(ctx),
        action: "run.cancelled",
        targetType: "run",
        targetId: params.runId,
      }),
    );
    return getRun(params.runId);
  },
  { role: "operator", params: runIdParamsSchema },
);
