import "server-only";
import { eq } from "drizzle-orm";
import { auditedChange } from "@/lib/audit/audited-change";
import type { AuditEventInput } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/open-db";
import { users } from "@/lib/db/schema";
import { ApiError } from "@/lib/http/errors";
import {
  beginSignInAttempt,
  clearSignInFailures,
  markSignInSucceeded,
} from "./login-throttle";
import type { Operator } from "./operator";
import {
  hashPassword,
  requireValidNewPassword,
  verifyPassword,
} from "./passwords";
import { revokeSessionsExcept } from "./sessions";
import { recordSignInFailure } from "./sign-in-audit";
import { findUserByEmail } from "./users";

// Audit actions are a database enum, so a password change is recorded as `user.updated` (as role
// and name changes are), with `changes.password` saying how; never the password or its hash.

interface RequestMeta {
  ip: string | undefined;
  userAgent: string | undefined;
  /** Who acted and through which request (requestAudit()), for the event. */
  audit: Pick<
    AuditEventInput,
    "actorId" | "actor" | "requestId" | "ip" | "userAgent"
  >;
}

async function setPasswordHash(tx: Db, userId: string, passwordHash: string) {
  const [user] = await tx
    .update(users)
    .set({ passwordHash })
    .where(eq(users.id, userId))
    .returning({ id: users.id, email: users.email });
  if (!user) throw new ApiError("not_found", "No such user.");
  return user;
}

/**
 * A signed-in user replaces their own password. Only from a browser session (a token is not
 * proof of the password, and may have leaked); the current password is checked like a sign-in,
 * so it counts against the same throttle. The new hash, the end of the user's other sessions
 * and the audit event commit together.
 */
export async function changeOwnPassword(
  operator: Operator,
  body: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<{ sessionsRevoked: number }> {
  if (operator.via.kind !== "session")
    throw new ApiError(
      "forbidden",
      "Change your password from a signed-in browser session, not with an API token.",
    );
  const keep = operator.via.sessionId;
  requireValidNewPassword(body.newPassword);
  const user = await findUserByEmail(operator.email);
  if (!user) throw new ApiError("unauthorized", "Sign in again.");

  const attempt = await beginSignInAttempt(user.email, meta.ip);
  if (attempt.throttled) {
    await recordSignInFailure({
      email: user.email,
      ip: meta.ip,
      userAgent: meta.userAgent,
      reason: "throttled",
    });
    throw new ApiError(
      "rate_limited",
      `Too many wrong passwords. Try again in ${attempt.retryAfterSeconds} seconds.`,
      { retryAfterSeconds: attempt.retryAfterSeconds },
    );
  }
  if (!(await verifyPassword(body.currentPassword, user.passwordHash))) {
    await recordSignInFailure({
      email: user.email,
      ip: meta.ip,
      userAgent: meta.userAgent,
      reason: "wrong current password",
    });
    throw new ApiError("forbidden", "The current password is not correct.");
  }
  await markSignInSucceeded(attempt.id);

  const passwordHash = await hashPassword(body.newPassword);
  return auditedChange(
    async (tx) => {
      await setPasswordHash(tx, user.id, passwordHash);
      return { sessionsRevoked: await revokeSessionsExcept(user.id, keep, tx) };
    },
    ({ sessionsRevoked }) => ({
      ...meta.audit,
      action: "user.updated",
      targetType: "user",
      targetId: user.id,
      details: {
        email: user.email,
        changes: { password: "changed by the user" },
        sessionsRevoked,
      },
    }),
  );
}

/**
 * An admin sets another user's password (they forgot it, or it leaked). Every session of that
 * user ends and their failed sign-ins are forgotten, so someone else's guessing cannot keep them
 * waiting; all of it commits with the audit event. Admins change their own with
 * changeOwnPassword(), which asks for the current one.
 */
export async function resetUserPassword(
  admin: Operator,
  userId: string,
  newPassword: string,
  meta: RequestMeta,
): Promise<{ user: { id: string; email: string }; sessionsRevoked: number }> {
  if (userId === admin.id)
    throw new ApiError(
      "conflict",
      "Change your own password with POST /api/me/password, which asks for the current one.",
    );
  requireValidNewPassword(newPassword);
  const passwordHash = await hashPassword(newPassword);
  return auditedChange(
    async (tx) => {
      const user = await setPasswordHash(tx, userId, passwordHash);
      const sessionsRevoked = await revokeSessionsExcept(user.id, null, tx);
      await clearSignInFailures(user.email, tx);
      return { user, sessionsRevoked };
    },
    ({ user, sessionsRevoked }) => ({
      ...meta.audit,
      action: "user.updated",
      targetType: "user",
      targetId: user.id,
      details: {
        email: user.email,
        changes: { password: "reset by an admin" },
        sessionsRevoked,
      },
    }),
  );
}
