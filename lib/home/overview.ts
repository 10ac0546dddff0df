import "server-only";
import {
  and,
  count,
  desc,
  eq,
  gte,
  inArray,
  notInArray,
  sql,
  type AnyColumn,
  type SQL,
} from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { runs, users } from "@/lib/db/schema";
import { activeRunStatuses } from "@/lib/runs/outcome-labels";
import { outcomeCounts, toRun } from "@/lib/runs/read-runs";
import type { RunStatus } from "@/lib/runs/vocabulary";
import { providerBudgets } from "./rate-budgets";
import { HOME_CHART_DAYS, type HomeOverview, type OutcomeDay } from "./schemas";

/** Runs shown per card; the card says how many more there are. */
const LIST_LIMIT = 5;
const DAY_MS = 86_400_000;
/**
 * A run is charted on the day it ended, so one that started up to this long before the chart's
 * first day still counts; bounding the start lets the created_at index skip older runs.
 */
const LONGEST_RUN_MS = 7 * DAY_MS;

const inProgressStatuses = activeRunStatuses.filter(
  (status): status is RunStatus => status !== "paused",
);

const retrying = sql`(${runs.processingRetryUntil} > now() and ${runs.itemsProcessing} > 0)`;

const runColumns = {
  run: runs,
  user: { id: users.id, email: users.email, name: users.name },
};

async function runsWhere(where: SQL) {
  const db = await getDb();
  const [rows, [total]] = await Promise.all([
    db
      .select(runColumns)
      .from(runs)
      .innerJoin(users, eq(users.id, runs.createdBy))
      .where(where)
      .orderBy(desc(runs.createdAt))
      .limit(LIST_LIMIT),
    db.select({ n: count() }).from(runs).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** `2026-12-07`, the UTC day of an instant. */
const utcDay = (at: Date) => at.toISOString().slice(0, 10);

async function outcomeDays(now: Date): Promise<OutcomeDay[]> {
  const firstDay = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) -
      (HOME_CHART_DAYS - 1) * DAY_MS,
  );
  const endedAt = sql`coalesce(${runs.finishedAt}, ${runs.createdAt})`;
  const sum = (column: AnyColumn) =>
    sql<number>`coalesce(sum(${column}), 0)::int`;
  const db = await getDb();
  // Aggregates the runs' own counters (kept by a trigger, migration 0008): never reads run_items.
  const rows = await db
    .select({
      day: sql<string>`to_char(${endedAt} at time zone 'UTC', 'YYYY-MM-DD')`,
      runs: sql<number>`count(*)::int`,
      deleted: sum(runs.itemsDeleted),
      notFound: sum(runs.itemsNotFound),
      forbidden: sum(runs.itemsForbidden),
      failed: sum(runs.itemsFailed),
      processing: sum(runs.itemsProcessing),
    })
    .from(runs)
    .where(
      and(
        gte(runs.createdAt, new Date(firstDay.getTime() - LONGEST_RUN_MS)),
        sql`${endedAt} >= ${firstDay.toISOString()}::timestamptz`,
      ),
    )
    .groupBy(sql`1`);
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return Array.from({ length: HOME_CHART_DAYS }, (_, i) => {
    const day = utcDay(new Date(firstDay.getTime() + i * DAY_MS));
    const row = byDay.get(day);
    return {
      day,
      runs: Number(row?.runs ?? 0),
      deleted: Number(row?.deleted ?? 0),
      notFound: Number(row?.notFound ?? 0),
      forbidden: Number(row?.forbidden ?? 0),
      failed: Number(row?.failed ?? 0),
      processing: Number(row?.processing ?? 0),
    };
  });
}

/**
 * What the home page shows: runs in progress, runs waiting for something, recent runs with
 * problems, the providers' rate budgets and outcomes per day for 30 days. Every figure comes from
 * the runs table's own columns and indexes (status, created_at, the items_* counters), so it costs
 * the same whether the runs hold a hundred rows or a million.
 */
export async function homeOverview(): Promise<HomeOverview> {
  const now = new Date();
  const since = new Date(now.getTime() - HOME_CHART_DAYS * DAY_MS);
  const [inProgress, awaiting, problems, providers, days] = await Promise.all([
    runsWhere(inArray(runs.status, inProgressStatuses)),
    runsWhere(sql`(${runs.status} = 'paused' or ${retrying})`),
    runsWhere(
      and(
        gte(runs.createdAt, since),
        notInArray(runs.status, [...activeRunStatuses]),
        sql`(${runs.status} = 'aborted' or ${runs.itemsForbidden} + ${runs.itemsFailed} + ${runs.itemsProcessing} > 0)`,
        // Still being retried: shown as awaiting, not yet as a problem.
        sql`not coalesce(${retrying}, false)`,
      )!,
    ),
    providerBudgets(),
    outcomeDays(now),
  ]);
  const asRun = (row: (typeof inProgress.rows)[number]) =>
    toRun(row, outcomeCounts(row.run), null);
  return {
    generatedAt: now,
    inProgress: { runs: inProgress.rows.map(asRun), total: inProgress.total },
    awaiting: {
      runs: awaiting.rows.map((row) => {
        const paused = row.run.status === "paused";
        return {
          run: asRun(row),
          reason: paused ? "paused" : "retrying",
          until: paused ? row.run.resumeAt : row.run.processingRetryUntil,
          everySeconds: paused ? null : row.run.processingRetryIntervalSeconds,
        };
      }),
      total: awaiting.total,
    },
    problems: { runs: problems.rows.map(asRun), total: problems.total },
    providers,
    days,
  };
}
