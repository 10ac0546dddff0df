import { describe, expect, it } from "vitest";
import { VOD_STATUSES } from "./adapter";
import { foreign, owned, setupSandbox } from "./testing";
// Contract tests: GetVideoInfos look-ups (vod.md §5.1) and the health check against the sandbox's
// VOD fake.

const vod = setupSandbox();

describe("lookup (GetVideoInfos)", () => {
  it("reports status and title of existing videos and not_found for missing ones", async () => {
    const truth = (await vod.videos())
      .filter((v) => v.owner === "console")
      .slice(0, 3);
    const missing = await vod.missing(2);
    const results = await vod
      .adapter()
      .lookup([...truth.map((v) => v.id), ...missing]);
    expect(results.size).toBe(5);
    for (const v of truth) {
      expect(results.get(v.id)).toEqual({
        state: "exists",
        status: v.status,
        name: v.name,
      });
    }
    for (const id of missing)
      expect(results.get(id)).toMatchObject({ state: "not_found" });
  });

  it("covers every status of §7 and sees a deleted video as not_found", async () => {
    const truth = (await vod.videos()).slice(0, 9);
    const adapter = vod.adapter();
    const before = await adapter.lookup(truth.map((v) => v.id));
    expect(new Set([...before.values()].map((r) => r.status))).toEqual(
      new Set(VOD_STATUSES),
    );
    const own = truth.find((v) => v.owner === "console")!;
    await adapter.delete([own.id]);
    expect((await adapter.lookup([own.id])).get(own.id)).toMatchObject({
      state: "not_found",
      code: "InvalidVideo.NotFound",
    });
  });

  it("splits 25 IDs into two calls", async () => {
    const ids = await vod.pickIds(25, owned());
    await vod.mark();
    const results = await vod.adapter().lookup(ids);
    expect([...results.values()].every((r) => r.state === "exists")).toBe(true);
    const sizes = (await vod.calls()).map((c) => [c.operation, c.ids.length]);
    expect(sizes).toEqual([
      ["GetVideoInfos", 20],
      ["GetVideoInfos", 5],
    ]);
  });

  for (const foreignVisible of [true, false]) {
    it(`handles another account's video (foreignVisible: ${foreignVisible})`, async () => {
      await vod.limits({ foreignVisible });
      const [theirs] = await vod.pickIds(1, foreign);
      const [own] = await vod.pickIds(1, owned());
      const adapter = vod.adapter();
      const found = await adapter.lookup([theirs!, own!]);
      // In another application than the console's (VOD_APP_ID): shown as not ours, as the
      // delete will answer, so the preview says "Not yours".
      expect(found.get(theirs!)).toMatchObject(
        foreignVisible
          ? { state: "forbidden", code: "other_app" }
          : { state: "not_found" },
      );
      expect(found.get(own!)?.state).toBe("exists");
      // A console configured for the other application sees the reverse.
      const other = vod.adapter({ appId: "app-2000000" });
      if (foreignVisible)
        expect((await other.lookup([theirs!])).get(theirs!)?.state).toBe(
          "exists",
        );
      expect((await other.lookup([own!])).get(own!)?.state).toBe("forbidden");
      // Either way the delete itself tells the truth, and the video stays.
      const outcome = (await adapter.delete([theirs!])).get(theirs!);
      expect(outcome).toMatchObject({ outcome: "forbidden", retryable: false });
      const state = (await vod.videos()).find((v) => v.id === theirs);
      expect(state?.deleted).toBe(false);
    });
  }

  it("never sends a malformed ID", async () => {
    await vod.mark();
    const results = await vod.adapter().lookup(["xyz"]);
    expect(results.get("xyz")).toMatchObject({
      state: "failed",
      code: "invalid_id",
      retryable: false,
    });
    expect(await vod.calls()).toEqual([]);
  });
});

describe("healthCheck", () => {
  it("accepts the sandbox credentials", async () => {
    expect(await vod.adapter().healthCheck()).toEqual({
      ok: true,
      message: "credentials accepted",
    });
  });

  it("reports the provider's own error for a wrong secret or an unknown key", async () => {
    const wrongSecret = await vod
      .adapter({ accessKeySecret: "wrong" })
      .healthCheck();
    expect(wrongSecret.ok).toBe(false);
    expect(wrongSecret.message).toMatch(
      /^credentials rejected by ApsaraVideo VOD: SignatureDoesNotMatch: Specified signature is not matched/,
    );
    const unknownKey = await vod
      .adapter({ accessKeyId: "LTAI-unknown" })
      .healthCheck();
    expect(unknownKey).toEqual({
      ok: false,
      message:
        "credentials rejected by ApsaraVideo VOD: InvalidAccessKeyId.NotFound: Specified access key is not found.",
    });
  });

  it("reports an unreachable endpoint", async () => {
    const health = await vod
      .adapter({ endpoint: "http://127.0.0.1:9/vod" })
      .healthCheck();
    expect(health.ok).toBe(false);
    expect(health.message).toMatch(/^Connection failed/);
  });
});
