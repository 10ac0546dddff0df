// The run page's table state lives in the URL so a filtered view can be shared (docs/style.md "From V").
// Pure: the server page parses with it, the client writes with it.
import { z } from "zod";
import { runItemsQuerySchema, type RunItemsQuery } from "@/lib/runs/schemas";

/** Rows per page; large enough to scroll, small enough to render fast with virtualisation. */
export const ITEMS_PAGE_SIZE = 200;

const shape = runItemsQuerySchema.shape;

// Field by field, so one bad value in a hand-edited link falls back alone instead of resetting all.
const lenientSchema = z.object({
  outcome: shape.outcome.catch(undefined),
  q: shape.q.catch(undefined),
  sort: shape.sort.catch("videoId"),
  dir: shape.dir.catch("asc"),
  offset: shape.offset.catch(0),
});

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value[0] : value;

export function parseItemsSearchParams(params: SearchParams): RunItemsQuery {
  const parsed = lenientSchema.parse({
    outcome: first(params.outcome),
    q: first(params.q)?.trim() || undefined,
    sort: first(params.sort),
    dir: first(params.dir),
    offset: first(params.offset),
  });
  return {
    ...parsed,
    // Snap to a page boundary so "rows X–Y" and the page buttons agree with what is shown.
    offset: Math.floor(parsed.offset / ITEMS_PAGE_SIZE) * ITEMS_PAGE_SIZE,
    limit: ITEMS_PAGE_SIZE,
  };
}

/** Query string for the page URL; defaults are left out to keep links short. */
export function itemsSearchString(query: RunItemsQuery): string {
  const search = new URLSearchParams();
  if (query.outcome) search.set("outcome", query.outcome);
  if (query.q) search.set("q", query.q);
  if (query.sort !== "videoId" || query.dir !== "asc") {
    search.set("sort", query.sort);
    search.set("dir", query.dir);
  }
  if (query.offset > 0) search.set("offset", String(query.offset));
  const text = search.toString();
  return text ? `?${text}` : "";
}
