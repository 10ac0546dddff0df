// Contract tests of the Imagine.art adapter against the sandbox (docs/providers/imagine.md §3,
// §7, §8): per-ID delete outcomes under both readings of the undocumented answers.
import { describe, expect, it } from "vitest";
import { foreign, owned, setupSandbox } from "./testing";

const env = setupSandbox();
const { adapter, calls, limits, missing, pick } = env;

describe("imagine adapter: shape", () => {
  it("declares the documented ID forms, batch of 1, 50/min and no list", () => {
    const a = adapter();
    expect(a.id).toBe("imagine");
    expect(a.maxBatch).toBe(1);
    expect(a.rateLimit).toEqual({ requests: 50, perMs: 60_000 });
    expect(adapter({ rateLimitPerMinute: 20 }).rateLimit.requests).toBe(20);
    expect(a.statuses).toEqual([]);
    expect(a.list).toBeUndefined();
    for (const ok of ["1265", "0", "6f1c2a4e-3b5d-4c7e-9f10-1a2b3c4d5e6f"])
      expect(a.idPattern.test(ok)).toBe(true);
    for (const bad of [
      "12a",
      "",
      "1".repeat(20),
      "6f1c2a4e3b5d4c7e9f101a2b3c4d5e6f",
    ])
      expect(a.idPattern.test(bad)).toBe(false);
  });

  it("rejects a path template without {id} and a bad rate", () => {
    expect(() => adapter({ deletePath: "/v2/video/delete" })).toThrow(/\{id\}/);
    expect(() => adapter({ statusPath: "/v2/status" })).toThrow(/\{id\}/);
    expect(() => adapter({ rateLimitPerMinute: 0 })).toThrow(/positive/);
  });
});

describe("imagine adapter: delete", () => {
  it("deletes owned videos one request each on DELETE /v2/video/delete/{id}", async () => {
    const targets = await pick(3, owned("finished"));
    const ids = targets.map((v) => v.id);
    const result = await adapter().delete([...ids, ids[0]!]);
    expect([...result.keys()]).toEqual(ids);
    for (const id of ids)
      expect(result.get(id)).toEqual({ outcome: "deleted", retryable: false });
    for (const id of ids) expect((await env.video(id)).deleted).toBe(true);
    const log = await calls();
    expect(log.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual(
      ids.map((id) => `DELETE /v2/video/delete/${id} 200`),
    );
  });

  it("gives each ID of a mixed batch its own outcome", async () => {
    const [mine] = await pick(1, owned("finished"));
    const [theirs] = await pick(1, foreign);
    const [gone] = await missing(1);
    const result = await adapter().delete([mine!.id, theirs!.id, gone!, "abc"]);
    expect(result.size).toBe(4);
    expect(result.get(mine!.id)?.outcome).toBe("deleted");
    expect(result.get(theirs!.id)?.outcome).toBe("not_found");
    expect(result.get(gone!)).toEqual({
      outcome: "not_found",
      code: "1100",
      message: "Video not found.",
      retryable: false,
    });
    expect(result.get("abc")).toMatchObject({
      outcome: "failed",
      code: "invalid_id",
      retryable: false,
    });
    // The malformed ID never reached the provider.
    expect((await calls()).some((c) => c.path.endsWith("/abc"))).toBe(false);
    expect((await env.video(theirs!.id)).deleted).toBe(false);
  });

  it("reports an already deleted video as not_found", async () => {
    const [video] = await pick(1, owned("finished"));
    await adapter().delete([video!.id]);
    const again = await adapter().delete([video!.id]);
    expect(again.get(video!.id)).toMatchObject({
      outcome: "not_found",
      code: "1100",
    });
  });

  it("maps the 400/1100 not-found reading to not_found too", async () => {
    await limits({ unknownIdStatus: 400 });
    const [gone] = await missing(1);
    const result = await adapter().delete([gone!]);
    expect(result.get(gone!)).toEqual({
      outcome: "not_found",
      code: "1100",
      message: "Invalid request: video not found.",
      retryable: false,
    });
  });

  it("another account's video: hidden (404) → not_found, 403 → forbidden; never deleted", async () => {
    const [a, b] = await pick(2, foreign);
    const hidden = await adapter().delete([a!.id]);
    expect(hidden.get(a!.id)).toMatchObject({
      outcome: "not_found",
      retryable: false,
    });
    await limits({ foreignId: "forbidden" });
    const refused = await adapter().delete([b!.id]);
    expect(refused.get(b!.id)).toEqual({
      outcome: "forbidden",
      code: "1100",
      message: "You do not have access to this video.",
      retryable: false,
    });
    expect((await env.video(a!.id)).deleted).toBe(false);
    expect((await env.video(b!.id)).deleted).toBe(false);
  });

  it("in-progress videos: deleted where allowed, processing (retryable) on 409", async () => {
    const [pending] = await pick(1, owned("pending"));
    const [running, blocked] = await pick(2, owned("processing"));
    const allowed = await adapter().delete([pending!.id, running!.id]);
    expect(allowed.get(pending!.id)?.outcome).toBe("deleted");
    expect(allowed.get(running!.id)?.outcome).toBe("deleted");

    await limits({ inProgressDelete: "conflict" });
    const refused = await adapter().delete([blocked!.id]);
    expect(refused.get(blocked!.id)).toEqual({
      outcome: "processing",
      code: "1100",
      message: "Video is still processing, try again later.",
      retryable: true,
    });
    expect((await env.video(blocked!.id)).deleted).toBe(false);
  });

  it("deletes by UUID (deprecated generation, §7)", async () => {
    const [video] = await pick(1, owned("finished"));
    const result = await adapter().delete([video!.uuid!]);
    expect(result.get(video!.uuid!)?.outcome).toBe("deleted");
    expect((await env.video(video!.id)).deleted).toBe(true);
  });
});
