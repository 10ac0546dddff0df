import "server-only";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { logger } from "@/lib/log/logger";
import {
  assertMigrated,
  explainMigrationFailure,
  migrationsFolder,
} from "./migrations";
import { lockDataDir } from "./pglite-lock";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export interface DbConfig {
  databaseUrl?: string;
  dataDir: string;
  /**
   * PostgreSQL only: check that the owner applied every migration instead of migrating, for a
   * console role that may create nothing (ERASURE_SKIP_MIGRATIONS).
   */
  skipMigrations?: boolean;
}
// Any constant works; it only has to be the same for every console instance.
const MIGRATION_LOCK_KEY = 7_201_946_113;

// Unqualified names resolve in public only. PostgreSQL's default search_path starts with a
// schema named after the connecting role ("$user"): whoever could create that schema could put
// a forged audit_events in front of the real one for every query of the console. pg_temp,
// searched first unless named, goes last for the same reason.
const PINNED_SEARCH_PATH = "-c search_path=public,pg_temp";

async function openPostgres(
  databaseUrl: string,
  skipMigrations: boolean,
): Promise<DbHandle> {
  const { Pool, Client } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const connection = {
    connectionString: databaseUrl,
    options: PINNED_SEARCH_PATH,
  };
  // Several instances may start together: an advisory lock on one connection serialises migrations.
  const client = new Client(connection);
  await client.connect();
  try {
    if (skipMigrations) {
      await assertMigrated(client);
    } else {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      await migrate(drizzle(client), { migrationsFolder }).catch(
        (error: unknown) => {
          throw explainMigrationFailure(error);
        },
      );
    }
  } finally {
    if (!skipMigrations)
      await client
        .query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY])
        .catch(() => undefined);
    await client.end();
  }
  const pool = new Pool({ ...connection, max: 10 });
  // An idle connection can be cut by the server (restart, failover, admin); without a listener
  // pg would crash the process. The pool replaces the connection on next use.
  pool.on("error", (error) =>
    logger.warn({ err: error }, "idle PostgreSQL connection lost"),
  );
  return {
    db: drizzle(pool, { schema }) as unknown as Db,
    kind: "postgres",
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string): Promise<DbHandle> {
  const release = lockDataDir(dataDir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const client = await PGlite.create(path.join(dataDir, "pglite"), {
      // PostgreSQL's default 128 MB of shared buffers live in the process's own memory here
      // (about 115 MB of resident memory); the files underneath sit in the OS page cache anyway,
      // so a 100,000-ID run loses no measurable speed with 32 MB (npm run bench:runs).
      postgresqlconf: "shared_buffers = 32MB",
    });
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      kind: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Opens the configured database and applies pending migrations (or, with `skipMigrations`, checks
 * that none is pending). Callers own the handle.
 */
export function openDb(config: DbConfig): Promise<DbHandle> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, config.skipMigrations ?? false)
    : openPglite(config.dataDir);
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`, which the shared type hides. */
export async function executeRows<T = Record<string, unknown>>(
  db: Db,
  query: SQL,
): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
