import { requestAudit } from "@/lib/audit/record-audit-event";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { changePasswordBodySchema } from "@/lib/auth/schemas";
import { clientIp } from "@/lib/http/client-ip";
import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

// POST /api/me/password – change your own password (current and new); your other sessions end
export const POST = withOperator(
  async (ctx) =>
    changeOwnPassword(ctx.operator, ctx.body, {
      ip: clientIp(ctx.req.headers),
      userAgent: ctx.req.headers.get("user-agent") ?? undefined,
      audit: requestAudit(ctx),
    }),
  { role: "viewer", body: changePasswordBodySchema, maxBodyBytes: 16_384 },
);
