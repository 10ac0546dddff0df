import { auditedChange } from "@/lib/audit/audited-change";
import { requestAudit } from "@/lib/audit/record-audit-event";
import { withOperator } from "@/lib/http/with-operator";
import { getRun } from "@/lib/runs/read-runs";
import {
  scheduleProcessingRetry,
  stopProcessingRetry,
} from "@/lib/runs/retry-processing";
import {
  retryProcessingBodySchema,
  runIdParamsSchema,
} from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

// POST /api/runs/{runId}/retry-processing – re-attempt `processing` rows every few minutes until a deadline
export const POST = withOperator(
  async (ctx) => {
    const { params, body } = ctx;
    await auditedChange(
      (tx) => scheduleProcessingRetry(params.runId, body, tx),
      (scheduled) => ({
        ...requestAudit(ctx),
        action: "run.retry_scheduled",
        targetType: "run",
        targetId: params.runId,
        details: {
          until: scheduled.until.toISOString(),
          intervalSeconds: scheduled.intervalSeconds,
          rows: scheduled.rows,
        },
      }),
    );
    return getRun(params.runId);
  },
  {
    role: "operator",
    params: runIdParamsSchema,
    body: retryProcessingBodySchema,
  },
);

// DELETE /api/runs/{runId}/retry-processing – stop re-attempting `processing` rows; repeating it is harmless
export const DELETE = withOperator(
  async (ctx) => {
    const { params } = ctx;
    await auditedChange(
      (tx) => stopProcessingRetry(params.runId, tx),
      (stopped) =>
        stopped
          ? {
              ...requestAudit(ctx),
              action: "run.retry_stopped",
              targetType: "run",
              targetId: params.runId,
              details: { rows: stopped.rows },
            }
          : null,
    );
    return getRun(params.runId);
  },
  { role: "operator", params: runIdParamsSchema },
);
