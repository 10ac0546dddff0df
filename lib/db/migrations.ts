import "server-only";
import path from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Client } from "pg";

export const migrationsFolder = path.join(process.cwd(), "drizzle");

/** The database is not at the schema this console was built for; start-up stops with this. */
export class MigrationError extends Error {
  override name = "MigrationError";
}

const OWNER_HINT =
  "Apply migrations as the database owner (`npm run migrate` with the owner's DATABASE_URL), then start the console as its own role with ERASURE_SKIP_MIGRATIONS=1 (README, Deploying on PostgreSQL).";

const sqlState = (error: unknown): string | undefined => {
  const cause = (error as { cause?: unknown } | null)?.cause ?? error;
  return (cause as { code?: string } | null)?.code;
};

/**
 * Fails unless the owner has applied every migration this console ships. A console that does not
 * migrate (its role may create nothing) reads drizzle's journal instead, as drizzle's migrator
 * would: a migration is applied once the journal has an entry at least as recent.
 */
export async function assertMigrated(client: Client): Promise<void> {
  const shipped = readMigrationFiles({ migrationsFolder });
  let applied = 0;
  try {
    const { rows } = await client.query<{ at: string | null }>(
      "select max(created_at)::text as at from drizzle.__drizzle_migrations",
    );
    applied = Number(rows[0]?.at ?? 0);
  } catch (error) {
    // 3F000: no schema drizzle, 42P01: no journal table: nothing was ever applied.
    if (!["3F000", "42P01"].includes(sqlState(error) ?? ""))
      throw new MigrationError(
        `Cannot read drizzle.__drizzle_migrations: ${(error as Error).message}. The console's role needs USAGE on schema drizzle and SELECT on that table.`,
      );
  }
  const pending = shipped.filter((m) => m.folderMillis > applied).length;
  if (pending > 0)
    throw new MigrationError(
      `The database lacks ${pending} of the ${shipped.length} migrations this console needs. ${OWNER_HINT}`,
    );
}

/** A role that may not create objects cannot migrate: say what to do instead of "permission denied". */
export function explainMigrationFailure(error: unknown): unknown {
  if (sqlState(error) !== "42501") return error;
  const cause = (error as { cause?: Error }).cause ?? (error as Error);
  return new MigrationError(
    `This role may not apply migrations (${cause.message}). ${OWNER_HINT}`,
    { cause: error },
  );
}
