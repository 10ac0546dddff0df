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
  async ({ operator, body }) => {
    const { token, summary } = await createApiToken({
      userId: body.userId ?? operator.id,
      name: body.name,
      createdBy: operator.id,
    });
    return Response.json({ token, summary }, { status: 201 });
  },
  { role: "admin", body: createTokenBodySchema },
);
