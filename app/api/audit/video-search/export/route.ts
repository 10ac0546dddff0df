import { z } from "zod";
import { exportVideoHistory } from "@/lib/audit/export-audit";
import { recordAuditEvent, requestAudit } from "@/lib/audit/record-audit-event";
import { exportResponse } from "@/lib/http/export-stream";
import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  ids: z
    .string()
    .transform((value) => [
      ...new Set(
        value
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.string().max(200))
        .min(1)
        .max(200, "At most 200 IDs per export."),
    ),
  format: z.enum(["csv", "json"]).default("csv"),
});

// GET /api/audit/video-search/export?ids=a,b&format=csv|json – a video search result, streamed
export const GET = withOperator(
  async (ctx) => {
    const { ids, format } = ctx.query;
    await recordAuditEvent({
      ...requestAudit(ctx),
      action: "export.downloaded",
      targetType: "audit",
      details: { kind: "video-search", ids: ids.length, format },
    });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    return exportResponse(
      exportVideoHistory(ids, format),
      format,
      `erasure-video-search-${ids.length}-ids-${stamp}`,
    );
  },
  { role: "viewer", query: querySchema, recordsEvent: true },
);
