// `npm run migrate`: applies pending migrations from drizzle/ and exits. On PostgreSQL, run it
// with the DATABASE_URL of the role that owns the tables, before starting the console (which
// connects as a role that may create nothing, with ERASURE_SKIP_MIGRATIONS=1). With PGlite the
// console migrates by itself at start; this works too while the console is stopped.
import { openDb } from "@/lib/db/open-db";
import { getEnv } from "@/lib/env";

async function main(): Promise<void> {
  const env = getEnv();
  const handle = await openDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.ERASURE_DATA_DIR,
  });
  await handle.close();
  console.log(
    `Migrations applied (${handle.kind === "postgres" ? "PostgreSQL" : `PGlite in ${env.ERASURE_DATA_DIR}`}).`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
