import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, ne } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open-db";
import { sessions, users } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { operatorOf, type Operator } from "./operator";

// Writing last_seen_at on every request would turn each page view into a write; a minute of
// slack on a 30-minute idle limit is invisible to the user.
const TOUCH_AFTER_MS = 60_000;

export async function createSession(
  userId: string,
  meta: { ip?: string; userAgent?: string },
): Promise<string> {
  const env = getEnv();
  const id = randomBytes(32).toString("base64url");
  const db = await getDb();
  await db.insert(sessions).values({
    id,
    userId,
    expiresAt: new Date(Date.now() + env.ERASURE_SESSION_MAX_HOURS * 3_600_000),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 500),
  });
  return id;
}

/**
 * Resolves a session ID to its operator, or null when the session was revoked, idled out, passed
 * its absolute lifetime, or belongs to a disabled user. Refreshes the idle clock.
 */
export async function resolveSession(
  sessionId: string,
): Promise<Operator | null> {
  const env = getEnv();
  const db = await getDb();
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
  if (!row || row.user.disabled) return null;
  const now = Date.now();
  const idleLimitMs = env.ERASURE_SESSION_IDLE_MINUTES * 60_000;
  if (
    row.session.expiresAt.getTime() <= now ||
    row.session.lastSeenAt.getTime() + idleLimitMs <= now
  ) {
    await revokeSession(sessionId);
    return null;
  }
  if (now - row.session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, sessionId));
  }
  return operatorOf(row.user, { kind: "session", sessionId });
}

/** Ends a session; returns its user when it was still open (for the audit log). */
export async function revokeSession(
  sessionId: string,
): Promise<{ id: string; email: string } | null> {
  const db = await getDb();
  const [revoked] = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .returning({ userId: sessions.userId });
  if (!revoked) return null;
  const [user] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.id, revoked.userId));
  return user ?? null;
}

/** Ends every open session of a user. Pass `db` to join a transaction. */
export async function revokeUserSessions(
  userId: string,
  db?: Db,
): Promise<void> {
  await (db ?? (await getDb()))
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

/**
 * Ends every open session of a user except `keep` (the caller's own, or null for none) inside
 * the caller's transaction; returns how many ended. A password change uses it: whoever held
 * the old password may hold a session too.
 */
export async function revokeSessionsExcept(
  userId: string,
  keep: string | null,
  db: Db,
): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keep === null ? undefined : ne(sessions.id, keep),
      ),
    )
    .returning({ id: sessions.id });
  return ended.length;
}
