// Migration 0007 on a database that already has tokens: it must apply (PGlite, and PostgreSQL in
// the postgres project) and give every existing token the scope and expiry the issue asks for.
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { migrationsBefore, rawDbForTests } from "@/lib/testing/raw-migrations";

const MIGRATION = "0007_token_scope_expiry";
const DAY_MS = 86_400_000;

const db = rawDbForTests();

it("gives existing tokens scope operate and an expiry 90 days after the migration, and marks a demo database", async () => {
  await db.migrate(migrationsBefore(MIGRATION));
  const [user] = await db.rows<{ id: string }>(sql`
    insert into users (email, name, role, password_hash)
    values ('admin@erasure.demo', 'Ada', 'admin', 'x') returning id`);
  await db.rows(sql`
    insert into api_tokens (user_id, name, token_hash, prefix)
    values (${user!.id}, 'legacy', ${"a".repeat(64)}, 'era_abcdef')`);

  const before = Date.now();
  await db.migrate("drizzle");
  const after = Date.now();

  const [token] = await db.rows<{ scope: string; expires_at: string }>(
    sql`select scope, expires_at::text from api_tokens where name = 'legacy'`,
  );
  expect(token!.scope).toBe("operate");
  const expires = new Date(token!.expires_at).getTime();
  // The server's clock and ours may differ by a little; the expiry is 90 days either way.
  expect(expires).toBeGreaterThanOrEqual(before + 90 * DAY_MS - 60_000);
  expect(expires).toBeLessThanOrEqual(after + 90 * DAY_MS + 60_000);

  // The demo's admin account was seeded by `npm run demo`: that database stays the demo's.
  expect(
    await db.rows(sql`select name from database_marks order by name`),
  ).toEqual([{ name: "demo" }]);

  // New tokens must say both; the database refuses a token without them.
  await expect(
    db.rows(sql`
      insert into api_tokens (user_id, name, token_hash, prefix)
      values (${user!.id}, 'new', ${"b".repeat(64)}, 'era_bcdefg')`),
  ).rejects.toThrow();
});
