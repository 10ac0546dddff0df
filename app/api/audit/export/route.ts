import { exportAuditEvents } from "@/lib/audit/export-audit";
import { recordAuditEvent, requestAudit } from "@/lib/audit/record-audit-event";
import { auditExportQuerySchema } from "@/lib/audit/schemas";
import { exportResponse } from "@/lib/http/export-stream";
import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

// GET /api/audit/export?from=&to=&format=csv|json – audit events in a date range, streamed
export const GET = withOperator(
  async (ctx) => {
    const { from, to, format } = ctx.query;
    await recordAuditEvent({
      ...requestAudit(ctx),
      action: "export.downloaded",
      targetType: "audit",
      details: {
        kind: "events",
        from: from.toISOString(),
        to: to.toISOString(),
        format,
      },
    });
    const day = (date: Date) => date.toISOString().slice(0, 10);
    return exportResponse(
      exportAuditEvents(from, to, format),
      format,
      `erasure-audit-events-${day(from)}-to-${day(to)}`,
    );
  },
  { role: "viewer", query: auditExportQuerySchema, recordsEvent: true },
);
