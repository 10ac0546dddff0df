import "server-only";
import { and, asc, desc, eq, ilike, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open-db";
import { runItems, runs, users } from "@/lib/db/schema";
import { ApiError } from "@/lib/http/errors";
import type { ProviderId } from "@/lib/providers/types";
import {
  type OutcomeCounts,
  type Run,
  type RunItem,
  type RunItemsQuery,
  type RunRowFilter,
} from "./schemas";
import { rowOutcomeReadingOrder } from "./vocabulary";

const RATE_WINDOW_MS = 60_000;
/** Samples closer together than this give no rate of their own yet. */
const MIN_RATE_SPAN_MS = 2_000;

type RunRow = typeof runs.$inferSelect;

/** The run's counts per outcome, which the database keeps on its row (migration 0008). */
export function outcomeCounts(run: RunRow): OutcomeCounts {
  return {
    pending: run.itemsPending,
    deleted: run.itemsDeleted,
    forbidden: run.itemsForbidden,
    not_found: run.itemsNotFound,
    processing: run.itemsProcessing,
    failed: run.itemsFailed,
    skipped: run.itemsSkipped,
  };
}

// Per run this process reads, how many items had left `pending` at each read within the last
// minute: the rate is how fast that number grew, without reading the items again. Display only,
// so it may live in one process; with several instances each keeps its own.
const settledSamples = new Map<string, { at: number; settled: number }[]>();

function recentRate(run: RunRow, counts: OutcomeCounts): number | null {
  if (run.finishedAt || !run.startedAt) return null;
  const now = Date.now();
  for (const [runId, samples] of settledSamples)
    if (samples.at(-1)!.at < now - RATE_WINDOW_MS) settledSamples.delete(runId);
  const settled = run.total - counts.pending;
  const samples = settledSamples.get(run.id) ?? [];
  samples.push({ at: now, settled });
  while (samples[1] && samples[1].at <= now - RATE_WINDOW_MS) samples.shift();
  settledSamples.set(run.id, samples);
  const first = samples[0]!;
  // Until this process has watched the run for a moment: the average since it started.
  const since =
    now - first.at >= MIN_RATE_SPAN_MS
      ? first
      : { at: run.startedAt.getTime(), settled: 0 };
  const seconds = (now - since.at) / 1000;
  const rate = (settled - since.settled) / Math.max(1, seconds);
  return rate > 0 ? rate : null;
}

const runColumns = {
  run: runs,
  user: { id: users.id, email: users.email, name: users.name },
};

/** A runs row as the API shows it; `rate` only for a run still going (the list passes null). */
export function toRun(
  row: { run: typeof runs.$inferSelect; user: Run["createdBy"] },
  counts: OutcomeCounts,
  rate: number | null,
): Run {
  const { run } = row;
  return {
    id: run.id,
    provider: run.provider as ProviderId,
    idKind: run.idKind,
    status: run.status,
    statusReason: run.statusReason,
    resumeAt: run.status === "paused" ? run.resumeAt : null,
    total: run.total,
    counts,
    confirmation: run.confirmation,
    createdBy: row.user,
    startedVia: run.startedVia,
    startedFromIp: run.ip,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    processingRetryUntil: run.processingRetryUntil,
    processingRetryIntervalSeconds: run.processingRetryIntervalSeconds,
    cancelRequestedAt: run.cancelRequestedAt,
    ratePerSecond: run.finishedAt ? null : rate,
    etaSeconds:
      !run.finishedAt && rate ? Math.ceil(counts.pending / rate) : null,
  };
}

/**
 * One run with its counts, rate and ETA: one row read, however many items the run has. `db` may
 * be a transaction, so that the run and rows read with it come from one snapshot.
 */
export async function getRun(runId: string, db?: Db): Promise<Run> {
  db ??= await getDb();
  const [row] = await db
    .select(runColumns)
    .from(runs)
    .innerJoin(users, eq(users.id, runs.createdBy))
    .where(eq(runs.id, runId));
  if (!row) throw new ApiError("not_found", "No such run.");
  const counts = outcomeCounts(row.run);
  return toRun(row, counts, recentRate(row.run, counts));
}

const sortColumns = {
  videoId: runItems.videoId,
  // The chips' reading order, not the enum's declaration order (which puts pending first).
  outcome: sql`array_position(array[${sql.join(
    rowOutcomeReadingOrder.map((outcome) => sql`${outcome}`),
    sql`, `,
  )}]::text[], ${runItems.outcome}::text)`,
  attempts: runItems.attempts,
  updatedAt: runItems.updatedAt,
};

function itemFilter(
  runId: string,
  query: { outcome?: RunItem["outcome"]; q?: string },
): SQL {
  const conditions = [eq(runItems.runId, runId)];
  if (query.outcome) conditions.push(eq(runItems.outcome, query.outcome));
  if (query.q)
    conditions.push(
      ilike(runItems.videoId, `%${query.q.replace(/[%_\\]/g, "\\$&")}%`),
    );
  return and(...conditions)!;
}

const itemColumns = {
  videoId: runItems.videoId,
  outcome: runItems.outcome,
  code: runItems.code,
  message: runItems.message,
  attempts: runItems.attempts,
  updatedAt: runItems.updatedAt,
  // Processing rows have a next attempt only while their run's retry window is open.
  nextAttemptAt: sql<Date | null>`case
    when ${runItems.outcome} = 'pending' then ${runItems.nextAttemptAt}
    when ${runItems.outcome} = 'processing' and exists (
      select 1 from runs w where w.id = ${runItems.runId} and w.processing_retry_until > ${runItems.nextAttemptAt}
    ) then ${runItems.nextAttemptAt} end`,
};

/**
 * One page of a run's rows with the run itself, read in one snapshot: the header's counts and
 * status always agree with the rows shown under them. Read separately, a row could show Deleted
 * while the header, read a moment earlier, still said "Queued, 0 of 10, Deleted 0".
 */
export async function readRunPage(
  runId: string,
  query: RunItemsQuery,
): Promise<{ run: Run; items: RunItem[]; total: number }> {
  const db = await getDb();
  return db.transaction(
    async (inner) => {
      const tx = inner as unknown as Db;
      const run = await getRun(runId, tx);
      return { run, ...(await listRunItems(runId, query, tx)) };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

export async function listRunItems(
  runId: string,
  query: RunItemsQuery,
  db?: Db,
): Promise<{ items: RunItem[]; total: number }> {
  db ??= await getDb();
  const where = itemFilter(runId, query);
  const order =
    query.dir === "desc"
      ? desc(sortColumns[query.sort])
      : asc(sortColumns[query.sort]);
  const [items, total] = await Promise.all([
    db
      .select(itemColumns)
      .from(runItems)
      .where(where)
      .orderBy(order, asc(runItems.videoId))
      .limit(query.limit)
      .offset(query.offset),
    countRunItems(db, runId, query),
  ]);
  return {
    items: items.map((item) => ({
      ...item,
      nextAttemptAt: item.nextAttemptAt ? new Date(item.nextAttemptAt) : null,
    })),
    total,
  };
}

/**
 * How many rows a filter matches: the run's kept counts unless a video-ID text is given, which
 * only a scan of the run's rows can answer.
 */
async function countRunItems(
  db: Db,
  runId: string,
  query: RunRowFilter,
): Promise<number> {
  if (query.q) {
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(runItems)
      .where(itemFilter(runId, query));
    return Number(count?.n ?? 0);
  }
  const [run] = await db.select().from(runs).where(eq(runs.id, runId));
  if (!run) return 0;
  return query.outcome ? outcomeCounts(run)[query.outcome] : run.total;
}

/** Pages through a run's items by keyset (video ID), so an export never holds them all in memory. */
export async function* iterateRunItems(
  runId: string,
  filter: RunRowFilter = {},
  pageSize = 2000,
): AsyncGenerator<RunItem> {
  const db = await getDb();
  let after = "";
  for (;;) {
    const page = await db
      .select(itemColumns)
      .from(runItems)
      .where(
        and(itemFilter(runId, filter), sql`${runItems.videoId} > ${after}`),
      )
      .orderBy(asc(runItems.videoId))
      .limit(pageSize);
    for (const item of page)
      yield {
        ...item,
        nextAttemptAt: item.nextAttemptAt ? new Date(item.nextAttemptAt) : null,
      };
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.videoId;
  }
}
