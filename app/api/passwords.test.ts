// Passwords (issue 11): bcrypt reads only 72 bytes, so no longer password can be set anywhere;
// a user changes their own (POST /api/me/password) and an admin resets anyone else's
// (POST /api/users/{userId}/password). Each change ends the sessions the old password may have
// opened and commits with its audit event, or not at all.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as changeOwn } from "@/app/api/me/password/route";
import { POST as resetPassword } from "@/app/api/users/[userId]/password/route";
import { POST as createUserRoute } from "@/app/api/users/route";
import { resolveSession } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { createUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import {
  auditEventCount,
  withAuditAppendsRefused,
} from "@/lib/testing/audit-faults";
import {
  bearerHeaders,
  makeUser,
  request,
  routeContext,
  sessionCookie,
  TEST_ORIGIN,
} from "@/lib/testing/fixtures";

const OLD = "correct-horse-battery";
const NEW = "a-brand-new-passphrase";
// 37 characters but 74 bytes: under a character limit, over bcrypt's.
const ACCENTED = "é".repeat(37);

let nextOctet = 1;
const freshIp = () =>
  `198.51.${Math.floor(nextOctet / 250)}.${nextOctet++ % 250}`;

const canSignIn = async (email: string, password: string) =>
  (await signIn({ email, password }, { ip: freshIp() })).ok;

async function browser(role: "viewer" | "admin") {
  const user = await makeUser(role);
  const { cookie, sessionId } = await sessionCookie(user.id);
  return { user, sessionId, headers: { cookie, origin: TEST_ORIGIN } };
}

const postChange = (headers: Record<string, string>, body: unknown) =>
  changeOwn(
    request("/api/me/password", { method: "POST", headers, body }),
    routeContext(),
  );

const postReset = (
  headers: Record<string, string>,
  userId: string,
  body: unknown,
) =>
  resetPassword(
    request(`/api/users/${userId}/password`, { method: "POST", headers, body }),
    routeContext({ userId }),
  );

async function lastUserUpdate(targetId: string) {
  const [event] = await executeRows<{
    action: string;
    actor: string;
    details: Record<string, unknown>;
  }>(
    await getDb(),
    sql`select action, actor, details from audit_events
         where target_id = ${targetId} and action = 'user.updated'
         order by position desc limit 1`,
  );
  return event;
}

describe("password length", () => {
  it("refuses more than 72 bytes with a clear message, counting UTF-8 bytes", async () => {
    await expect(
      createUser({
        email: "accented@erasure.test",
        role: "viewer",
        password: ACCENTED,
      }),
    ).rejects.toMatchObject({
      code: "unprocessable",
      message: expect.stringContaining("at most 72 bytes"),
    });
    await expect(
      createUser({
        email: "long@erasure.test",
        role: "viewer",
        password: "a".repeat(73),
      }),
    ).rejects.toMatchObject({ code: "unprocessable" });
    const longest = await createUser({
      email: "longest@erasure.test",
      role: "viewer",
      password: "a".repeat(72),
    });
    expect(longest.email).toBe("longest@erasure.test");
  });

  it("is enforced by POST /api/users, POST /api/me/password and POST /api/users/{userId}/password", async () => {
    const admin = await browser("admin");
    const created = await createUserRoute(
      request("/api/users", {
        method: "POST",
        headers: admin.headers,
        body: {
          email: "route@erasure.test",
          role: "viewer",
          password: ACCENTED,
        },
      }),
      routeContext(),
    );
    expect(created.status).toBe(422);
    expect((await created.json()).error.message).toContain("72 bytes");

    const own = await browser("viewer");
    const changed = await postChange(own.headers, {
      currentPassword: OLD,
      newPassword: ACCENTED,
    });
    expect(changed.status).toBe(422);
    expect((await changed.json()).error.message).toContain("72 bytes");

    const target = await makeUser("viewer");
    const reset = await postReset(admin.headers, target.id, {
      newPassword: "x".repeat(73),
    });
    expect(reset.status).toBe(422);
    expect(await canSignIn(target.email, OLD)).toBe(true);
  });
});

describe("POST /api/me/password", () => {
  it("changes the password, ends the user's other sessions, keeps this one and records it", async () => {
    const me = await browser("viewer");
    const other = await sessionCookie(me.user.id);
    const response = await postChange(me.headers, {
      currentPassword: OLD,
      newPassword: NEW,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sessionsRevoked: 1 });
    expect(await resolveSession(me.sessionId)).not.toBeNull();
    expect(await resolveSession(other.sessionId)).toBeNull();
    expect(await canSignIn(me.user.email, OLD)).toBe(false);
    expect(await canSignIn(me.user.email, NEW)).toBe(true);
    const event = await lastUserUpdate(me.user.id);
    expect(event).toMatchObject({
      action: "user.updated",
      actor: me.user.email,
      details: {
        email: me.user.email,
        changes: { password: "changed by the user" },
        sessionsRevoked: 1,
      },
    });
    expect(JSON.stringify(event)).not.toContain(NEW);
  });

  it("refuses a wrong current password", async () => {
    const me = await browser("viewer");
    const wrong = await postChange(me.headers, {
      currentPassword: "not-my-password",
      newPassword: NEW,
    });
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error.message).toBe(
      "The current password is not correct.",
    );
    expect(await canSignIn(me.user.email, OLD)).toBe(true);
  });

  it("counts wrong current passwords against the sign-in throttle", async () => {
    const me = await browser("viewer");
    const statuses: number[] = [];
    for (let index = 0; index < 6; index++) {
      const response = await postChange(me.headers, {
        currentPassword: `wrong-${index}`,
        newPassword: NEW,
      });
      statuses.push(response.status);
      if (response.status === 429)
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
  });

  it("refuses an API token: only a signed-in browser changes its password", async () => {
    const user = await makeUser("admin");
    const response = await postChange(await bearerHeaders(user.id), {
      currentPassword: OLD,
      newPassword: NEW,
    });
    expect(response.status).toBe(403);
    expect(await canSignIn(user.email, OLD)).toBe(true);
  });

  it("changes nothing when its audit event cannot be written", async () => {
    const me = await browser("viewer");
    const other = await sessionCookie(me.user.id);
    const before = await auditEventCount();
    const response = await withAuditAppendsRefused(() =>
      postChange(me.headers, { currentPassword: OLD, newPassword: NEW }),
    );
    expect(response.status).toBe(500);
    expect(await auditEventCount()).toBe(before);
    expect(await resolveSession(other.sessionId)).not.toBeNull();
    expect(await canSignIn(me.user.email, OLD)).toBe(true);
  });
});

describe("POST /api/users/{userId}/password", () => {
  it("sets the password, ends every session of the user and lifts their sign-in wait", async () => {
    const admin = await browser("admin");
    const target = await makeUser("operator");
    const session = await sessionCookie(target.id);
    const attacker = freshIp();
    for (let index = 0; index < 5; index++)
      await signIn(
        { email: target.email, password: `guess-${index}` },
        { ip: attacker },
      );
    expect(
      await signIn({ email: target.email, password: OLD }, { ip: attacker }),
    ).toMatchObject({ reason: "throttled" });

    const response = await postReset(admin.headers, target.id, {
      newPassword: NEW,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      user: { id: target.id, email: target.email },
      sessionsRevoked: 1,
    });
    expect(await resolveSession(session.sessionId)).toBeNull();
    expect(
      await signIn({ email: target.email, password: NEW }, { ip: attacker }),
    ).toMatchObject({ ok: true });
    expect(await lastUserUpdate(target.id)).toMatchObject({
      action: "user.updated",
      actor: admin.user.email,
      details: {
        email: target.email,
        changes: { password: "reset by an admin" },
        sessionsRevoked: 1,
      },
    });
  });

  it("sends an admin to POST /api/me/password for their own, and answers 404 for nobody", async () => {
    const admin = await browser("admin");
    const own = await postReset(admin.headers, admin.user.id, {
      newPassword: NEW,
    });
    expect(own.status).toBe(409);
    expect(await canSignIn(admin.user.email, OLD)).toBe(true);
    const nobody = await postReset(
      admin.headers,
      "00000000-0000-4000-8000-000000000000",
      { newPassword: NEW },
    );
    expect(nobody.status).toBe(404);
  });

  it("changes nothing when its audit event cannot be written", async () => {
    const admin = await browser("admin");
    const target = await makeUser("viewer");
    const session = await sessionCookie(target.id);
    const response = await withAuditAppendsRefused(() =>
      postReset(admin.headers, target.id, { newPassword: NEW }),
    );
    expect(response.status).toBe(500);
    expect(await resolveSession(session.sessionId)).not.toBeNull();
    expect(await canSignIn(target.email, OLD)).toBe(true);
  });
});
