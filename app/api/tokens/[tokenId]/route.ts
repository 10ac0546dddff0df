import { recordAuditEvent, requestAudit } from "@/lib/audit/record-audit-event";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { tokenIdParamsSchema } from "@/lib/auth/schemas";
import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

// DELETE /api/tokens/{tokenId} – revoke a token; it stops working on its next request (admins)
export const DELETE = withOperator(
  async (ctx) => {
    await revokeApiToken(ctx.params.tokenId);
    await recordAuditEvent({
      ...requestAudit(ctx),
      action: "token.revoked",
      targetType: "token",
      targetId: ctx.params.tokenId,
    });
    return new Response(null, { status: 204 });
  },
  { role: "admin", params: tokenIdParamsSchema },
);
