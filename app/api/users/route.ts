import { auditedChange } from "@/lib/audit/audited-change";
import { requestAudit } from "@/lib/audit/record-audit-event";
import { createUserBodySchema } from "@/lib/auth/schemas";
import { createUser, listUsers } from "@/lib/auth/users";
import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

// GET /api/users – every user with role and status (admins)
export const GET = withOperator(async () => ({ users: await listUsers() }), {
  role: "admin",
});

// POST /api/users – create a user with a role and an initial password (admins)
export const POST = withOperator(
  async (ctx) => {
    const user = await auditedChange(
      (tx) => createUser(ctx.body, tx),
      (created) => ({
        ...requestAudit(ctx),
        action: "user.created",
        targetType: "user",
        targetId: created.id,
        details: { email: created.email, role: created.role },
      }),
    );
    return Response.json({ user }, { status: 201 });
  },
  { role: "admin", body: createUserBodySchema },
);
