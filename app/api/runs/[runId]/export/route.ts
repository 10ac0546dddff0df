import { recordAuditEvent, requestAudit } from "@/lib/audit/record-audit-event";
import { exportResponse } from "@/lib/http/export-stream";
import { withOperator } from "@/lib/http/with-operator";
import { exportRunItems } from "@/lib/runs/export-items";
import { getRun } from "@/lib/runs/read-runs";
import { exportQuerySchema, runIdParamsSchema } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

// GET /api/runs/{runId}/export?format=csv|json&outcome=&q= – every row (or the filtered ones), streamed
export const GET = withOperator(
  async (ctx) => {
    const { params, query } = ctx;
    const run = await getRun(params.runId);
    await recordAuditEvent({
      ...requestAudit(ctx),
      action: "export.downloaded",
      targetType: "run",
      targetId: run.id,
      details: {
        format: query.format,
        outcome: query.outcome ?? "all",
        ...(query.q ? { videoIdContains: query.q } : {}),
      },
    });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    // The rows' `videoId` holds reference IDs in a reference run: the file name says so.
    const kind = run.idKind === "reference" ? "-reference-ids" : "";
    const name = `erasure-run-${run.id.slice(0, 8)}-${run.provider}${kind}-${query.outcome ?? "all"}${query.q ? "-matching" : ""}-${stamp}`;
    const filter = { outcome: query.outcome, q: query.q };
    return exportResponse(
      exportRunItems(run.id, query.format, filter),
      query.format,
      name,
    );
  },
  {
    role: "viewer",
    params: runIdParamsSchema,
    query: exportQuerySchema,
    recordsEvent: true,
  },
);
