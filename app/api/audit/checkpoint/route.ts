import { createCheckpoint } from "@/lib/audit/checkpoint";
import { recordAuditEvent, requestAudit } from "@/lib/audit/record-audit-event";
import { exportResponse } from "@/lib/http/export-stream";
import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

// GET /api/audit/checkpoint – the chain's latest position and hash, signed with Ed25519 (admins)
export const GET = withOperator(
  async (ctx) => {
    const checkpoint = await createCheckpoint();
    await recordAuditEvent({
      ...requestAudit(ctx),
      action: "export.downloaded",
      targetType: "audit",
      targetId: String(checkpoint.position),
      details: { kind: "checkpoint", hash: checkpoint.hash },
    });
    return exportResponse(
      JSON.stringify(checkpoint, null, 2),
      "json",
      `erasure-audit-checkpoint-${checkpoint.position}-${checkpoint.at.replace(/[:.]/g, "-")}`,
    );
  },
  { role: "admin", recordsEvent: true },
);
