// The runs history's filters, sort and page live in the URL so a view can be shared (docs/style.md
// "From V"). Pure: the server page parses with it, the client writes with it.
import { z } from "zod";
import { runsQuerySchema, type RunsQuery } from "@/lib/runs/schemas";

/** Runs per page. */
export const RUNS_PAGE_SIZE = 50;

const shape = runsQuerySchema.shape;
/** The URL keeps the days picked in the date inputs; the API gets the operator's local day. */
const daySchema = z.iso.date().optional().catch(undefined);

// Field by field, so one bad value in a hand-edited link falls back alone instead of resetting all.
const lenientSchema = z.object({
  provider: shape.provider.catch(undefined),
  operator: shape.operator.catch(undefined),
  status: shape.status.catch(undefined),
  from: daySchema,
  to: daySchema,
  hasFailed: shape.hasFailed.catch(false),
  q: shape.q.catch(undefined),
  sort: shape.sort.catch("createdAt"),
  dir: shape.dir.catch("desc"),
  offset: shape.offset.catch(0),
});

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value[0] : value;

export function parseRunsSearchParams(params: SearchParams): RunsQuery {
  const text = (key: string) => first(params[key])?.trim() || undefined;
  const parsed = lenientSchema.parse({
    provider: text("provider"),
    operator: text("operator"),
    status: text("status"),
    from: text("from"),
    to: text("to"),
    hasFailed: text("hasFailed"),
    q: text("q"),
    sort: text("sort"),
    dir: text("dir"),
    offset: text("offset"),
  });
  return {
    ...parsed,
    // Snap to a page boundary so "rows X–Y" and the page buttons agree with what is shown.
    offset: Math.floor(parsed.offset / RUNS_PAGE_SIZE) * RUNS_PAGE_SIZE,
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
