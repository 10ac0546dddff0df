// Contract tests of the AKOOL adapter against the sandbox (docs/providers/akool.md §3, §4, §6):
// chunking by maxBatch, AKOOL's own cap, resultsByIds look-ups, and the adapter's static surface.
import { describe, expect, it } from "vitest";
import { AKOOL_DEFAULT_MAX_BATCH } from "@/lib/providers/akool/adapter";
import { foreign, owned, setupSandbox } from "@/lib/providers/akool/testing";

const env = setupSandbox();

describe("akool delete: batching (akool.md §3, §6)", () => {
  it("defaults to the doc's conservative chunk of 20 and splits larger inputs", async () => {
    const adapter = env.adapter();
    expect(adapter.maxBatch).toBe(AKOOL_DEFAULT_MAX_BATCH);
    expect(AKOOL_DEFAULT_MAX_BATCH).toBe(20);
    const ids = await env.missing(45);
    const result = await adapter.delete(ids);
    expect(result.size).toBe(45);
    expect((await env.calls()).map((c) => c.ids.length)).toEqual([20, 20, 5]);
  });

  it("honours a configured maxBatch and deletes every chunk", async () => {
    const own = await env.pick(10, owned("3"));
    const ids = own.map((v) => v.id);
    const adapter = env.adapter({ maxBatch: 4 });
    expect(adapter.maxBatch).toBe(4);
    const result = await adapter.delete(ids);
    expect([...result.values()].map((r) => r.outcome)).toEqual(
      Array(10).fill("deleted"),
    );
    expect((await env.calls()).map((c) => c.ids)).toEqual([
      ids.slice(0, 4),
      ids.slice(4, 8),
      ids.slice(8),
    ]);
    for (const id of ids) expect((await env.video(id)).deleted).toBe(true);
  });

  it("fails a chunk over AKOOL's own cap with code 1003, not retryable, nothing deleted", async () => {
    await env.limits({ batchCap: 3 });
    const own = await env.pick(5, owned("3"));
    const result = await env
      .adapter({ maxBatch: 5 })
      .delete(own.map((v) => v.id));
    for (const video of own) {
      expect(result.get(video.id)).toMatchObject({
        outcome: "failed",
        code: "1003",
        retryable: false,
      });
      expect(result.get(video.id)?.message).toMatch(/at most 3 _ids/);
      expect((await env.video(video.id)).deleted).toBe(false);
    }
  });

  it("rejects a maxBatch that is not a positive integer", () => {
    expect(() => env.adapter({ maxBatch: 0 })).toThrow(/maxBatch/);
    expect(() => env.adapter({ maxBatch: 2.5 })).toThrow(/maxBatch/);
  });
});

describe("akool lookup (akool.md §4)", () => {
  it("reports own videos with AKOOL's status and file name, processing ones as processing", async () => {
    const [done] = await env.pick(1, owned("3"));
    const [processing] = await env.pick(1, owned("2"));
    const [queued] = await env.pick(1, owned("1"));
    const result = await env
      .adapter()
      .lookup([done!.id, processing!.id, queued!.id]);
    expect(result.get(done!.id)).toEqual({
      state: "exists",
      status: "3",
      name: done!.name,
    });
    expect(result.get(processing!.id)).toEqual({
      state: "processing",
      status: "2",
      name: processing!.name,
    });
    expect(result.get(queued!.id)).toEqual({
      state: "exists",
      status: "1",
      name: queued!.name,
    });
    expect(await env.operations()).toEqual(["lookup"]);
  });

  it("reports missing, deleted and foreign IDs as not_found, and malformed IDs as failed without a call", async () => {
    const [gone] = await env.pick(1, owned("4"));
    const adapter = env.adapter();
    await adapter.delete([gone!.id]);
    const [theirs] = await env.pick(1, foreign);
    const [missing] = await env.missing(1);
    await env.mark();
    const result = await adapter.lookup([
      gone!.id,
      theirs!.id,
      missing!,
      "xyz",
    ]);
    for (const id of [gone!.id, theirs!.id, missing!])
      expect(result.get(id)?.state).toBe("not_found");
    expect(result.get("xyz")).toMatchObject({
      state: "failed",
      code: "invalid_id",
      retryable: false,
    });
    expect((await env.calls()).map((c) => c.ids)).toEqual([
      [gone!.id, theirs!.id, missing!],
    ]);
  });

  it("answers in the caller's spelling and splits by maxBatch", async () => {
    const own = await env.pick(5, owned("3"));
    const ids = own.map((v, i) => (i === 0 ? v.id.toUpperCase() : v.id));
    const result = await env.adapter({ maxBatch: 2 }).lookup(ids);
    expect([...result.keys()]).toEqual(ids);
    expect([...result.values()].every((r) => r.state === "exists")).toBe(true);
    expect((await env.calls()).map((c) => c.ids.length)).toEqual([2, 2, 1]);
  });
});

describe("akool adapter surface", () => {
  it("exposes the doc's ID format, no list, and a conservative rate limit", () => {
    const adapter = env.adapter();
    expect(adapter.id).toBe("akool");
    expect(adapter.idPattern.test("68919a464b4dbdd4ab3d3034")).toBe(true);
    expect(adapter.idPattern.test("68919A464B4DBDD4AB3D3034")).toBe(true);
    expect(adapter.idPattern.test("68919a464b4dbdd4ab3d303")).toBe(false);
    expect(adapter.idPattern.test("68919a464b4dbdd4ab3d303g")).toBe(false);
    expect(adapter.statuses).toEqual([]);
    expect(adapter.list).toBeUndefined();
    expect(adapter.rateLimit).toEqual({ requests: 1, perMs: 1_000 });
  });
});
