// Sign-in throttling (issue 11): attempts are recorded before the password is checked, so
// parallel guesses cannot all slip through; the back-off slows the caller (email and address),
// one address spraying many emails, and many addresses guessing one account, but never stops the
// account's owner signing in from where they signed in before.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { loginAttempts } from "@/lib/db/schema";
import { makeUser } from "@/lib/testing/fixtures";
import { signIn } from "./sign-in";

const RIGHT = "correct-horse-battery";
// ERASURE_LOGIN_MAX_FAILURES' default; each test uses addresses of its own.
const MAX_FAILURES = 5;

let nextOctet = 1;
/** An address no other test in this file uses. */
const freshIp = () =>
  `198.18.${Math.floor(nextOctet / 250)}.${nextOctet++ % 250}`;

const attempt = (email: string, password: string, ip: string) =>
  signIn({ email, password }, { ip, userAgent: "throttle-test" });

/** Failed attempts written straight into the table, `minutesAgo` old. */
async function seedFailures(
  rows: { email: string; ip: string }[],
  minutesAgo = 0,
) {
  const db = await getDb();
  await db.insert(loginAttempts).values(
    rows.map((row) => ({
      ...row,
      succeeded: false,
      at: sql`now() - make_interval(mins => ${minutesAgo})`,
    })),
  );
}

describe("sign-in throttling", () => {
  it("lets only the allowed number of simultaneous guesses reach the password check", async () => {
    const user = await makeUser("admin");
    const ip = freshIp();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        attempt(user.email, `wrong-${index}`, ip),
      ),
    );
    const checked = results.filter(
      (result) => !result.ok && result.reason === "invalid",
    );
    expect(checked).toHaveLength(MAX_FAILURES);
    expect(
      results.filter((result) => !result.ok && result.reason === "throttled"),
    ).toHaveLength(12 - MAX_FAILURES);
    const db = await getDb();
    const recorded = await db
      .select()
      .from(loginAttempts)
      .where(eq(loginAttempts.email, user.email));
    expect(recorded).toHaveLength(MAX_FAILURES);
  });

  it("slows the guessing address down, not the account: its owner still signs in from elsewhere", async () => {
    const user = await makeUser("admin");
    const attacker = freshIp();
    for (let index = 0; index < MAX_FAILURES; index++)
      await attempt(user.email, `wrong-${index}`, attacker);
    expect(await attempt(user.email, RIGHT, attacker)).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect(await attempt(user.email, RIGHT, freshIp())).toMatchObject({
      ok: true,
    });
  });

  it("slows one address that sprays many emails", async () => {
    const sprayer = freshIp();
    await seedFailures(
      Array.from({ length: MAX_FAILURES * 10 }, () => ({
        email: `nobody-${randomUUID()}@erasure.test`,
        ip: sprayer,
      })),
    );
    const user = await makeUser("viewer");
    const refused = await attempt(user.email, RIGHT, sprayer);
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    if (refused.ok || refused.reason !== "throttled") return;
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(await attempt(user.email, RIGHT, freshIp())).toMatchObject({
      ok: true,
    });
  });

  it("forgets failures older than the window", async () => {
    const sprayer = freshIp();
    await seedFailures(
      Array.from({ length: MAX_FAILURES * 10 }, () => ({
        email: `nobody-${randomUUID()}@erasure.test`,
        ip: sprayer,
      })),
      16,
    );
    const user = await makeUser("viewer");
    expect(await attempt(user.email, RIGHT, sprayer)).toMatchObject({
      ok: true,
    });
  });

  it("slows many addresses guessing one account, except where its owner signed in before", async () => {
    const user = await makeUser("admin");
    const home = freshIp();
    expect(await attempt(user.email, RIGHT, home)).toMatchObject({ ok: true });
    await seedFailures(
      Array.from({ length: MAX_FAILURES * 4 }, () => ({
        email: user.email,
        ip: freshIp(),
      })),
    );
    expect(await attempt(user.email, RIGHT, freshIp())).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect(await attempt(user.email, RIGHT, home)).toMatchObject({ ok: true });
  });

  it("records the attempt before the password is checked, and marks it once it succeeds", async () => {
    const user = await makeUser("viewer");
    const ip = freshIp();
    await attempt(user.email, "wrong", ip);
    await attempt(user.email, RIGHT, ip);
    const db = await getDb();
    const rows = await db
      .select({ ip: loginAttempts.ip, succeeded: loginAttempts.succeeded })
      .from(loginAttempts)
      .where(eq(loginAttempts.email, user.email))
      .orderBy(loginAttempts.id);
    expect(rows).toEqual([
      { ip, succeeded: false },
      { ip, succeeded: true },
    ]);
  });
});
