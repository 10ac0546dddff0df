import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { loginAttempts, sessions, users } from "@/lib/db/schema";
import { makeUser } from "@/lib/testing/fixtures";
import { createApiToken, resolveApiToken, revokeApiToken } from "./api-tokens";
import { resolveSession, revokeSession, revokeUserSessions } from "./sessions";
import { signIn } from "./sign-in";
import { createUser, updateUser } from "./users";

const meta = { ip: "203.0.113.7", userAgent: "vitest" };

describe("users", () => {
  it("stores a bcrypt hash, never the password, and refuses a duplicate email", async () => {
    const user = await makeUser("viewer");
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).toMatch(/^\$2[aby]\$11\$/);
    expect(row!.passwordHash).not.toContain("correct-horse");
    await expect(
      createUser({
        email: user.email.toUpperCase(),
        role: "admin",
        password: "another-long-password",
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses a short password", async () => {
    await expect(
      createUser({
        email: "short@erasure.test",
        role: "viewer",
        password: "short",
      }),
    ).rejects.toMatchObject({
      code: "unprocessable",
    });
  });
});

describe("signIn", () => {
  it("opens a session for the right password and refuses a wrong one", async () => {
    const user = await makeUser("operator");
    const ok = await signIn(
      { email: user.email, password: "correct-horse-battery" },
      meta,
    );
    expect(ok).toMatchObject({
      ok: true,
      user: { id: user.id, role: "operator" },
    });
    const wrong = await signIn({ email: user.email, password: "nope" }, meta);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    const unknown = await signIn(
      { email: "nobody@erasure.test", password: "nope" },
      meta,
    );
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("slows down repeated failures, even for the right password, and says how long", async () => {
    const user = await makeUser("viewer");
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(
        await signIn({ email: user.email, password: `wrong-${attempt}` }, meta),
      ).toMatchObject({ ok: false, reason: "invalid" });
    }
    const locked = await signIn(
      { email: user.email, password: "correct-horse-battery" },
      meta,
    );
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    if (locked.ok || locked.reason !== "throttled")
      throw new Error("expected throttled");
    expect(locked.retryAfterSeconds).toBeGreaterThan(20);
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(30);

    // Once the wait has passed, the right password works again.
    const db = await getDb();
    await db
      .update(loginAttempts)
      .set({ at: sql`${loginAttempts.at} - interval '2 minutes'` })
      .where(eq(loginAttempts.email, user.email));
    expect(
      await signIn(
        { email: user.email, password: "correct-horse-battery" },
        meta,
      ),
    ).toMatchObject({ ok: true });
  });

  it("refuses a disabled user", async () => {
    const user = await makeUser("viewer");
    await updateUser(user.id, { disabled: true });
    expect(
      await signIn(
        { email: user.email, password: "correct-horse-battery" },
        meta,
      ),
    ).toMatchObject({ ok: false });
  });
});

describe("sessions", () => {
  async function openSession() {
    const user = await makeUser("operator");
    const result = await signIn(
      { email: user.email, password: "correct-horse-battery" },
      meta,
    );
    if (!result.ok) throw new Error("sign-in failed");
    return { user, sessionId: result.sessionId };
  }

  it("resolves to the operator until revoked (sign-out), then never again", async () => {
    const { user, sessionId } = await openSession();
    expect(await resolveSession(sessionId)).toMatchObject({
      id: user.id,
      role: "operator",
      via: { kind: "session" },
    });
    await revokeSession(sessionId);
    expect(await resolveSession(sessionId)).toBeNull();
  });

  it("expires after the idle limit and after the absolute limit", async () => {
    const db = await getDb();
    const idle = await openSession();
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.id, idle.sessionId));
    expect(await resolveSession(idle.sessionId)).toBeNull();

    const old = await openSession();
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, old.sessionId));
    expect(await resolveSession(old.sessionId)).toBeNull();
  });

  it("follows role changes at once and dies when the user is disabled", async () => {
    const { user, sessionId } = await openSession();
    await updateUser(user.id, { role: "viewer" });
    expect(await resolveSession(sessionId)).toMatchObject({ role: "viewer" });
    await updateUser(user.id, { disabled: true });
    await revokeUserSessions(user.id);
    expect(await resolveSession(sessionId)).toBeNull();
  });
});

describe("API tokens", () => {
  it("resolves to the owner with the owner's current role until revoked", async () => {
    const user = await makeUser("operator");
    const { token, summary } = await createApiToken({
      userId: user.id,
      name: "nightly",
    });
    expect(token).toMatch(/^era_[A-Za-z0-9_-]{43}$/);
    expect(summary.prefix).toBe(token.slice(0, 10));
    expect(await resolveApiToken(token)).toMatchObject({
      id: user.id,
      role: "operator",
      via: { kind: "token", tokenName: "nightly" },
    });
    await updateUser(user.id, { role: "viewer" });
    expect(await resolveApiToken(token)).toMatchObject({ role: "viewer" });
    await revokeApiToken(summary.id);
    expect(await resolveApiToken(token)).toBeNull();
  });

  it("stores only a hash of the token", async () => {
    const user = await makeUser("admin");
    const { token } = await createApiToken({
      userId: user.id,
      name: "hash-check",
    });
    const db = await getDb();
    const rows = await executeRows(
      db,
      sql`select token_hash from api_tokens where name = 'hash-check'`,
    );
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await resolveApiToken(`${token}x`)).toBeNull();
    expect(await resolveApiToken("not-a-token")).toBeNull();
  });
});
