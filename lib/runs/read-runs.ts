import "server-only";
import { and, asc, desc, eq, ilike, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { runItems, runs, users } from "@/lib/db/schema";
import { ApiError } from "@/lib/http/errors";
import type { ProviderId } from "@/lib/providers/types";
import {
  rowOutcomes,
  type OutcomeCounts,
  type Run,
  type RunItem,
  type RunItemsQuery,
  type RunRowFilter,
} from "./schemas";
import { rowOutcomeReadingOrder } from "./vocabulary";

const RATE_WINDOW_SECONDS = 60;

async function outcomeCounts(runId: string): Promise<OutcomeCounts> {
  const db = await getDb();
  const rows = await db
    .select({ outcome: runItems.outcome, n: sql<number>`count(*)::int` })
    .from(runItems)
    .where(eq(runItems.runId, runId))
    .groupBy(runItems.outcome);
  const counts = Object.fromEntries(
    rowOutcomes.map((outcome) => [outcome, 0]),
  ) as OutcomeCounts;
  for (const row of rows) counts[row.outcome] = Number(row.n);
  return counts;
}

async function recentRate(runId: string): Promise<number | null> {
  const db = await getDb();
  const [row] = await executeRows<{ n: number; first: string | null }>(
    db,
    sql`select count(*)::int as n, min(updated_at) as first from run_items
         where run_id = ${runId} and outcome <> 'pending'
           and updated_at > now() - make_interval(secs => ${RATE_WINDOW_SECONDS})`,
  );
  if (!row || Number(row.n) === 0 || !row.first) return null;
  const seconds = Math.max(
    1,
    (Date.now() - new Date(row.first).getTime()) / 1000,
  );
  return Number(row.n) / seconds;
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
    ratePerSecond: run.finishedAt ? null : rate,
    etaSeconds:
      !run.finishedAt && rate ? Math.ceil(counts.pending / rate) : null,
  };
}

export async function getRun(runId: string): Promise<Run> {
  const db = await getDb();
  const [row] = await db
    .select(runColumns)
    .from(runs)
    .innerJoin(users, eq(users.id, runs.createdBy))
    .where(eq(runs.id, runId));
  if (!row) throw new ApiError("not_found", "No such run.");
  const [counts, rate] = await Promise.all([
    outcomeCounts(runId),
    recentRate(runId),
  ]);
  return toRun(row, counts, rate);
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

export async function listRunItems(
  runId: string,
  query: RunItemsQuery,
): Promise<{ items: RunItem[]; total: number }> {
  const db = await getDb();
  const where = itemFilter(runId, query);
  const order =
    query.dir === "desc"
      ? desc(sortColumns[query.sort])
      : asc(sortColumns[query.sort]);
  const [items, [count]] = await Promise.all([
    db
      .select(itemColumns)
      .from(runItems)
      .where(where)
      .orderBy(order, asc(runItems.videoId))
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(runItems)
      .where(where),
  ]);
  return {
    items: items.map((item) => ({
      ...item,
      nextAttemptAt: item.nextAttemptAt ? new Date(item.nextAttemptAt) : null,
    })),
    total: Number(count?.n ?? 0),
  };
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
