// Contract tests of the AKOOL adapter against the sandbox (docs/providers/akool.md §3, §7, §8):
// every per-ID row of the outcome mapping, with both sandbox readings of the undocumented answers.
// Batching and look-up: batch-lookup.test.ts; errors: errors.test.ts; token flow:
// auth.test.ts; answers the sandbox never gives: wire.test.ts.
import { describe, expect, it } from "vitest";
import { foreign, owned, setupSandbox } from "@/lib/providers/akool/testing";

const env = setupSandbox();
const PROCESSING_MSG = "video resource is processing, please try again later";
const FOREIGN_MSG = "no permission to operate this video resource";
const MISSING_MSG = "video resource does not exist";

describe("akool delete: per-ID outcomes (akool.md §8)", () => {
  it("deletes the console's completed, failed and queueing videos, and the sandbox agrees", async () => {
    const ids = await Promise.all(
      ["3", "4", "1"].map(
        async (status) => (await env.pick(1, owned(status)))[0]!.id,
      ),
    );
    const result = await env.adapter().delete(ids);
    expect([...result.keys()]).toEqual(ids);
    for (const id of ids) {
      expect(result.get(id)).toEqual({
        outcome: "deleted",
        message: "Delete successfully",
        retryable: false,
      });
      expect((await env.video(id)).deleted).toBe(true);
    }
    const calls = await env.calls();
    expect(calls.map((c) => [c.operation, c.ids])).toEqual([["delete", ids]]);
  });

  it("reports a processing video as processing (retryable, AKOOL's reason kept) and leaves it", async () => {
    const [video] = await env.pick(1, owned("2"));
    const result = await env.adapter().delete([video!.id]);
    expect(result.get(video!.id)).toEqual({
      outcome: "processing",
      code: "processing",
      message: PROCESSING_MSG,
      retryable: true,
    });
    expect((await env.video(video!.id)).deleted).toBe(false);
  });

  it("reports status 1 as processing too when AKOOL refuses queueing videos (§7 other reading)", async () => {
    await env.limits({ blockedStatuses: [1, 2] });
    const [queued] = await env.pick(1, owned("1"));
    const result = await env.adapter().delete([queued!.id]);
    expect(result.get(queued!.id)?.outcome).toBe("processing");
    expect(result.get(queued!.id)?.retryable).toBe(true);
    expect((await env.video(queued!.id)).deleted).toBe(false);
  });

  it("reports another account's video as forbidden with the reason, when AKOOL lists it (sandbox default)", async () => {
    const theirs = await env.pick(2, foreign);
    const ids = theirs.map((v) => v.id);
    const result = await env.adapter().delete(ids);
    for (const id of ids) {
      expect(result.get(id)).toEqual({
        outcome: "forbidden",
        code: "no_permission",
        message: FOREIGN_MSG,
        retryable: false,
      });
      expect((await env.video(id)).deleted).toBe(false);
    }
    expect(await env.operations()).toEqual(["delete"]);
  });

  it("looks up another account's video that AKOOL leaves out of both lists, and calls it not_found (§4)", async () => {
    await env.limits({ foreignIdMode: "omit" });
    const [theirs] = await env.pick(1, (v) => foreign(v) && v.status === "3");
    const result = await env.adapter().delete([theirs!.id]);
    expect(result.get(theirs!.id)).toMatchObject({
      outcome: "not_found",
      code: "not_found",
      retryable: false,
    });
    expect(result.get(theirs!.id)?.message).toMatch(
      /neither in successIds nor in noPermissionItems/,
    );
    expect(result.get(theirs!.id)?.message).toMatch(
      /resultsByIds does not return it/,
    );
    const calls = await env.calls();
    expect(calls.map((c) => [c.operation, c.ids])).toEqual([
      ["delete", [theirs!.id]],
      ["lookup", [theirs!.id]],
    ]);
    expect((await env.video(theirs!.id)).deleted).toBe(false);
  });

  it("reports a non-existent ID as not_found from a 'does not exist' reason, without a look-up", async () => {
    const ids = await env.missing(3);
    const result = await env.adapter().delete(ids);
    for (const id of ids) {
      expect(result.get(id)).toEqual({
        outcome: "not_found",
        code: "not_found",
        message: MISSING_MSG,
        retryable: false,
      });
    }
    expect(await env.operations()).toEqual(["delete"]);
  });

  it("accepts other 'missing' wordings as not_found, and any other reason as forbidden", async () => {
    const [id] = await env.missing(1);
    const cases: [string, string][] = [
      ["Video not found", "not_found"],
      ["resource doesn't exist", "not_found"],
      ["the video has already deleted", "not_found"],
      ["operation refused", "forbidden"],
    ];
    for (const [msg, outcome] of cases) {
      await env.limits({ missingIdMsg: msg });
      const result = await env.adapter().delete([id!]);
      expect(result.get(id!)).toMatchObject({
        outcome,
        message: msg,
        retryable: false,
      });
    }
  });

  it("looks up a non-existent ID that AKOOL leaves out of both lists, and calls it not_found", async () => {
    await env.limits({ missingIdMode: "omit" });
    const ids = await env.missing(2);
    const result = await env.adapter().delete(ids);
    for (const id of ids)
      expect(result.get(id)).toMatchObject({
        outcome: "not_found",
        retryable: false,
      });
    expect((await env.calls()).map((c) => [c.operation, c.ids])).toEqual([
      ["delete", ids],
      ["lookup", ids],
    ]);
  });

  it("reports an already deleted video as not_found the second time (both readings)", async () => {
    const [video] = await env.pick(1, owned("3"));
    const adapter = env.adapter();
    expect((await adapter.delete([video!.id])).get(video!.id)?.outcome).toBe(
      "deleted",
    );
    expect((await adapter.delete([video!.id])).get(video!.id)).toMatchObject({
      outcome: "not_found",
      message: MISSING_MSG,
    });
    await env.limits({ missingIdMode: "omit" });
    expect((await adapter.delete([video!.id])).get(video!.id)?.outcome).toBe(
      "not_found",
    );
    expect((await env.video(video!.id)).deleted).toBe(true);
  });

  it("answers a mixed batch once per distinct ID; malformed IDs never reach AKOOL; upper case is sent lower-cased", async () => {
    const [done] = await env.pick(1, owned("3"));
    const [failed] = await env.pick(1, owned("4"));
    const [processing] = await env.pick(1, owned("2"));
    const [theirs] = await env.pick(1, foreign);
    const [missing] = await env.missing(1);
    const upper = failed!.id.toUpperCase();
    const input = [
      done!.id,
      done!.id,
      upper,
      "not-an-akool-id",
      processing!.id,
      theirs!.id,
      missing!,
    ];
    const result = await env.adapter().delete(input);
    expect(result.size).toBe(6);
    expect(result.get(done!.id)?.outcome).toBe("deleted");
    expect(result.get(upper)?.outcome).toBe("deleted");
    expect(result.get("not-an-akool-id")).toMatchObject({
      outcome: "failed",
      code: "invalid_id",
      retryable: false,
    });
    expect(result.get(processing!.id)?.outcome).toBe("processing");
    expect(result.get(theirs!.id)?.outcome).toBe("forbidden");
    expect(result.get(missing!)?.outcome).toBe("not_found");
    const calls = await env.calls();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.ids).toEqual([
      done!.id,
      failed!.id,
      processing!.id,
      theirs!.id,
      missing!,
    ]);
    const truth = await env.videos();
    const state = (id: string) => truth.find((v) => v.id === id)!.deleted;
    expect([
      state(done!.id),
      state(failed!.id),
      state(processing!.id),
      state(theirs!.id),
    ]).toEqual([true, true, false, false]);
  });
});
