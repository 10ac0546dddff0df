import { auditedChange } from "@/lib/audit/audited-change";
import { requestAudit } from "@/lib/audit/record-audit-event";
import { withOperator } from "@/lib/http/with-operator";
import { cancelRun } from "@/lib/runs/cancel-run";
import { getRun } from "@/lib/runs/read-runs";
import { runIdParamsSchema } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

// POST /api/runs/{runId}/cancel – stop further provider calls; rows never sent end `skipped`.
// With a batch in flight the run reads `cancelling` (event `run.cancel_requested`) until the
// worker records that batch and writes `run.cancelled`. Repeating it is harmless: 200, no event.
export const POST = withOperator(
  async (ctx) => {
    const { params } = ctx;
    await auditedChange(
      (tx) => cancelRun(params.runId, tx),
      (result) =>
        result.changed
          ? {
              ...requestAudit(ctx),
              action:
                result.status === "cancelled"
                  ? "run.cancelled"
                  : "run.cancel_requested",
              targetType: "run",
              targetId: params.runId,
              details: {
                skipped: result.skipped,
                failed: result.failed,
                inFlight: result.inFlight,
              },
            }
          : null,
    );
    return getRun(params.runId);
  },
  { role: "operator", params: runIdParamsSchema },
);
