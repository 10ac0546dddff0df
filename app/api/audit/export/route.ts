import { z } from "zod";
import { exportAuditEvents } from "@/lib/audit/export-audit";
import { recordAuditEvent, requestAudit } from "@/lib/audit/record-audit-event";
import { exportResponse } from "@/lib/http/export-stream";
import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

// PostgreSQL's timestamps start in 4713 BC; a JavaScript date may be 271,821 BC, which would
// fail the query after the export was recorded. Years 1 to 9999 cover any real range.
const bound = z.coerce
  .date()
  .min(new Date("0001-01-01T00:00:00Z"), "Dates start at year 1.")
  .max(new Date("9999-12-31T23:59:59.999Z"), "Dates end at year 9999.");

const querySchema = z
  .object({
    from: bound,
    to: bound,
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
