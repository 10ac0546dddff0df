import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordSignInAttempt, signInDelayMs } from "./login-throttle";
import { verifyAgainstDummy, verifyPassword } from "./passwords";
import { createSession } from "./sessions";
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
 * Checks a sign-in: throttle first (so a locked-out guesser learns nothing from the password
 * check), then the password, then records the attempt and opens a server-side session.
 */
export async function signIn(
  credentials: unknown,
  meta: { ip?: string; userAgent?: string },
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const email = normalizeEmail(parsed.data.email);
  const audit = {
    actorId: null,
    actor: email,
    requestId: null,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
    targetType: "user",
  };
  const delay = await signInDelayMs(email);
  if (delay > 0) {
    await recordAuditEvent({
      ...audit,
      action: "auth.sign_in_failed",
      targetId: email,
      details: { reason: "throttled" },
    });
    return {
      ok: false,
      reason: "throttled",
      retryAfterSeconds: Math.ceil(delay / 1000),
    };
  }

  const user = await findUserByEmail(email);
  const valid = user
    ? await verifyPassword(parsed.data.password, user.passwordHash)
    : await verifyAgainstDummy(parsed.data.password);
  const accepted = valid && user !== undefined && !user.disabled;
  await recordSignInAttempt(email, meta.ip, accepted);
  if (!accepted) {
    const reason = !user
      ? "unknown email"
      : user.disabled
        ? "account disabled"
        : "wrong password";
    await recordAuditEvent({
      ...audit,
      action: "auth.sign_in_failed",
      targetId: email,
      details: { reason },
    });
    return { ok: false, reason: "invalid" };
  }

  const sessionId = await createSession(user.id, meta);
  await recordAuditEvent({
    ...audit,
    actorId: user.id,
    action: "auth.signed_in",
    targetId: user.id,
  });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    sessionId,
  };
}
