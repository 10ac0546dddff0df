import { recordAuditEvent, requestAudit } from "@/lib/audit/record-audit-event";
import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import { createTokenBodySchema } from "@/lib/auth/schemas";
import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

// GET /api/tokens – every API token, without secrets (admins)
export const GET = withOperator(
  async () => ({ tokens: await listApiTokens() }),
  { role: "admin" },
);

// POST /api/tokens – create a token for a user (default: the caller); the secret is shown once
export const POST = withOperator(
  async (ctx) => {
    const { operator, body } = ctx;
    const { token, summary } = await createApiToken({
      userId: body.userId ?? operator.id,
      name: body.name,
      createdBy: operator.id,
    });
    await recordAuditEvent({
      ...requestAudit(ctx),
      action: "token.created",
      targetType: "token",
      targetId: summary.id,
      details: {
        name: summary.name,
        owner: summary.userEmail,
        role: summary.role,
      },
    });
    return Response.json({ token, summary }, { status: 201 });
  },
  { role: "admin", body: createTokenBodySchema },
);
