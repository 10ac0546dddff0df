import { auditedChange } from "@/lib/audit/audited-change";
import { requestAudit } from "@/lib/audit/record-audit-event";
import {
  createApiToken,
  listApiTokens,
  tokenEvent,
} from "@/lib/auth/api-tokens";
import { createTokenBodySchema } from "@/lib/auth/schemas";
import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

// GET /api/tokens – every API token, without secrets or their hashes (admins)
export const GET = withOperator(
  async () => ({ tokens: await listApiTokens() }),
  { role: "admin" },
);

// POST /api/tokens – issue a token for a user (default: the caller), with a scope and an expiry;
// the secret is shown once, and the token and its `token.created` event commit together
export const POST = withOperator(
  async (ctx) => {
    const { operator, body } = ctx;
    const { token, summary } = await auditedChange(
      (tx) =>
        createApiToken(
          {
            userId: body.userId ?? operator.id,
            name: body.name,
            scope: body.scope,
            expiresInDays: body.expiresInDays,
            createdBy: operator.id,
          },
          tx,
        ),
      ({ summary }) => ({
        ...requestAudit(ctx),
        ...tokenEvent("token.created", summary),
      }),
    );
    return Response.json({ token, summary }, { status: 201 });
  },
  { role: "admin", body: createTokenBodySchema },
);
