import "server-only";
import { sql } from "drizzle-orm";
import { auditContext, recordAuditEvent } from "@/lib/audit/record-audit-event";
import { executeRows, type Db } from "@/lib/db/open-db";
import { logger } from "@/lib/log/logger";
import { adapterForIdKind } from "@/lib/providers/id-kinds";
import type {
  IdKind,
  OutcomeResult,
  ProviderAdapter,
  ProviderId,
} from "@/lib/providers/types";
import type { PreState } from "@/lib/runs/vocabulary";
import { claimItems, type ClaimedItem } from "./claim-items";
import { withStopSignal } from "./rate-limit";
import { pauseRun, planWrite, recordOutcomes } from "./record-outcome";
import { cancelRequested } from "../cancel-run";
import { finishRunsIn } from "../finish-runs";
import { planBeforeSend, settleAnswer } from "./settle";

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

const noAnswer: OutcomeResult = {
  outcome: "failed",
  code: "no_answer",
  message: "The adapter returned no outcome for this ID.",
  retryable: true,
};

/**
 * Write-ahead before a provider call (docs/design.md §2): each item's pre-state and "in doubt",
 * fenced like every outcome. Only rows whose lease is still ours and unexpired are sent, and
 * their lease restarts here, so the look-up's time never eats into the call's (a reclaimed row
 * must not be sent twice: G4).
 */
export async function markSending(
  db: Db,
  owner: string,
  leaseSeconds: number,
  sends: { item: ClaimedItem; preState: PreState }[],
): Promise<Set<string>> {
  if (sends.length === 0) return new Set();
  const values = sends.map(
    ({ item, preState }) =>
      sql`(${item.runId}::uuid, ${item.videoId}, ${item.attempt}::int, ${preState})`,
  );
  const rows = await executeRows<{ run_id: string; video_id: string }>(
    db,
    sql`update run_items i
           set pre_state = v.pre_state, pre_state_at = now(), in_doubt = true, updated_at = now(),
               lease_until = now() + make_interval(secs => ${leaseSeconds}),
               next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
          from (values ${sql.join(values, sql`, `)}) as v(run_id, video_id, attempt, pre_state)
         where i.run_id = v.run_id and i.video_id = v.video_id and i.attempts = v.attempt
           and i.lease_owner = ${owner} and i.lease_until > now()
           and i.outcome in ('pending', 'processing')
           -- A cancel that came while this batch was looked up stops it here, before the call.
           and not exists (select 1 from runs r where r.id = i.run_id and r.cancel_requested_at is not null)
     returning i.run_id, i.video_id`,
  );
  return new Set(rows.map((row) => `${row.run_id}/${row.video_id}`));
}

const notSent: OutcomeResult = {
  outcome: "failed",
  code: "not_sent",
  message:
    "Not sent: the run was cancelled before this call (or the row's lease ran out).",
  retryable: true,
};

const itemKey = (item: { runId: string; videoId: string }) =>
  `${item.runId}/${item.videoId}`;

/**
 * One audit event per batch and run, listing each row's result (docs/design.md §6). A batch of a
 * run whose cancel came while it was out says so: it follows `run.cancel_requested`.
 */
async function recordBatchEvent(
  ctx: LaneContext,
  tx: Db,
  idKind: IdKind,
  writes: ReturnType<typeof planWrite>[],
  cancelled: Set<string>,
) {
  const byRun = new Map<string, ReturnType<typeof planWrite>[]>();
  for (const write of writes)
    byRun.set(write.item.runId, [
      ...(byRun.get(write.item.runId) ?? []),
      write,
    ]);
  for (const [runId, runWrites] of byRun) {
    await recordAuditEvent(
      {
        ...auditContext(null),
        actor: `worker ${ctx.owner}`,
        action: "items.recorded",
        targetType: "run",
        targetId: runId,
        details: {
          provider: ctx.provider,
          idKind,
          ...(cancelled.has(runId)
            ? { inFlightWhenCancelRequested: true }
            : {}),
          items: runWrites.map((write) => ({
            videoId: write.item.videoId,
            attempt: write.item.attempt,
            outcome: write.outcome === "pending" ? "retry" : write.outcome,
            code: write.code,
            message: write.message,
          })),
        },
      },
      tx,
    );
  }
}

/**
 * One worker step for a provider: claim a leased batch; look it up (settling items in doubt,
 * recording every other item's pre-state); write ahead what is about to be sent; call the
 * adapter, whose every request draws on the shared rate budget; record every item's result
 * (fenced) as soon as it is known; pause the run on rejected credentials; close runs that have
 * nothing pending.
 * Returns how many items were claimed.
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

  // 1. One look-up for the batch: it settles items an earlier call left in doubt and gives
  //    every other item the pre-state that makes its outcome provable (G1–G3). Each request the
  //    adapter makes waits for its endpoint's shared budget (rate-limit.ts); a stop ends the wait.
  const lookups = await withStopSignal(ctx.signal, () =>
    adapter.lookup(claimed.map((item) => item.videoId)),
  );
  const results = new Map<string, OutcomeResult>();
  const sends: { item: ClaimedItem; preState: PreState }[] = [];
  for (const item of claimed) {
    const plan = planBeforeSend(
      item,
      lookups.get(item.videoId),
      adapter.answersPerId,
    );
    if (plan.kind === "send") sends.push({ item, preState: plan.preState });
    else results.set(item.videoId, plan.result);
  }

  // 2. Write ahead, then call: a crash from here on leaves the items in doubt, with evidence.
  const marked = await markSending(ctx.db, ctx.owner, ctx.leaseSeconds, sends);
  const toSend = sends.filter(({ item }) => marked.has(itemKey(item)));
  const sent = new Set(toSend.map(({ item }) => item.videoId));
  if (toSend.length > 0) {
    const outcomes = await withStopSignal(ctx.signal, () =>
      adapter.delete(
        toSend.map(({ item }) => item.videoId),
        { preChecked: true },
      ),
    );
    for (const { item, preState } of toSend) {
      results.set(
        item.videoId,
        settleAnswer(preState, outcomes.get(item.videoId) ?? noAnswer),
      );
    }
  }
  // A row left unmarked was not sent. If its run was cancelled meanwhile, it ends with the cancel
  // (recorded below, once the cancel is read under the run's lock); if its lease was taken, it is
  // the new holder's and the fenced write below changes nothing.
  for (const { item } of sends)
    if (!sent.has(item.videoId)) results.set(item.videoId, notSent);
  const mine = claimed.filter((item) => results.has(item.videoId));

  const runIds = [...new Set(claimed.map((item) => item.runId))];
  const policy = { maxAttempts: ctx.maxAttempts };
  // The outcomes, their audit event and the run's status commit together (docs/design.md §2): a
  // crash between them must not leave a final row that no event records, nor a run left open.
  const written = await ctx.db.transaction(async (inner) => {
    const tx = inner as unknown as Db;
    // Locks the run's row first, as a cancel does: a cancel either committed before this read
    // (this batch was in flight, and its event says so after `run.cancel_requested`) or waits
    // for this batch to be recorded.
    const cancelled = await cancelRequested(tx, runIds, { lock: true });
    const writes = mine.map((item) =>
      planWrite(item, results.get(item.videoId)!, {
        ...policy,
        cancelled: cancelled.has(item.runId),
        sent: sent.has(item.videoId),
      }),
    );
    const rows = await recordOutcomes(tx, ctx.owner, writes);
    await recordBatchEvent(
      ctx,
      tx,
      idKind,
      writes.filter((write) => rows.has(itemKey(write.item))),
      cancelled,
    );
    await finishRunsIn(tx, runIds);
    return rows;
  });
  const lost = claimed.length - written.size;
  const pausedRuns = new Map<string, string>();
  for (const item of mine) {
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
  return claimed.length;
}
