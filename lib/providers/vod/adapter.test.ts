import { describe, expect, it } from "vitest";
import { VOD_ID_PATTERN, VOD_STATUSES } from "./adapter";
import { foreign, owned, setupSandbox } from "./testing";

// Contract tests against the sandbox's VOD fake: DeleteVideo per-ID outcomes (vod.md §4, §12),
// and the adapter's shape. Look-ups: lookup.test.ts; errors: errors.test.ts and
// faults.test.ts; lists: list.test.ts; ReferenceIds: references.test.ts.

const vod = setupSandbox();

describe("adapter shape", () => {
  it("declares the documented limits, ID format and statuses", () => {
    const adapter = vod.adapter();
    expect(adapter.id).toBe("vod");
    expect(adapter.maxBatch).toBe(20);
    expect(adapter.rateLimit).toEqual({ requests: 30, perMs: 1000 });
    expect(adapter.statuses).toEqual(VOD_STATUSES);
    expect(adapter.idPattern.test("5aed81b74ba84920be578cdfe004af4b")).toBe(
      true,
    );
    expect(adapter.idPattern.test("5AED81B74BA84920BE578CDFE004AF4B")).toBe(
      false,
    );
    expect(adapter.idPattern.test("e44ebf1147hdsa2d2adbea8b****")).toBe(false);
    expect(adapter.referenceIdPattern.test("123-123")).toBe(true);
    expect(adapter.referenceIdPattern.test("a,b")).toBe(false);
  });
});

describe("delete (DeleteVideo)", () => {
  it("deletes this account's videos and the sandbox agrees", async () => {
    const ids = await vod.pickIds(5, owned());
    const outcomes = await vod.adapter().delete(ids);
    expect([...outcomes.keys()]).toEqual(ids);
    for (const id of ids)
      expect(outcomes.get(id)).toEqual({
        outcome: "deleted",
        retryable: false,
      });
    const state = new Map((await vod.videos()).map((v) => [v.id, v]));
    for (const id of ids) expect(state.get(id)?.deleted).toBe(true);
  });

  for (const omitEmptyLists of [true, false]) {
    it(`maps ForbiddenVideoIds, NonExistVideoIds and the rest (omitEmptyLists: ${omitEmptyLists})`, async () => {
      await vod.limits({ omitEmptyLists });
      const [own1, own2] = await vod.pickIds(2, owned());
      const [theirs] = await vod.pickIds(1, foreign);
      const [missing] = await vod.missing(1);
      const ids = [own1!, theirs!, missing!, own2!];
      const outcomes = await vod.adapter().delete(ids);
      expect(outcomes.size).toBe(4);
      expect(outcomes.get(own1!)).toEqual({
        outcome: "deleted",
        retryable: false,
      });
      expect(outcomes.get(own2!)).toEqual({
        outcome: "deleted",
        retryable: false,
      });
      expect(outcomes.get(theirs!)).toMatchObject({
        outcome: "forbidden",
        code: "ForbiddenVideoIds",
        retryable: false,
      });
      expect(outcomes.get(theirs!)?.message).toMatch(/RequestId [0-9A-F-]{36}/);
      expect(outcomes.get(missing!)).toMatchObject({
        outcome: "not_found",
        code: "NonExistVideoIds",
        retryable: false,
      });
      const state = new Map((await vod.videos()).map((v) => [v.id, v]));
      expect(state.get(own1!)?.deleted).toBe(true);
      expect(state.get(own2!)?.deleted).toBe(true);
      expect(state.get(theirs!)?.deleted).toBe(false);
      expect(state.has(missing!)).toBe(false);
    });
  }

  it("reports every ID not_found when all are missing (HTTP 404 InvalidVideo.NotFound)", async () => {
    const ids = await vod.missing(3);
    await vod.mark();
    const outcomes = await vod.adapter().delete(ids);
    for (const id of ids) {
      expect(outcomes.get(id)).toEqual({
        outcome: "not_found",
        code: "InvalidVideo.NotFound",
        message: "The video does not exist.",
        retryable: false,
      });
    }
    const calls = await vod.calls();
    expect(calls.map((c) => [c.operation, c.status])).toEqual([
      ["DeleteVideo", 404],
    ]);
  });

  it("reports a second delete of the same videos as not_found (idempotent retry)", async () => {
    const ids = await vod.pickIds(2, owned());
    const adapter = vod.adapter();
    await adapter.delete(ids);
    const again = await adapter.delete(ids);
    for (const id of ids) expect(again.get(id)?.outcome).toBe("not_found");
  });

  it("keeps a batch of forbidden + missing IDs a per-ID answer", async () => {
    const [theirs] = await vod.pickIds(1, foreign);
    const [missing] = await vod.missing(1);
    const outcomes = await vod.adapter().delete([theirs!, missing!]);
    expect(outcomes.get(theirs!)?.outcome).toBe("forbidden");
    expect(outcomes.get(missing!)?.outcome).toBe("not_found");
  });

  for (const idCapMode of ["combined", "per_list"] as const) {
    it(`splits more than 20 IDs into calls of at most 20 (idCapMode: ${idCapMode})`, async () => {
      await vod.limits({ idCapMode });
      const ids = await vod.pickIds(25, owned());
      expect(ids).toHaveLength(25);
      await vod.mark();
      const outcomes = await vod.adapter().delete(ids);
      expect(outcomes.size).toBe(25);
      for (const id of ids) expect(outcomes.get(id)?.outcome).toBe("deleted");
      const calls = (await vod.calls()).filter(
        (c) => c.operation === "DeleteVideo",
      );
      expect(calls.map((c) => [c.ids.length, c.status])).toEqual([
        [20, 200],
        [5, 200],
      ]);
      const deleted = (await vod.videos())
        .filter((v) => v.deleted)
        .map((v) => v.id);
      expect(deleted.sort()).toEqual([...ids].sort());
    });
  }

  it("answers once per distinct ID and never sends a malformed one", async () => {
    const [own] = await vod.pickIds(1, owned());
    const bad = "NOT-A-VIDEO-ID";
    await vod.mark();
    const outcomes = await vod.adapter().delete([own!, own!, bad]);
    expect(outcomes.size).toBe(2);
    expect(outcomes.get(own!)?.outcome).toBe("deleted");
    expect(outcomes.get(bad)).toMatchObject({
      outcome: "failed",
      code: "invalid_id",
      retryable: false,
    });
    const calls = await vod.calls();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.ids).toEqual([own]);
  });
});

describe("endpoint", () => {
  it("defaults to the regional host", async () => {
    const { endpointUrl } = await import("./rpc");
    expect(endpointUrl("ap-southeast-1")).toBe(
      "https://vod.ap-southeast-1.aliyuncs.com/",
    );
    expect(endpointUrl("cn-shanghai", "http://127.0.0.1:4010/vod/")).toBe(
      "http://127.0.0.1:4010/vod/",
    );
    expect(VOD_ID_PATTERN.source).toBe("^[0-9a-f]{32}$");
  });
});
