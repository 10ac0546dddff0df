import { recordAuditEvent, requestAudit } from "@/lib/audit/record-audit-event";
import { verifyChain } from "@/lib/audit/verify-chain";
import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

// GET /api/audit/verify – recompute the hash chain: "N events verified, chain intact" or the first broken link
export const GET = withOperator(
  async (ctx) => {
    const result = await verifyChain();
    await recordAuditEvent({
      ...requestAudit(ctx),
      action: "audit.verified",
      details: result.ok
        ? { ok: true, count: result.count }
        : { ok: false, position: result.position, problem: result.problem },
    });
    return {
      ...result,
      message: result.ok
        ? `${result.count} events verified, chain intact`
        : `Chain broken at event ${result.position}: ${result.problem}`,
    };
  },
  { role: "viewer" },
);
