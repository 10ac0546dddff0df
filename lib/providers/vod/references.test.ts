import { describe, expect, it } from "vitest";
import { callVod } from "./rpc";
import { setupSandbox } from "./testing";
import { getVideoInfosResponseSchema, parseBody } from "./wire";

// Contract tests: deleting and looking up by ReferenceIds (vod.md §4, §5.1, docs/design.md §4) against the
// sandbox's VOD fake, which reports a refused ReferenceId by its VideoId in ForbiddenVideoIds.

const vod = setupSandbox();

/** ReferenceId → the video it names, read through GetVideoInfos (the sandbox's /videos lacks it). */
async function references(): Promise<
  Map<string, { videoId: string; owner: string }>
> {
  const truth = await vod.videos();
  const owners = new Map(truth.map((v) => [v.id, v.owner]));
  const refs = new Map<string, { videoId: string; owner: string }>();
  for (let i = 0; i < truth.length; i += 20) {
    const ids = truth.slice(i, i + 20).map((v) => v.id);
    const parsed = parseBody(
      getVideoInfosResponseSchema,
      await callVod(vod.client(), "GetVideoInfos", { VideoIds: ids.join(",") }),
    );
    if (!parsed.ok) throw new Error(parsed.failure.message);
    for (const v of parsed.data.VideoList) {
      if (v.ReferenceId)
        refs.set(v.ReferenceId, {
          videoId: v.VideoId,
          owner: owners.get(v.VideoId)!,
        });
    }
  }
  return refs;
}

describe("ReferenceIds", () => {
  it("deletes by ReferenceId: deleted, forbidden (reported by VideoId), not_found", async () => {
    const refs = [...(await references())];
    const [ownRef, own] = refs.find(([, v]) => v.owner === "console")!;
    const [foreignRef, foreign] = refs.find(([, v]) => v.owner === "other")!;
    const unknownRef = "no-such-ref-1";
    const outcomes = await vod
      .adapter()
      .deleteByReferenceIds([ownRef, foreignRef, unknownRef]);
    expect(outcomes.get(ownRef)).toEqual({
      outcome: "deleted",
      retryable: false,
    });
    expect(outcomes.get(foreignRef)).toMatchObject({
      outcome: "forbidden",
      code: "ForbiddenVideoIds",
    });
    expect(outcomes.get(unknownRef)).toMatchObject({
      outcome: "not_found",
      code: "NonExistReferenceIds",
    });
    const state = new Map((await vod.videos()).map((v) => [v.id, v]));
    expect(state.get(own.videoId)?.deleted).toBe(true);
    expect(state.get(foreign.videoId)?.deleted).toBe(false);
  });

  it("places a refusal it cannot map when no other ReferenceId is open (foreignVisible: false)", async () => {
    const refs = [...(await references())];
    await vod.limits({ foreignVisible: false });
    const [foreignRef, foreign] = refs.find(([, v]) => v.owner === "other")!;
    const outcomes = await vod
      .adapter()
      .deleteByReferenceIds([foreignRef, "no-such-ref-2"]);
    expect(outcomes.get(foreignRef)).toMatchObject({
      outcome: "forbidden",
      code: "ForbiddenVideoIds",
    });
    expect(outcomes.get("no-such-ref-2")?.outcome).toBe("not_found");
    const state = (await vod.videos()).find((v) => v.id === foreign.videoId);
    expect(state?.deleted).toBe(false);
  });

  it("does not guess when refused VideoIds cannot be matched to ReferenceIds (foreignVisible: false)", async () => {
    const refs = [...(await references())];
    await vod.limits({ foreignVisible: false });
    const own = refs.filter(([, v]) => v.owner === "console").slice(0, 2);
    const [foreignRef, foreign] = refs.find(([, v]) => v.owner === "other")!;
    const ids = [...own.map(([ref]) => ref), foreignRef];
    const outcomes = await vod.adapter().deleteByReferenceIds(ids);
    for (const id of ids) {
      expect(outcomes.get(id)).toMatchObject({
        outcome: "failed",
        code: "unconfirmed",
        retryable: true,
      });
    }
    // A later look-up settles them: the own videos are gone, the foreign one stays.
    const state = new Map((await vod.videos()).map((v) => [v.id, v]));
    for (const [, v] of own) expect(state.get(v.videoId)?.deleted).toBe(true);
    expect(state.get(foreign.videoId)?.deleted).toBe(false);
  });

  it("reports every ReferenceId not_found when all are missing (404)", async () => {
    const outcomes = await vod
      .adapter()
      .deleteByReferenceIds(["nope-1", "nope-2"]);
    expect(outcomes.get("nope-1")).toMatchObject({
      outcome: "not_found",
      code: "InvalidVideo.NotFound",
    });
    expect(outcomes.get("nope-2")?.outcome).toBe("not_found");
  });

  it("looks up by ReferenceId and never sends a malformed one", async () => {
    const [ref, video] = [...(await references())][0]!;
    const truth = (await vod.videos()).find((v) => v.id === video.videoId)!;
    await vod.mark();
    const results = await vod
      .adapter()
      .lookupByReferenceIds([ref, "nope-3", "a,b"]);
    expect(results.get(ref)).toEqual({
      state: "exists",
      status: truth.status,
      name: truth.name,
    });
    expect(results.get("nope-3")).toMatchObject({
      state: "not_found",
      code: "NonExistReferenceIds",
    });
    expect(results.get("a,b")).toMatchObject({
      state: "failed",
      code: "invalid_id",
    });
    expect(await vod.calls()).toHaveLength(1);
  });
});
