// The run page's table state lives in the URL so a filtered view can be shared (docs/style.md "From V").
// Pure: the server page parses with it, the client writes with it.
import type { RunItemsQuery } from "@/lib/runs/schemas";
import { itemSorts, rowOutcomes } from "@/lib/runs/vocabulary";
import {
  atMost,
  firstValue,
  oneOf,
  wholeNumber,
  type SearchParams,
} from "@/lib/search-params";

/** Rows per page; large enough to scroll, small enough to render fast with virtualisation. */
export const ITEMS_PAGE_SIZE = 200;

/**
 * Field by field, so one bad value in a hand-edited link falls back alone instead of resetting
 * all. Each field reads as `runItemsQuerySchema` would (items-search-params.test.ts holds them to it).
 */
export function parseItemsSearchParams(params: SearchParams): RunItemsQuery {
  const offset = wholeNumber(firstValue(params.offset), 0);
  return {
    outcome: oneOf(rowOutcomes, firstValue(params.outcome)),
    q: atMost(200, firstValue(params.q)?.trim() || undefined),
    sort: oneOf(itemSorts, firstValue(params.sort)) ?? "videoId",
    dir: oneOf(["asc", "desc"], firstValue(params.dir)) ?? "asc",
    // Snap to a page boundary so "rows X–Y" and the page buttons agree with what is shown.
    offset: Math.floor(offset / ITEMS_PAGE_SIZE) * ITEMS_PAGE_SIZE,
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
