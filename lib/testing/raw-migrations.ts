// Migration tests: a bare database (the per-file PGlite or PostgreSQL of vitest.setup.ts) that
// applies drizzle/ only up to a given migration, so rows written the old way meet the next one.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";

export interface RawDb {
  migrate(folder: string): Promise<void>;
  rows<T>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
}

/** A copy of drizzle/ whose journal stops before `tag`, as drizzle's migrator reads a folder. */
export function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), "erasure-migrations-"));
  cpSync("drizzle", folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as {
    entries: { tag: string }[];
  };
  const cut = journal.entries.findIndex((entry) => entry.tag === tag);
  if (cut <= 0) throw new Error(`No migration ${tag} after the first.`);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

export async function openRawDb(): Promise<RawDb> {
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

/**
 * For a test file: one raw database opened before its tests and closed after them. The object
 * is usable at once; its calls reach the database opened in `beforeAll`.
 */
export function rawDbForTests(): RawDb {
  let db: RawDb | undefined;
  beforeAll(async () => {
    db = await openRawDb();
  });
  afterAll(async () => {
    await db?.close();
  });
  const open = () => {
    if (!db) throw new Error("the raw database opens in beforeAll");
    return db;
  };
  return {
    migrate: (folder) => open().migrate(folder),
    rows: (query) => open().rows(query),
    close: () => open().close(),
  };
}
