import { count, eq, inArray } from "drizzle-orm";
import { createUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open-db";
import { databaseMarks, users } from "@/lib/db/schema";
import { demoAccounts } from "./demo-accounts";

const DEMO_MARK = "demo";

/**
 * The demo's accounts have published passwords, so they go only into a database the demo owns:
 * one it marked before, or an empty one, which it marks now. Any other database (a real
 * PostgreSQL behind DATABASE_URL, a real console's PGlite folder) is refused untouched.
 */
async function claimForDemo(db: Db): Promise<void> {
  const [mark] = await db
    .select()
    .from(databaseMarks)
    .where(eq(databaseMarks.name, DEMO_MARK));
  if (mark) return;
  const [{ n }] = (await db.select({ n: count() }).from(users)) as [
    { n: number },
  ];
  if (n > 0)
    throw new Error(
      `Refusing to create the demo accounts (their passwords are published): this database has ${n} user${n === 1 ? "" : "s"} and is not a demo database. ` +
        (process.env.DATABASE_URL
          ? "Point DATABASE_URL at an empty database, or unset it to use embedded PGlite."
          : "Use a fresh folder: set ERASURE_DATA_DIR to an empty directory."),
    );
  await db.insert(databaseMarks).values({ name: DEMO_MARK });
}

/** Creates the demo accounts that do not exist yet; returns how many were created. */
export async function seedDemoAccounts(): Promise<number> {
  const db = await getDb();
  return db.transaction(async (inner) => {
    const tx = inner as unknown as Db;
    await claimForDemo(tx);
    const existing = new Set(
      (
        await tx
          .select({ email: users.email })
          .from(users)
          .where(
            inArray(
              users.email,
              demoAccounts.map((account) => account.email),
            ),
          )
      ).map((row) => row.email),
    );
    const missing = demoAccounts.filter(
      (account) => !existing.has(account.email),
    );
    for (const account of missing) await createUser(account, tx);
    return missing.length;
  });
}
