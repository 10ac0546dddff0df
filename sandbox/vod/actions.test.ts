import { beforeEach, describe, expect, it } from "vitest";
import type { ProviderSandbox } from "../types";
import { createVodSandbox } from "./fake";
import {
  api,
  foreignIds,
  HOST,
  mulberry32,
  ownIds,
  send,
  stateOf,
  v1Request,
} from "./test-client";

let sb: ProviderSandbox;

beforeEach(() => {
  sb = createVodSandbox(mulberry32(1));
  sb.reset(42, 60);
});

describe("DeleteVideo", () => {
  it("deletes, reports forbidden and non-existent IDs, and omits empty lists", () => {
    const [a, b] = ownIds(sb, 2);
    const [foreign] = foreignIds(sb);
    const [ghost] = sb.missingIds(1);
    const res = api(sb, "DeleteVideo", {
      VideoIds: [a, foreign, ghost, b].join(","),
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      RequestId: res.json.RequestId,
      ForbiddenVideoIds: [foreign],
      NonExistVideoIds: [ghost],
    });
    expect(res.call).toEqual({
      operation: "DeleteVideo",
      ids: [a, foreign, ghost, b],
    });
    expect([
      stateOf(sb, a!)?.deleted,
      stateOf(sb, b!)?.deleted,
      stateOf(sb, foreign!)?.deleted,
    ]).toEqual([true, true, false]);

    const clean = api(sb, "DeleteVideo", { VideoIds: ownIds(sb)[0]! });
    expect(clean.json).toEqual({ RequestId: clean.json.RequestId });

    const infos = api(sb, "GetVideoInfos", {
      VideoIds: [a, foreign].join(","),
    });
    expect(infos.json.NonExistVideoIds).toEqual([a]);
    expect(
      infos.json.VideoList.map((v: { VideoId: string }) => v.VideoId),
    ).toEqual([foreign]);
  });

  it("fails with 404 InvalidVideo.NotFound only when every ID is missing", () => {
    const [a] = ownIds(sb);
    api(sb, "DeleteVideo", { VideoIds: a! });
    const again = api(sb, "DeleteVideo", {
      VideoIds: [a, ...sb.missingIds(2)].join(","),
    });
    expect(again.status).toBe(404);
    expect(again.json).toMatchObject({
      Code: "InvalidVideo.NotFound",
      HostId: HOST,
    });
    expect(again.json.Recommend).toContain("InvalidVideo.NotFound");

    const [foreign] = foreignIds(sb);
    const [ghost] = sb.missingIds(1);
    const mixed = api(sb, "DeleteVideo", { VideoIds: `${foreign},${ghost}` });
    expect(mixed.status).toBe(200);
    expect(mixed.json).toMatchObject({
      ForbiddenVideoIds: [foreign],
      NonExistVideoIds: [ghost],
    });
  });

  it("refuses more than 20 IDs (VideoIds and ReferenceIds together) and deletes nothing", () => {
    const ids = ownIds(sb, 21);
    const tooMany = api(sb, "DeleteVideo", { VideoIds: ids.join(",") });
    expect([tooMany.status, tooMany.json.Code]).toEqual([
      400,
      "VideoIdsExceededMax",
    ]);
    const combined = api(sb, "DeleteVideo", {
      VideoIds: ids.slice(0, 15).join(","),
      ReferenceIds: "1-1,2-2,3-3,4-4,5-5,6-6",
    });
    expect(combined.json.Code).toBe("VideoIdsExceededMax");
    expect(ids.every((id) => stateOf(sb, id)?.deleted === false)).toBe(true);
    expect(
      api(sb, "DeleteVideo", { VideoIds: ids.slice(0, 20).join(",") }).status,
    ).toBe(200);
    expect(
      ids.slice(0, 20).every((id) => stateOf(sb, id)?.deleted === true),
    ).toBe(true);
    expect(api(sb, "DeleteVideo").json.Code).toBe("MissingParameter");
  });

  it("deletes by ReferenceIds and reports unknown ones", () => {
    const list = api(sb, "GetVideoList", { PageSize: "100" }).json.VideoList
      .Video as { VideoId: string; ReferenceId?: string }[];
    const withRef = list.filter(
      (v) =>
        v.ReferenceId !== undefined &&
        stateOf(sb, v.VideoId)?.owner === "console",
    );
    expect(withRef.length).toBeGreaterThan(1);
    const target = withRef[0]!;
    const res = api(sb, "DeleteVideo", {
      ReferenceIds: `${target.ReferenceId},no-such-ref`,
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      RequestId: res.json.RequestId,
      NonExistReferenceIds: ["no-such-ref"],
    });
    expect(stateOf(sb, target.VideoId)?.deleted).toBe(true);
    expect(
      api(sb, "DeleteVideo", { ReferenceIds: target.ReferenceId! }).status,
    ).toBe(404);
  });
});

describe("tunables and extras", () => {
  it("describes a call without acting, and names its credentials", () => {
    const [a] = ownIds(sb);
    const req = v1Request("post-form", "DeleteVideo", {
      VideoIds: `${a}, ${a}`,
    });
    expect(sb.describe?.(req)).toEqual({
      operation: "DeleteVideo",
      ids: [a, a],
    });
    expect(stateOf(sb, a!)?.deleted).toBe(false);
    expect(sb.describe?.({ ...req, path: "/x" })).toBeNull();
    expect(sb.credentials?.()).toEqual({
      accessKeyId: "LTAI5tSandboxVodKey",
      accessKeySecret: "sandbox-vod-secret",
    });
  });

  it("switches between readings of vod.md", () => {
    expect(sb.limits?.()).toMatchObject({
      deleteVideoQps: 30,
      idCapMode: "combined",
      foreignVisible: true,
    });
    expect(sb.configure?.({ idCapMode: "sideways" })).toMatch(/idCapMode/);
    expect(sb.configure?.({ unknownSwitch: true })).not.toBeNull();

    expect(
      sb.configure?.({ idCapMode: "per_list", omitEmptyLists: false }),
    ).toBeNull();
    const refs = Array.from({ length: 20 }, (_, i) => `no-ref-${i}`);
    const res = api(sb, "DeleteVideo", {
      VideoIds: ownIds(sb, 20).join(","),
      ReferenceIds: refs.join(","),
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      ForbiddenVideoIds: [],
      NonExistVideoIds: [],
      NonExistReferenceIds: refs,
    });

    const [foreign] = foreignIds(sb);
    expect(
      sb.configure?.({ foreignVisible: false, signatureMismatchStatus: 403 }),
    ).toBeNull();
    expect(api(sb, "GetVideoInfo", { VideoId: foreign! }).status).toBe(404);
    expect(
      api(sb, "GetVideoInfos", { VideoIds: `${foreign},${ownIds(sb)[0]}` }).json
        .NonExistVideoIds,
    ).toEqual([foreign]);
    expect(
      api(sb, "DeleteVideo", { VideoIds: foreign! }).json.ForbiddenVideoIds,
    ).toEqual([foreign]);
    const bad = v1Request("get", "GetVideoList", {}, { secret: "nope" });
    expect(send(sb, bad).status).toBe(403);
  });
});
