import "server-only";
import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { hostname } from "node:os";
import { getDbHandle } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { listProviders } from "@/lib/providers/registry";
import type { ProviderId } from "@/lib/providers/types";
import { endAbandonedCancels } from "@/lib/runs/cancel-run";
import { sleep } from "@/lib/utils";
import { expireOwnLeases, resumePausedRuns } from "./claim-items";
import { processBatch, type LaneContext } from "./process-batch";
import { installDatabaseRateGate } from "./rate-limit";

const IDLE_POLL_MS = 500;
// Parallel batches per provider: enough to reach the rate limit despite provider latency; the
// shared token buckets the adapters wait on, not this number, bound the call rate.
const LANES: Record<ProviderId, number> = {
  vod: 4,
  akool: 2,
  memories: 1,
  imagine: 2,
};

const globalForWorker = globalThis as typeof globalThis & {
  __erasureWorker?: { stop(): Promise<void> };
};

async function runLane(ctx: LaneContext): Promise<void> {
  while (!ctx.signal.aborted) {
    try {
      const claimed = await processBatch(ctx);
      if (claimed === 0) await sleep(IDLE_POLL_MS, ctx.signal);
    } catch (error) {
      if (ctx.signal.aborted) return;
      logger.error(
        { err: error, provider: ctx.provider },
        "worker step failed; retrying",
      );
      await sleep(2_000, ctx.signal);
    }
  }
}

/**
 * Starts this process's worker once (docs/design.md §5): lanes per configured provider that claim
 * leased batches from the database. Every console process runs one; they coordinate only
 * through the database.
 */
export async function startWorker(): Promise<void> {
  // Also in processes that start only a worker (scripts/worker.ts, benchmarks, tests): every
  // provider request draws on the database's shared budgets.
  installDatabaseRateGate();
  if (globalForWorker.__erasureWorker || getEnv().ERASURE_WORKER === "off")
    return;
  const controller = new AbortController();
  // Every lane and the resumer wait on this one signal at once: more than Node's default of 10
  // listeners is expected, not a leak.
  setMaxListeners(100, controller.signal);
  const handle = await getDbHandle();
  if (handle.kind === "pglite") await expireOwnLeases(handle.db);
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const env = getEnv();
  const lanes: Promise<void>[] = [];
  for (const entry of listProviders()) {
    if (!entry.adapter) continue;
    for (let lane = 0; lane < LANES[entry.id]; lane++) {
      lanes.push(
        runLane({
          db: handle.db,
          provider: entry.id,
          adapter: entry.adapter,
          owner,
          leaseSeconds: env.ERASURE_LEASE_SECONDS,
          maxAttempts: env.ERASURE_MAX_ATTEMPTS,
          signal: controller.signal,
        }),
      );
    }
  }
  const resumer = (async () => {
    while (!controller.signal.aborted) {
      await resumePausedRuns(handle.db).catch((error: unknown) =>
        logger.error({ err: error }, "resume failed"),
      );
      await endAbandonedCancels(handle.db).catch((error: unknown) =>
        logger.error({ err: error }, "ending abandoned cancels failed"),
      );
      await sleep(5_000, controller.signal);
    }
  })();
  globalForWorker.__erasureWorker = {
    async stop() {
      controller.abort();
      await Promise.allSettled([...lanes, resumer]);
      globalForWorker.__erasureWorker = undefined;
    },
  };
  logger.info({ owner, lanes: lanes.length }, "worker started");
}

export async function stopWorker(): Promise<void> {
  await globalForWorker.__erasureWorker?.stop();
}
