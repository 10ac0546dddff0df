import { describe, expect, it } from "vitest";
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
});
