import { describe, expect, it } from "vitest";
import { runItemsQuerySchema } from "@/lib/runs/schemas";
import {
  ITEMS_PAGE_SIZE,
  itemsSearchString,
  parseItemsSearchParams,
} from "./items-search-params";

describe("run rows URL state", () => {
  it("round-trips the outcome, search, sort and page, snapped to a page", () => {
    const query = parseItemsSearchParams({
      outcome: "failed",
      q: " abc ",
      sort: "attempts",
      dir: "desc",
      offset: "450",
    });
    expect(query).toEqual({
      outcome: "failed",
      q: "abc",
      sort: "attempts",
      dir: "desc",
      offset: 400,
      limit: ITEMS_PAGE_SIZE,
    });
    expect(
      parseItemsSearchParams(
        Object.fromEntries(
          new URLSearchParams(itemsSearchString(query).slice(1)),
        ),
      ),
    ).toEqual(query);
  });

  it("drops bad values one by one, as the API's schema would refuse them", () => {
    const query = parseItemsSearchParams({
      outcome: ["gone", "failed"],
      q: "x".repeat(201),
      sort: "provider",
      dir: "up",
      offset: "-200",
    });
    expect(query).toEqual({
      outcome: undefined,
      q: undefined,
      sort: "videoId",
      dir: "asc",
      offset: 0,
      limit: ITEMS_PAGE_SIZE,
    });
    expect(itemsSearchString(query)).toBe("");
    for (const link of [{}, { outcome: "skipped", sort: "updatedAt" }]) {
      const parsed = parseItemsSearchParams(link);
      const text = Object.fromEntries(
        Object.entries(parsed)
          .filter(([, value]) => value !== undefined)
          .map(([key, value]) => [key, String(value)]),
      );
      expect(runItemsQuerySchema.parse(text)).toEqual(parsed);
    }
  });
});
