import { auditedChange } from "@/lib/audit/audited-change";
import { requestAudit } from "@/lib/audit/record-audit-event";
import { updateUserBodySchema, userIdParamsSchema } from "@/lib/auth/schemas";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { updateUser } from "@/lib/auth/users";
import { ApiError } from "@/lib/http/errors";
import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

// PATCH /api/users/{userId} – change a user's role, name or disabled flag (admins)
export const PATCH = withOperator(
  async (ctx) => {
    const { operator, params, body } = ctx;
    // An admin who demotes or disables themselves could leave nobody able to manage access.
    if (
      params.userId === operator.id &&
      (body.disabled === true || (body.role && body.role !== "admin"))
    ) {
      throw new ApiError(
        "conflict",
        "You cannot demote or disable your own account; ask another admin.",
      );
    }
    const user = await auditedChange(
      async (tx) => {
        const updated = await updateUser(params.userId, body, tx);
        if (body.disabled) await revokeUserSessions(updated.id, tx);
        return updated;
      },
      (updated) => ({
        ...requestAudit(ctx),
        action: "user.updated",
        targetType: "user",
        targetId: updated.id,
        details: { email: updated.email, changes: body },
      }),
    );
    return { user };
  },
  { role: "admin", params: userIdParamsSchema, body: updateUserBodySchema },
);
