import { beforeEach, describe, expect, it } from "vitest";
import type { ProviderSandbox } from "../types";
import { createVodSandbox } from "./fake";
import { api, mulberry32, type Body } from "./test-client";

let sb: ProviderSandbox;
const live = () => sb.videos().filter((v) => !v.deleted);

beforeEach(() => {
  sb = createVodSandbox(mulberry32(3));
  sb.reset(7, 250);
});

describe("GetVideoInfos / GetVideoInfo", () => {
  it("returns found videos, NonExistVideoIds, and 404 when all are missing", () => {
    const [a, b] = live().map((v) => v.id);
    const [ghost] = sb.missingIds(1);
    const res = api(sb, "GetVideoInfos", { VideoIds: `${a},${ghost},${b}` });
    expect(res.status).toBe(200);
    expect(res.json.VideoList.map((v: Body) => v.VideoId)).toEqual([a, b]);
    expect(res.json.NonExistVideoIds).toEqual([ghost]);
    expect(res.json.NonExistReferenceIds).toEqual([]);
    expect(res.json.VideoList[0]).toMatchObject({
      Status: "Uploading",
      CreationTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
    expect(Array.isArray(res.json.VideoList[1].Snapshots)).toBe(true);
    expect(
      api(sb, "GetVideoInfos", { VideoIds: sb.missingIds(2).join(",") }).json
        .Code,
    ).toBe("InvalidVideo.NotFound");
    expect(
      api(sb, "GetVideoInfos", {
        VideoIds: live()
          .slice(0, 21)
          .map((v) => v.id)
          .join(","),
      }).status,
    ).toBe(400);
  });

  it("shows another account's video on look-up (only DeleteVideo refuses it)", () => {
    const foreign = live().find((v) => v.owner === "other")!;
    const one = api(sb, "GetVideoInfo", { VideoId: foreign.id });
    expect(one.status).toBe(200);
    expect(one.json.Video).toMatchObject({
      VideoId: foreign.id,
      Status: foreign.status,
      RegionId: "cn-shanghai",
    });
    expect(one.json.Video.Snapshots).toHaveProperty("Snapshot");
    const missing = api(sb, "GetVideoInfo", { VideoId: sb.missingIds(1)[0]! });
    expect([missing.status, missing.json.Code]).toEqual([
      404,
      "InvalidVideo.NotFound",
    ]);
  });
});

describe("GetVideoList", () => {
  it("pages newest first with Total, and filters by Status", () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const res = api(sb, "GetVideoList", {
        PageNo: String(page),
        PageSize: "100",
      });
      expect(res.json.Total).toBe(250);
      seen.push(...res.json.VideoList.Video.map((v: Body) => v.VideoId));
    }
    expect(seen).toEqual(
      live()
        .map((v) => v.id)
        .reverse(),
    );
    const asc = api(sb, "GetVideoList", {
      PageSize: "3",
      SortBy: "CreationTime:Asc",
    });
    expect(asc.json.VideoList.Video.map((v: Body) => v.VideoId)).toEqual(
      live()
        .slice(0, 3)
        .map((v) => v.id),
    );
    const blocked = live()
      .filter((v) => v.status === "Blocked" || v.status === "Checking")
      .map((v) => v.id);
    const filtered = api(sb, "GetVideoList", {
      Status: "Blocked,checking",
      PageSize: "100",
      SortBy: "CreationTime:Asc",
    });
    expect(filtered.json.Total).toBe(blocked.length);
    expect(filtered.json.VideoList.Video.map((v: Body) => v.VideoId)).toEqual(
      blocked,
    );
  });

  it("caps PageSize at 100 and the reach at 5,000 records", () => {
    expect(api(sb, "GetVideoList", { PageSize: "101" }).json).toMatchObject({
      Code: "InvalidParameter",
    });
    const past = api(sb, "GetVideoList", { PageNo: "51", PageSize: "100" });
    expect([past.status, past.json.Code]).toEqual([
      400,
      "VideoListExceededMax",
    ]);
    const empty = api(sb, "GetVideoList", { PageNo: "50", PageSize: "100" });
    expect(empty.json.VideoList.Video).toEqual([]);
  });

  it("drops deleted videos", () => {
    const [a] = live().map((v) => v.id);
    api(sb, "DeleteVideo", { VideoIds: a! });
    const all = api(sb, "GetVideoList", { PageSize: "100", PageNo: "3" });
    expect(all.json.Total).toBe(249);
    expect(all.json.VideoList.Video.map((v: Body) => v.VideoId)).not.toContain(
      a,
    );
  });
});

describe("SearchMedia", () => {
  it("scrolls through every match with ScrollToken, even while deleting", () => {
    const normal = live()
      .filter((v) => v.status === "Normal")
      .map((v) => v.id);
    expect(normal.length).toBeGreaterThan(60);
    const seen: string[] = [];
    let token: string | undefined;
    let deletedMidway: string | undefined;
    for (let i = 0; i < 100; i += 1) {
      const params: Record<string, string> = {
        Match: "Status in ('Normal')",
        PageSize: "7",
        SortBy: "CreationTime:Asc",
      };
      if (token) params.ScrollToken = token;
      const res = api(sb, "SearchMedia", params);
      expect(res.status).toBe(200);
      expect(res.json.ScrollToken).toMatch(/^[0-9a-f]{32}$/);
      token = res.json.ScrollToken;
      const page = res.json.MediaList.map((m: Body) => m.MediaId);
      if (page.length === 0) break;
      expect(res.json.MediaList[0]).toMatchObject({
        MediaType: "video",
        Video: { Status: "Normal" },
      });
      seen.push(...page);
      if (i === 2) {
        deletedMidway = normal[seen.length];
        api(sb, "DeleteVideo", { VideoIds: deletedMidway! });
      }
    }
    expect(seen).toEqual(normal.filter((id) => id !== deletedMidway));
  });

  it("matches titles fuzzily, refuses deep pages without a token and unknown tokens", () => {
    const title = api(sb, "GetVideoInfo", { VideoId: live()[10]!.id }).json
      .Video.Title as string;
    const word = title.split(" ")[1]!;
    const res = api(sb, "SearchMedia", {
      Match: `Title = '${word.toUpperCase()}' and Status in ('Normal','Blocked')`,
      PageSize: "100",
    });
    const expected = live().filter(
      (v) =>
        v.name.includes(word) &&
        (v.status === "Normal" || v.status === "Blocked"),
    );
    expect(res.json.Total).toBe(expected.length);
    expect(new Set(res.json.MediaList.map((m: Body) => m.MediaId))).toEqual(
      new Set(expected.map((v) => v.id)),
    );
    const deep = api(sb, "SearchMedia", { PageNo: "201", PageSize: "10" });
    expect([deep.status, deep.json.Code]).toEqual([400, "InvalidParameter"]);
    expect(
      api(sb, "SearchMedia", { ScrollToken: "0".repeat(32) }).json.Code,
    ).toBe("InvalidParameter");
    expect(
      api(sb, "SearchMedia", { Match: "Status = 'Normal' or Title = 'x'" }).json
        .Code,
    ).toBe("InvalidParameter");
    expect(api(sb, "SearchMedia", { SearchType: "image" }).json).toMatchObject({
      Total: 0,
      MediaList: [],
    });
  });
});
