// Migration 0007 on a database that already has tokens: it must apply (PGlite, and PostgreSQL in
// the postgres project) and give every existing token the scope and expiry the issue asks for.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";

const MIGRATION = "0007_token_scope_expiry";
const DAY_MS = 86_400_000;

interface RawDb {
  migrate(folder: string): Promise<void>;
  rows<T>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
}

/** Migrations up to (not including) `tag`, as drizzle's migrator reads a folder. */
function foldersBefore(tag: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), "erasure-migrations-"));
  cpSync("drizzle", folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as {
    entries: { tag: string }[];
  };
  const cut = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

async function openRaw(): Promise<RawDb> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { Client } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    const client = new Client({ connectionString: url });
    await client.connect();
    const db = drizzle(client);
    return {
      migrate: (folder) => migrate(db, { migrationsFolder: folder }),
      rows: async <T>(query: SQL) =>
        (await db.execute(query)).rows as unknown as T[],
      close: () => client.end(),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const client = await PGlite.create();
  const db = drizzle(client);
  return {
    migrate: (folder) => migrate(db, { migrationsFolder: folder }),
    rows: async <T>(query: SQL) =>
      (await db.execute(query)).rows as unknown as T[],
    close: () => client.close(),
  };
}

let db: RawDb;
beforeAll(async () => {
  db = await openRaw();
});
afterAll(async () => {
  await db?.close();
});

it("gives existing tokens scope operate and an expiry 90 days after the migration, and marks a demo database", async () => {
  await db.migrate(foldersBefore(MIGRATION));
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
