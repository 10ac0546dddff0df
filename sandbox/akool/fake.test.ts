import { describe, expect, it } from "vitest";
import {
  AKOOL_DELETE as DELETE,
  AKOOL_LOOKUP as LOOKUP,
  akoolPost,
  control,
  findVideo,
  missingIds,
  ownVideo,
  setLimits,
  setupSandbox,
  videos,
} from "../test-helpers";

const PROCESSING_MSG = "video resource is processing, please try again later";
const sandbox = setupSandbox({ seed: 7, count: 60 });

const post = (path: string, body: unknown) =>
  akoolPost(sandbox.url, path, body);
const del = (ids: string[]) => post(DELETE, { _ids: ids.join(",") });
const own = (status: string) => ownVideo(sandbox.url, "akool", status);

describe("akool delbyids (akool.md §3)", () => {
  it("deletes own completed, failed and queueing videos and refuses processing ones", async () => {
    const [done, failed, queued, processing] = await Promise.all(
      ["3", "4", "1", "2"].map(own),
    );
    const res = await del([done!.id, failed!.id, queued!.id, processing!.id]);
    expect(res.json.code).toBe(1000);
    expect(res.json.data?.successIds).toEqual([
      done!.id,
      failed!.id,
      queued!.id,
    ]);
    expect(res.json.data?.noPermissionItems).toEqual([
      { _id: processing!.id, msg: PROCESSING_MSG },
    ]);
    const after = await videos(sandbox.url, "akool");
    expect(findVideo(after, { id: processing!.id }).deleted).toBe(false);
    expect(findVideo(after, { id: done!.id }).deleted).toBe(true);
  });

  it("refuses another account's video as no-permission without deleting it", async () => {
    const foreign = findVideo(await videos(sandbox.url, "akool"), {
      owner: "other",
      status: "3",
    });
    const res = await del([foreign.id]);
    expect(res.json.data).toEqual({
      successIds: [],
      noPermissionItems: [
        {
          _id: foreign.id,
          msg: "no permission to operate this video resource",
        },
      ],
    });
    expect(
      findVideo(await videos(sandbox.url, "akool"), { id: foreign.id }).deleted,
    ).toBe(false);
  });

  it("reports unknown and already-deleted IDs in noPermissionItems, or omits them when configured", async () => {
    const missing = await missingIds(sandbox.url, "akool", 2);
    const video = await own("3");
    await del([video.id]);
    const res = await del([video.id, ...missing]);
    expect(res.json.data?.noPermissionItems?.map((i) => i.msg)).toEqual(
      Array(3).fill("video resource does not exist"),
    );
    await setLimits(sandbox.url, "akool", { missingIdMode: "omit" });
    expect((await del(missing)).json.data).toEqual({
      successIds: [],
      noPermissionItems: [],
    });
  });

  it("enforces the batch cap as a whole-call 1003 and deletes nothing", async () => {
    const video = await own("3");
    const filler = await missingIds(sandbox.url, "akool", 100);
    const over = await del([video.id, ...filler]);
    expect(over.json).toEqual({
      code: 1003,
      msg: "parameter error: at most 100 _ids per request",
    });
    expect(
      findVideo(await videos(sandbox.url, "akool"), { id: video.id }).deleted,
    ).toBe(false);
    const atCap = await del([video.id, ...filler.slice(1)]);
    expect(atCap.json.data?.successIds).toEqual([video.id]);
    await setLimits(sandbox.url, "akool", { batchCap: 2 });
    expect((await del(filler.slice(0, 3))).json.code).toBe(1003);
  });

  it("fails the whole call with 1003 on a malformed ID, a space or a missing _ids", async () => {
    const video = await own("3");
    expect((await del([video.id, "not-an-id"])).json.code).toBe(1003);
    expect(
      (await post(DELETE, { _ids: `${video.id}, ${video.id}` })).json.code,
    ).toBe(1003);
    expect((await post(DELETE, { _ids: [video.id] })).json.code).toBe(1003);
    expect((await post(DELETE, "not json")).json.code).toBe(1003);
    expect(
      findVideo(await videos(sandbox.url, "akool"), { id: video.id }).deleted,
    ).toBe(false);
  });

  it("accepts upper-case IDs, answers in lower case and counts duplicates once", async () => {
    const video = await own("3");
    const res = await del([video.id.toUpperCase(), video.id]);
    expect(res.json.data).toEqual({
      successIds: [video.id],
      noPermissionItems: [],
    });
  });
});

describe("akool resultsByIds (akool.md §4)", () => {
  it("returns only existing own records with the documented fields", async () => {
    const all = await videos(sandbox.url, "akool");
    const done = findVideo(all, { owner: "console", status: "3" });
    const processing = findVideo(all, { owner: "console", status: "2" });
    const foreign = findVideo(all, { owner: "other" });
    const [missing] = await missingIds(sandbox.url, "akool");
    const res = await post(LOOKUP, {
      _ids: [processing.id, done.id, foreign.id, missing].join(","),
    });
    expect(res.json.code).toBe(1000);
    const result = res.json.data?.result ?? [];
    expect(result.map((r) => r._id).sort()).toEqual(
      [done.id, processing.id].sort(),
    );
    const record = result.find((r) => r._id === done.id)!;
    expect(record).toMatchObject({
      status: 3,
      uid: 101400,
      file_name: done.name,
    });
    expect(record.video_url).toMatch(/^https:\/\//);
    expect(result.find((r) => r._id === processing.id)).toMatchObject({
      status: 2,
      video_url: "",
    });
    await del([done.id]);
    expect((await post(LOOKUP, { _ids: done.id })).json.data?.result).toEqual(
      [],
    );
  });

  it("keeps state between calls until reset restores it", async () => {
    const video = await own("4");
    await del([video.id]);
    expect((await del([video.id])).json.data?.successIds).toEqual([]);
    await control(sandbox.url, "POST", "reset", { provider: "akool" });
    expect(
      findVideo(await videos(sandbox.url, "akool"), { id: video.id }).deleted,
    ).toBe(false);
  });
});
