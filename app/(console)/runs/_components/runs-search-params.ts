// The runs history's filters, sort and page live in the URL so a view can be shared (docs/style.md
// "From V"). Pure: the server page parses with it, the client writes with it.
import { providerIds } from "@/lib/providers/types";
import type { RunsQuery } from "@/lib/runs/schemas";
import { runSorts, runStatuses } from "@/lib/runs/vocabulary";
import {
  atMost,
  firstValue,
  isoDay,
  oneOf,
  wholeNumber,
  type SearchParams,
} from "@/lib/search-params";

/** Runs per page. */
export const RUNS_PAGE_SIZE = 50;

/**
 * Field by field, so one bad value in a hand-edited link falls back alone instead of resetting
 * all. Each field reads as `runsQuerySchema` would (runs-search-params.test.ts holds them to it),
 * except the days: the URL keeps the days picked in the date inputs, the API gets local midnights.
 */
export function parseRunsSearchParams(params: SearchParams): RunsQuery {
  const text = (key: string) => firstValue(params[key])?.trim() || undefined;
  const hasFailed = oneOf(["1", "true", "0", "false"], text("hasFailed"));
  const offset = wholeNumber(text("offset"), 0);
  return {
    provider: oneOf(providerIds, text("provider")),
    operator: atMost(320, text("operator")),
    status: oneOf(runStatuses, text("status")),
    from: isoDay(text("from")),
    to: isoDay(text("to")),
    hasFailed: hasFailed === "1" || hasFailed === "true",
    q: atMost(36, text("q")),
    sort: oneOf(runSorts, text("sort")) ?? "createdAt",
    dir: oneOf(["asc", "desc"], text("dir")) ?? "desc",
    // Snap to a page boundary so "rows X–Y" and the page buttons agree with what is shown.
    offset: Math.floor(offset / RUNS_PAGE_SIZE) * RUNS_PAGE_SIZE,
    limit: RUNS_PAGE_SIZE,
  };
}

/** Query string for the page URL; defaults are left out to keep links short. */
export function runsSearchString(query: RunsQuery): string {
  const search = new URLSearchParams();
  for (const key of ["provider", "operator", "status", "from", "to"] as const)
    if (query[key]) search.set(key, query[key]);
  if (query.hasFailed) search.set("hasFailed", "1");
  if (query.q) search.set("q", query.q);
  if (query.sort !== "createdAt" || query.dir !== "desc") {
    search.set("sort", query.sort);
    search.set("dir", query.dir);
  }
  if (query.offset > 0) search.set("offset", String(query.offset));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** Whether any filter narrows the list (sorting and paging do not). */
export const hasRunFilters = (query: RunsQuery) =>
  Boolean(
    query.provider ||
    query.operator ||
    query.status ||
    query.from ||
    query.to ||
    query.hasFailed ||
    query.q,
  );

const localMidnight = (day: string, addDays = 0) => {
  const [year, month, date] = day.split("-").map(Number) as [
    number,
    number,
    number,
  ];
  return new Date(year, month - 1, date + addDays).toISOString();
};

/**
 * The API query for a page query: "From" and "To" are whole days in the operator's time zone (the
 * zone the Started column is shown in), sent as instants; `to` is exclusive, so the next midnight.
 */
export const runsApiQuery = (query: RunsQuery): RunsQuery => ({
  ...query,
  from: query.from ? localMidnight(query.from) : undefined,
  to: query.to ? localMidnight(query.to, 1) : undefined,
});
