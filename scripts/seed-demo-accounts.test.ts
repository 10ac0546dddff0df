// The demo's accounts have published passwords: they may go only into a database the demo owns,
// an empty one (which the demo then marks as its own) or one it marked before.
import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { users } from "@/lib/db/schema";
import { makeUser } from "@/lib/testing/fixtures";
import { demoAccounts } from "./demo-accounts";
import { seedDemoAccounts } from "./seed-demo-accounts";

const demoEmails = demoAccounts.map((account) => account.email);

async function state() {
  const db = await getDb();
  const marks = await executeRows<{ name: string }>(
    db,
    sql`select name from database_marks`,
  );
  const emails = (await db.select({ email: users.email }).from(users)).map(
    (row) => row.email,
  );
  return { marks: marks.map((mark) => mark.name), emails };
}

it("refuses a database that already has users and is not the demo's, and changes nothing", async () => {
  const real = await makeUser("admin");
  await expect(seedDemoAccounts()).rejects.toThrow(
    /Refusing to create the demo accounts.*1 user.*not a demo database/s,
  );
  expect(await state()).toEqual({ marks: [], emails: [real.email] });
  const db = await getDb();
  await db.delete(users).where(eq(users.id, real.id));
});

it("seeds an empty database, marks it as the demo's, and may seed it again later", async () => {
  expect(await seedDemoAccounts()).toBe(3);
  expect(await state()).toEqual({
    marks: ["demo"],
    emails: expect.arrayContaining(demoEmails),
  });
  // People try the demo: users they add do not make it someone else's database.
  await makeUser("operator");
  expect(await seedDemoAccounts()).toBe(0);
});
