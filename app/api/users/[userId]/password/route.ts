import { requestAudit } from "@/lib/audit/record-audit-event";
import { resetUserPassword } from "@/lib/auth/change-password";
import {
  resetPasswordBodySchema,
  userIdParamsSchema,
} from "@/lib/auth/schemas";
import { clientIp } from "@/lib/http/client-ip";
import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

// POST /api/users/{userId}/password – set another user's password; their sessions end (admins)
export const POST = withOperator(
  async (ctx) =>
    resetUserPassword(ctx.operator, ctx.params.userId, ctx.body.newPassword, {
      ip: clientIp(ctx.req.headers),
      userAgent: ctx.req.headers.get("user-agent") ?? undefined,
      audit: requestAudit(ctx),
    }),
  {
    role: "admin",
    params: userIdParamsSchema,
    body: resetPasswordBodySchema,
    maxBodyBytes: 16_384,
  },
);
