import "server-only";
import { getEnv } from "@/lib/env";
import { openDb, type Db, type DbHandle } from "./open-db";

// Next bundles instrumentation and route handlers separately, so module state is not shared
// between them; the handle lives on globalThis so that one process opens PGlite exactly once.
const globalForDb = globalThis as typeof globalThis & {
  __erasureDb?: Promise<DbHandle>;
};

/** The process-wide database handle, opened (and migrated) on first use. */
export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.__erasureDb) {
    const env = getEnv();
    globalForDb.__erasureDb = openDb({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.ERASURE_DATA_DIR,
      skipMigrations: env.ERASURE_SKIP_MIGRATIONS,
    });
    globalForDb.__erasureDb.catch(() => {
      globalForDb.__erasureDb = undefined;
    });
  }
  return globalForDb.__erasureDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Closes the process-wide handle (scripts and tests; the server keeps it for its lifetime). */
export async function closeDb(): Promise<void> {
  const handle = globalForDb.__erasureDb;
  globalForDb.__erasureDb = undefined;
  if (handle) await (await handle).close();
}
