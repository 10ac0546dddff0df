import "server-only";
import { inArray } from "drizzle-orm";
import { auditContext, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/open-db";
import { runs } from "@/lib/db/schema";
import { logger } from "@/lib/log/logger";
import { adapterForIdKind } from "@/lib/providers/id-kinds";
import type {
  IdKind,
  OutcomeResult,
  ProviderAdapter,
  ProviderId,
} from "@/lib/providers/types";
import { claimItems, type ClaimedItem } from "./claim-items";
import { deleteBucketKey, lookupBucketKey } from "./provider-access";
import { waitForRateToken } from "./rate-limit";
import {
  finishRuns,
  pauseRun,
  planWrite,
  recordOutcomes,
} from "./record-outcome";

export interface LaneContext {
  db: Db;
  provider: ProviderId;
  /** The provider's adapter for its video IDs; a claim of other IDs uses its view of those. */
  adapter: ProviderAdapter;
  owner: string;
  leaseSeconds: number;
  maxAttempts: number;
  signal: AbortSignal;
}

const confirmedGone: OutcomeResult = {
  outcome: "deleted",
  code: "confirmed_gone",
  message:
    "An earlier attempt was cut off (crash, timeout or unreadable answer); a look-up afterwards found the video gone: deleted by that attempt, or already absent.",
  retryable: false,
};

/**
 * Items whose earlier attempt was in flight when its worker died are resolved by a look-up,
 * never guessed: gone → deleted (confirmed), still there → sent again, look-up failed → retry.
 */
async function resolveInterrupted(
  ctx: LaneContext,
  adapter: ProviderAdapter,
  items: ClaimedItem[],
) {
  const resolved = new Map<string, OutcomeResult>();
  if (items.length === 0) return resolved;
  await waitForRateToken(
    ctx.db,
    lookupBucketKey(ctx.provider),
    adapter.rateLimit,
    1,
    ctx.signal,
  );
  const lookups = await adapter.lookup(items.map((item) => item.videoId));
  for (const item of items) {
    const found = lookups.get(item.videoId);
    if (found?.state === "not_found") resolved.set(item.videoId, confirmedGone);
    else if (!found || found.state === "failed") {
      resolved.set(item.videoId, {
        outcome: "failed",
        code: found?.code ?? "lookup_failed",
        message: `Could not confirm an interrupted attempt: ${found?.message ?? "no look-up answer"}`,
        retryable: true,
      });
    }
  }
  return resolved;
}

/** One audit event per batch and run, listing each row's result (docs/design.md §6). */
async function recordBatchEvent(
  ctx: LaneContext,
  idKind: IdKind,
  writes: ReturnType<typeof planWrite>[],
) {
  const byRun = new Map<string, ReturnType<typeof planWrite>[]>();
  for (const write of writes)
    byRun.set(write.item.runId, [
      ...(byRun.get(write.item.runId) ?? []),
      write,
    ]);
  for (const [runId, runWrites] of byRun) {
    await recordAuditEvent({
      ...auditContext(null),
      actor: `worker ${ctx.owner}`,
      action: "items.recorded",
      targetType: "run",
      targetId: runId,
      details: {
        provider: ctx.provider,
        idKind,
        items: runWrites.map((write) => ({
          videoId: write.item.videoId,
          attempt: write.item.attempt,
          outcome: write.outcome === "pending" ? "retry" : write.outcome,
          code: write.code,
          message: write.message,
        })),
      },
    });
  }
}

/**
 * One worker step for a provider: claim a leased batch, wait for the shared rate budget, call
 * the adapter, record every item's result (fenced), pause the run on rejected credentials,
 * and close runs that have nothing pending. Returns how many items were claimed.
 */
export async function processBatch(ctx: LaneContext): Promise<number> {
  const claimed = await claimItems(ctx.db, {
    provider: ctx.provider,
    limit: ctx.adapter.maxBatch,
    owner: ctx.owner,
    leaseSeconds: ctx.leaseSeconds,
  });
  if (claimed.length === 0) return 0;
  const { idKind } = claimed[0]!;
  // Run creation refuses a kind the provider lacks, so this holds for every stored run.
  const adapter = adapterForIdKind(ctx.adapter, idKind)!;

  const results = await resolveInterrupted(
    ctx,
    adapter,
    claimed.filter((item) => item.interrupted),
  );
  const toDelete = claimed.filter((item) => !results.has(item.videoId));
  if (toDelete.length > 0) {
    await waitForRateToken(
      ctx.db,
      deleteBucketKey(ctx.provider),
      adapter.rateLimit,
      1,
      ctx.signal,
    );
    const outcomes = await adapter.delete(toDelete.map((item) => item.videoId));
    for (const item of toDelete) {
      results.set(
        item.videoId,
        outcomes.get(item.videoId) ?? {
          outcome: "failed",
          code: "no_answer",
          message: "The adapter returned no outcome for this ID.",
          retryable: true,
        },
      );
    }
  }

  const runIds = [...new Set(claimed.map((item) => item.runId))];
  const runRows = await ctx.db
    .select({ id: runs.id, cancelled: runs.cancelRequestedAt })
    .from(runs)
    .where(inArray(runs.id, runIds));
  const cancelled = new Set(
    runRows.filter((row) => row.cancelled !== null).map((row) => row.id),
  );

  const policy = { maxAttempts: ctx.maxAttempts };
  const writes = claimed.map((item) =>
    planWrite(item, results.get(item.videoId)!, {
      ...policy,
      cancelled: cancelled.has(item.runId),
    }),
  );
  const written = await recordOutcomes(ctx.db, ctx.owner, writes);
  const lost = claimed.length - written.size;
  await recordBatchEvent(
    ctx,
    idKind,
    writes.filter((write) =>
      written.has(`${write.item.runId}/${write.item.videoId}`),
    ),
  );
  const pausedRuns = new Map<string, string>();
  for (const item of claimed) {
    const result = results.get(item.videoId)!;
    if (result.code === "auth" && result.outcome === "failed") {
      pausedRuns.set(
        item.runId,
        result.message ?? `credentials rejected by ${ctx.adapter.label}`,
      );
    }
  }
  for (const [runId, reason] of pausedRuns)
    await pauseRun(ctx.db, runId, reason);
  if (lost > 0)
    logger.warn(
      { provider: ctx.provider, lost },
      "lease lost before recording; outcomes left to the new holder",
    );
  await finishRuns(ctx.db, runIds);
  return claimed.length;
}
