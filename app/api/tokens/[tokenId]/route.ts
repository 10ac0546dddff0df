import { auditedChange } from "@/lib/audit/audited-change";
import { requestAudit } from "@/lib/audit/record-audit-event";
import { revokeApiToken, tokenEvent } from "@/lib/auth/api-tokens";
import { tokenIdParamsSchema } from "@/lib/auth/schemas";
import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

// DELETE /api/tokens/{tokenId} – revoke a token; it stops working on its next request, and the
// revocation and its `token.revoked` event commit together (admins)
export const DELETE = withOperator(
  async (ctx) => {
    await auditedChange(
      (tx) => revokeApiToken(ctx.params.tokenId, tx),
      (summary) => ({
        ...requestAudit(ctx),
        ...tokenEvent("token.revoked", summary),
      }),
    );
    return new Response(null, { status: 204 });
  },
  { role: "admin", params: tokenIdParamsSchema },
);
