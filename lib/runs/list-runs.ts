import "server-only";
import {
  and,
  desc,
  eq,
  gt,
  gte,
  lt,
  sql,
  type AnyColumn,
  type SQL,
} from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { runs, users } from "@/lib/db/schema";
import { outcomeCounts, toRun } from "./read-runs";
import { type RunSort, type RunsListResponse, type RunsQuery } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A day starts at its UTC midnight; an instant is itself. */
const lowerBound = (value: string) =>
  new Date(isDay(value) ? `${value}T00:00:00.000Z` : value);

/** Exclusive: the midnight after a day, or the instant itself. */
const upperBound = (value: string) =>
  isDay(value)
    ? new Date(Date.parse(`${value}T00:00:00.000Z`) + DAY_MS)
    : new Date(value);

const escapeLike = (text: string) => text.replace(/[%_\\]/g, "\\$&");

/** Seconds from start to finish, or to now while the run goes on; null before it starts. */
const durationSeconds = sql<
  number | null
>`extract(epoch from (coalesce(${runs.finishedAt}, now()) - ${runs.startedAt}))`;

const sortExpressions: Record<RunSort, AnyColumn | SQL> = {
  createdAt: runs.createdAt,
  status: runs.status,
  provider: runs.provider,
  total: runs.total,
  duration: durationSeconds,
};

function runFilter(query: RunsQuery): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.provider) conditions.push(eq(runs.provider, query.provider));
  if (query.status) conditions.push(eq(runs.status, query.status));
  if (query.operator) {
    conditions.push(
      z.uuid().safeParse(query.operator).success
        ? eq(runs.createdBy, query.operator)
        : sql`lower(${users.email}) = ${query.operator.toLowerCase()}`,
    );
  }
  if (query.from) conditions.push(gte(runs.createdAt, lowerBound(query.from)));
  if (query.to) conditions.push(lt(runs.createdAt, upperBound(query.to)));
  // "Has failed rows" means refused ones too: an operator looking for trouble wants both.
  if (query.hasFailed)
    conditions.push(gt(sql`${runs.itemsFailed} + ${runs.itemsForbidden}`, 0));
  if (query.q) {
    conditions.push(
      sql`${runs.id}::text like ${`${escapeLike(query.q.toLowerCase())}%`}`,
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}

/**
 * One page of the run history for `GET /api/runs`.
 * 1. Filters by provider, operator (user ID or email), status, creation date range, "has failed
 *    rows" and run ID prefix; every filter is optional and they combine with AND.
 * 2. Sorts by the requested column (nulls last, e.g. the duration of a run not started yet), then
 *    newest first, then by ID, so pages never overlap.
 * 3. Counts per outcome come from each run's row (the database keeps them). Rate and ETA are
 *    left null: they belong to the run page, which polls one run.
 * Callers must have authorised the operator (viewers may read every run).
 */
export async function listRuns(query: RunsQuery): Promise<RunsListResponse> {
  const db = await getDb();
  const where = runFilter(query);
  const direction = sql.raw(query.dir === "asc" ? "asc" : "desc");
  const [rows, [count]] = await Promise.all([
    db
      .select({
        run: runs,
        user: { id: users.id, email: users.email, name: users.name },
      })
      .from(runs)
      .innerJoin(users, eq(users.id, runs.createdBy))
      .where(where)
      .orderBy(
        sql`${sortExpressions[query.sort]} ${direction} nulls last`,
        desc(runs.createdAt),
        desc(runs.id),
      )
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(runs)
      .innerJoin(users, eq(users.id, runs.createdBy))
      .where(where),
  ]);
  return {
    runs: rows.map((row) => toRun(row, outcomeCounts(row.run), null)),
    total: Number(count?.n ?? 0),
  };
}
