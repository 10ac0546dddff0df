import "server-only";
import { assertAuditSigningConfigured } from "@/lib/audit/checkpoint";
import { startCheckpointPublisher } from "@/lib/audit/checkpoint-publisher";
import { getDbHandle } from "@/lib/db/client";
import { EnvError, getAuthSecret, getEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { safeErrorMessage } from "@/lib/log/redact";

/**
 * Start-up: parse the environment (a bad value, or production without an audit signing key,
 * stops the process with a message naming the variable), then open the database and apply
 * migrations (or check them, with ERASURE_SKIP_MIGRATIONS), so that the first request does not
 * pay PGlite's cold start and a locked data folder fails loudly at once; then publish audit
 * checkpoints outside the database at an interval. From then on every
 * provider request of this process (route handlers and worker alike) draws on the rate budgets
 * in the database, shared with every other console instance.
 */
export async function startServer(): Promise<void> {
  try {
    getAuthSecret();
    assertAuditSigningConfigured(getEnv());
    const handle = await getDbHandle();
    logger.info({ database: handle.kind }, "database ready");
    startCheckpointPublisher();
    const { installDatabaseRateGate } =
      await import("@/lib/runs/worker/rate-limit");
    installDatabaseRateGate();
    const { startWorker } = await import("@/lib/runs/worker/worker");
    await startWorker();
  } catch (error) {
    // A failed query's message carries its parameters; the console output keeps the SQL only.
    const message =
      error instanceof Error ? safeErrorMessage(error) : String(error);
    console.error(`\nErasure cannot start.\n${message}\n`);
    if (!(error instanceof EnvError))
      logger.error({ err: error }, "start-up failed");
    process.exit(1);
  }
}
