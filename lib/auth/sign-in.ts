import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { beginSignInAttempt, markSignInSucceeded } from "./login-throttle";
import { verifyAgainstDummy, verifyPassword } from "./passwords";
import { createSession } from "./sessions";
import { recordSignInFailure } from "./sign-in-audit";
import { findUserByEmail, normalizeEmail } from "./users";

export const signInSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

export type SignInResult =
  | {
      ok: true;
      user: { id: string; email: string; name: string; role: string };
      sessionId: string;
    }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks a sign-in: the throttle first, which records the attempt before any password is
 * checked (so simultaneous guesses count against each other, and a caller made to wait learns
 * nothing from the password check); then the password; then a server-side session. Failures go
 * to the audit log folded per email and address (lib/auth/sign-in-audit.ts).
 */
export async function signIn(
  credentials: unknown,
  meta: { ip?: string; userAgent?: string },
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const email = normalizeEmail(parsed.data.email);
  const failed = (reason: string) =>
    recordSignInFailure({
      email,
      ip: meta.ip,
      userAgent: meta.userAgent,
      reason,
    });

  const attempt = await beginSignInAttempt(email, meta.ip);
  if (attempt.throttled) {
    await failed("throttled");
    return {
      ok: false,
      reason: "throttled",
      retryAfterSeconds: attempt.retryAfterSeconds,
    };
  }

  const user = await findUserByEmail(email);
  const valid = user
    ? await verifyPassword(parsed.data.password, user.passwordHash)
    : await verifyAgainstDummy(parsed.data.password);
  if (!valid || !user || user.disabled) {
    await failed(
      !user
        ? "unknown email"
        : user.disabled
          ? "account disabled"
          : "wrong password",
    );
    return { ok: false, reason: "invalid" };
  }

  await markSignInSucceeded(attempt.id);
  const sessionId = await createSession(user.id, meta);
  await recordAuditEvent({
    actorId: user.id,
    actor: email,
    requestId: null,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
    action: "auth.signed_in",
    targetType: "user",
    targetId: user.id,
  });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    sessionId,
  };
}
