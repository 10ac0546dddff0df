import "server-only";
import { getDbHandle } from "@/lib/db/client";
import { EnvError, getAuthSecret } from "@/lib/env";
import { logger } from "@/lib/log/logger";

/**
 * Start-up: parse the environment (a bad value stops the process with a message naming the
 * variable), then open the database and apply migrations, so that the first request does not
 * pay PGlite's cold start and a locked data folder fails loudly at once. From then on every
 * provider request of this process (route handlers and worker alike) draws on the rate budgets
 * in the database, shared with every other console instance.
 */
export async function startServer(): Promise<void> {
  try {
    getAuthSecret();
    const handle = await getDbHandle();
    logger.info({ database: handle.kind }, "database ready");
    const { installDatabaseRateGate } =
      await import("@/lib/runs/worker/rate-limit");
    installDatabaseRateGate();
    const { startWorker } = await import("@/lib/runs/worker/worker");
    await startWorker();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\nErasure cannot start.\n${message}\n`);
    if (!(error instanceof EnvError))
      logger.error({ err: error }, "start-up failed");
    process.exit(1);
  }
}
