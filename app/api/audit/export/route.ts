import { z } from "zod";
import { exportAuditEvents } from "@/lib/audit/export-audit";
import { recordAuditEvent, requestAudit } from "@/lib/audit/record-audit-event";
import { exportResponse } from "@/lib/http/export-stream";
import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

const querySchema = z
  .object({
    from: z.coerce.date(),
    to: z.coerce.date(),
    format: z.enum(["csv", "json"]).default("csv"),
  })
  .refine((query) => query.from < query.to, "`from` must be before `to`.");

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
  { role: "viewer", query: querySchema, recordsEvent: true },
);
