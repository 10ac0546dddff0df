import { describe, expect, it } from "vitest";
import { runsQuerySchema } from "@/lib/runs/schemas";
import {
  parseRunsSearchParams,
  RUNS_PAGE_SIZE,
  runsApiQuery,
  runsSearchString,
} from "./runs-search-params";

describe("runs history URL state", () => {
  it("round-trips every filter, the sort and the page through the URL", () => {
    const query = parseRunsSearchParams({
      provider: "vod",
      operator: " Alice@Example.com ",
      status: "completed",
      from: "2026-01-01",
      to: "2026-01-31",
      hasFailed: "1",
      q: "5aed",
      sort: "total",
      dir: "asc",
      offset: "120",
    });
    expect(query).toEqual({
      provider: "vod",
      operator: "Alice@Example.com",
      status: "completed",
      from: "2026-01-01",
      to: "2026-01-31",
      hasFailed: true,
      q: "5aed",
      sort: "total",
      dir: "asc",
      offset: 100,
      limit: RUNS_PAGE_SIZE,
    });
    const search = runsSearchString(query);
    expect(
      parseRunsSearchParams(
        Object.fromEntries(new URLSearchParams(search.slice(1))),
      ),
    ).toEqual(query);
  });

  it("drops bad values one by one and leaves defaults out of links", () => {
    const query = parseRunsSearchParams({
      provider: "youtube",
      status: ["running", "queued"],
      from: "2026-02-30",
      hasFailed: "maybe",
      sort: "videoId",
      offset: "-5",
    });
    expect(query).toMatchObject({
      provider: undefined,
      status: "running",
      from: undefined,
      hasFailed: false,
      sort: "createdAt",
      dir: "desc",
      offset: 0,
    });
    expect(runsSearchString(query)).toBe("?status=running");
    expect(runsSearchString(parseRunsSearchParams({}))).toBe("");
  });

  it("sends the picked days to the API as local midnights, `to` exclusive", () => {
    const api = runsApiQuery(
      parseRunsSearchParams({ from: "2026-01-31", to: "2026-02-01" }),
    );
    expect(api.from).toBe(new Date(2026, 0, 31).toISOString());
    expect(api.to).toBe(new Date(2026, 1, 2).toISOString());
  });

  it("reads each field as the API's schema does, without loading zod with the page", () => {
    const links = [
      {},
      { provider: "akool", status: "cancelling", hasFailed: "true" },
      { from: "2028-02-29", to: "2027-02-29", offset: "1e2", sort: "duration" },
      { operator: "x".repeat(321), q: "x".repeat(37), offset: "2.5" },
      { dir: "asc", offset: "9007199254740993", hasFailed: "0" },
    ];
    for (const link of links) {
      const query = parseRunsSearchParams(link);
      expect(runsQuerySchema.parse(runsSearchParamsOf(query))).toEqual(query);
    }
    expect(parseRunsSearchParams(links[2]!)).toMatchObject({
      from: "2028-02-29",
      to: undefined,
      offset: 100,
    });
    expect(parseRunsSearchParams(links[3]!)).toMatchObject({
      operator: undefined,
      q: undefined,
      offset: 0,
    });
  });
});

/** The page query as the API reads it from a query string (every value a string). */
const runsSearchParamsOf = (query: ReturnType<typeof parseRunsSearchParams>) =>
  Object.fromEntries(
    Object.entries({ ...query, hasFailed: query.hasFailed ? "1" : "0" })
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
