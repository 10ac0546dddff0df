// Failed sign-ins cannot flood the audit log (issue 11): one event per email and address per
// window carries the count of the failures it stands for, and a shared budget caps how many such
// events all callers together may append, checked before the append lock is taken.
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { makeUser } from "@/lib/testing/fixtures";
import { signIn } from "./sign-in";
import { SIGN_IN_AUDIT_BUDGET_KEY } from "./sign-in-audit";

let nextOctet = 1;
const freshIp = () =>
  `198.19.${Math.floor(nextOctet / 250)}.${nextOctet++ % 250}`;

const fail = (email: string, ip: string) =>
  signIn(
    { email, password: "wrong-password" },
    { ip, userAgent: "audit-test" },
  );

async function failureEvents(email: string) {
  return executeRows<{ ip: string; details: Record<string, unknown> }>(
    await getDb(),
    sql`select ip, details from audit_events
         where action = 'auth.sign_in_failed' and target_id = ${email}
         order by position`,
  );
}

/** As if every sign-in failure window had ended: the next failure opens a new one. */
async function endWindows() {
  await (
    await getDb()
  ).execute(
    sql`update rate_buckets set updated_at = updated_at - interval '1 day'
         where key like 'sign-in-failed:%' and key <> ${SIGN_IN_AUDIT_BUDGET_KEY}`,
  );
}

async function setBudget(tokens: number) {
  await (
    await getDb()
  ).execute(
    sql`insert into rate_buckets (key, tokens, updated_at)
        values (${SIGN_IN_AUDIT_BUDGET_KEY}, ${tokens}, clock_timestamp())
        on conflict (key) do update set tokens = ${tokens}, updated_at = clock_timestamp()`,
  );
}

beforeEach(() => setBudget(30));

describe("failed sign-in events", () => {
  it("writes one event per email and address per window, throttled attempts included, with the count", async () => {
    const user = await makeUser("admin");
    const ip = freshIp();
    for (let index = 0; index < 8; index++) await fail(user.email, ip);
    expect(await failureEvents(user.email)).toEqual([
      { ip, details: { reason: "wrong password", failures: 1 } },
    ]);

    await endWindows();
    await fail(user.email, ip);
    const events = await failureEvents(user.email);
    expect(events).toHaveLength(2);
    // The 7 folded into the first window, and this one.
    expect(events[1]).toEqual({
      ip,
      details: { reason: "throttled", failures: 8 },
    });
  });

  it("gives another address its own event", async () => {
    const user = await makeUser("viewer");
    const [first, second] = [freshIp(), freshIp()];
    await fail(user.email, first);
    await fail(user.email, first);
    await fail(user.email, second);
    expect((await failureEvents(user.email)).map((event) => event.ip)).toEqual([
      first,
      second,
    ]);
  });

  it("writes nothing once the shared budget is spent, and reports the failures later", async () => {
    const user = await makeUser("viewer");
    const ip = freshIp();
    await setBudget(0);
    await fail(user.email, ip);
    await fail(user.email, ip);
    expect(await failureEvents(user.email)).toEqual([]);

    await setBudget(30);
    await fail(user.email, ip);
    expect(await failureEvents(user.email)).toEqual([
      { ip, details: { reason: "wrong password", failures: 3 } },
    ]);
  });

  it("spends the shared budget one event at a time", async () => {
    const users = [await makeUser("viewer"), await makeUser("viewer")];
    // It refills at one event per 2 s, far slower than two failures take.
    await setBudget(1);
    for (const user of users) await fail(user.email, freshIp());
    const written = await Promise.all(
      users.map(async (user) => (await failureEvents(user.email)).length),
    );
    expect(written).toEqual([1, 0]);
  });
});
