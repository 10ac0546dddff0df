import { describe, expect, it } from "vitest";
import { imagineLimitsFromEnv } from "./limits";
import {
  control,
  findVideo,
  missingIds,
  ownVideo,
  request,
  setLimits,
  setupSandbox,
  videos,
} from "../test-helpers";
import type { VideoState } from "../types";

const KEY = "vk-sandbox-imagine-key";
const OTHER_KEY = "vk-sandbox-imagine-other-key";
const DELETED = { message: "video deleted", status: "success" };

interface ImagineReply {
  status: string;
  code?: number;
  error?: string;
  message?: string;
  video?: Record<string, unknown>;
}

const sandbox = setupSandbox({
  seed: 11,
  count: 40,
  limits: { imagine: { ratePerMin: 0 } },
});

const call = (method: string, path: string, key: string | null = KEY) =>
  request<ImagineReply>(`${sandbox.url}/imagine${path}`, {
    method,
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
type ImagineVideo = VideoState & { uuid: string };

const setImagineLimits = (patch: Record<string, unknown>) =>
  setLimits(sandbox.url, "imagine", patch);
const all = () => videos<ImagineVideo>(sandbox.url, "imagine");
const own = (status: string) =>
  ownVideo<ImagineVideo>(sandbox.url, "imagine", status);

/** The HTTP status and imagine.md §5's error envelope (`status: "error"` and the given fields). */
function expectError(
  reply: { status: number; json: ImagineReply },
  status: number,
  envelope: Omit<ImagineReply, "status">,
) {
  expect(reply.status).toBe(status);
  expect(reply.json).toMatchObject({ status: "error", ...envelope });
}

describe("imagine auth (imagine.md §2, §5)", () => {
  it("answers a missing bearer with 400/1000 and a wrong key with 401/1001, deleting nothing", async () => {
    const video = await own("finished");
    const none = await call("DELETE", `/v2/video/delete/${video.id}`, null);
    expectError(none, 400, { code: 1000, error: "BadRequest" });
    const wrong = await call(
      "DELETE",
      `/v2/video/delete/${video.id}`,
      "vk-wrong",
    );
    expectError(wrong, 401, { code: 1001, error: "Unauthorized" });
    const raw = await request(
      `${sandbox.url}/imagine/v2/video/delete/${video.id}`,
      {
        method: "DELETE",
        headers: { authorization: KEY },
      },
    );
    expect(raw.status).toBe(400);
    expect(findVideo(await all(), { id: video.id }).deleted).toBe(false);
  });
});

describe("imagine delete (imagine.md §1, §3, §9)", () => {
  it("deletes through DELETE and POST on /v2/video/delete/{id} and DELETE on /v2/video/{id}", async () => {
    const finished = (await all()).filter(
      (v) => v.owner === "console" && v.status === "finished",
    );
    const [a, b, c] = finished;
    expect((await call("DELETE", `/v2/video/delete/${a!.id}`)).json).toEqual(
      DELETED,
    );
    expect((await call("POST", `/v2/video/delete/${b!.id}`)).json).toEqual(
      DELETED,
    );
    const current = await call("DELETE", `/v2/video/${c!.id}`);
    expect(current.status).toBe(200);
    expect(current.json).toEqual(DELETED);
    const after = await all();
    expect(
      [a, b, c].map((v) => findVideo(after, { id: v!.id }).deleted),
    ).toEqual([true, true, true]);
  });

  it("answers a method outside deleteMethods with 405 and an allow header", async () => {
    const video = await own("finished");
    const get = await call("GET", `/v2/video/delete/${video.id}`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("DELETE, POST");
    await setImagineLimits({ deleteMethods: ["POST"] });
    const refused = await call("DELETE", `/v2/video/delete/${video.id}`);
    expect(refused.status).toBe(405);
    expect(findVideo(await all(), { id: video.id }).deleted).toBe(false);
    expect((await call("POST", `/v2/video/delete/${video.id}`)).status).toBe(
      200,
    );
  });

  it("answers unknown and already-deleted IDs with 404, or 400/1100 when configured", async () => {
    const [missing] = await missingIds(sandbox.url, "imagine");
    const unknown = await call("DELETE", `/v2/video/delete/${missing}`);
    expectError(unknown, 404, { error: "NotFound" });
    const video = await own("failed");
    expect((await call("DELETE", `/v2/video/${video.id}`)).status).toBe(200);
    expect((await call("DELETE", `/v2/video/${video.id}`)).status).toBe(404);
    await setImagineLimits({ unknownIdStatus: 400 });
    const bad = await call("DELETE", `/v2/video/${missing}`);
    expect([bad.status, bad.json.code]).toEqual([400, 1100]);
    expect((await call("DELETE", "/v2/video/delete/abc")).status).toBe(400);
  });

  it("hides another account's video behind 404 (403 when configured) and lets its owner delete it", async () => {
    const foreign = findVideo(await all(), {
      owner: "other",
      status: "finished",
    });
    expect(
      (await call("DELETE", `/v2/video/delete/${foreign.id}`)).status,
    ).toBe(404);
    expect((await call("GET", `/v2/video/${foreign.id}/status`)).status).toBe(
      404,
    );
    await setImagineLimits({ foreignId: "forbidden" });
    const forbidden = await call("DELETE", `/v2/video/delete/${foreign.id}`);
    expect([forbidden.status, forbidden.json.error]).toEqual([
      403,
      "Forbidden",
    ]);
    expect(findVideo(await all(), { id: foreign.id }).deleted).toBe(false);
    expect(
      (await call("DELETE", `/v2/video/delete/${foreign.id}`, OTHER_KEY))
        .status,
    ).toBe(200);
  });

  it("deletes in-progress videos unless inProgressDelete is conflict (409)", async () => {
    const pending = await own("pending");
    const processing = await own("processing");
    await setImagineLimits({ inProgressDelete: "conflict" });
    const refused = await call("DELETE", `/v2/video/delete/${processing.id}`);
    expect([refused.status, refused.json.error]).toEqual([409, "Conflict"]);
    expect(findVideo(await all(), { id: processing.id }).deleted).toBe(false);
    await setImagineLimits({ inProgressDelete: "allow" });
    expect(
      (await call("DELETE", `/v2/video/delete/${pending.id}`)).status,
    ).toBe(200);
  });
});

describe("imagine status look-ups (imagine.md §4)", () => {
  it("serves the current, deprecated and asset endpoints from the same store", async () => {
    const video = await own("finished");
    const current = await call("GET", `/v2/video/${video.id}/status`);
    expect(current.status).toBe(200);
    expect(current.json.status).toBe("success");
    expect(current.json.video).toMatchObject({ id: Number(video.id), code: 2 });
    expect(
      (current.json.video?.url as { generation: string[] }).generation,
    ).toHaveLength(1);
    const deprecated = await call("GET", `/v2/video/status/${video.uuid}`);
    expect(deprecated.json.video).toMatchObject({
      uuid: video.uuid,
      status: "finished",
    });
    const asset = await call("POST", `/v2/assets/${video.uuid}/status`);
    expect(asset.json.video).toMatchObject({
      uuid: video.uuid,
      status: "finished",
    });
    const pending = await own("pending");
    expect(
      (await call("GET", `/v2/video/${pending.id}/status`)).json.video,
    ).toMatchObject({ code: 0, url: { generation: [] } });
  });

  it("reports a deleted video as 404 and a malformed ID as 400/1100", async () => {
    const video = await own("finished");
    await call("DELETE", `/v2/video/delete/${video.uuid}`);
    expect((await call("GET", `/v2/video/${video.id}/status`)).status).toBe(
      404,
    );
    const bad = await call("GET", "/v2/video/12ab/status");
    expect([bad.status, bad.json.code]).toEqual([400, 1100]);
  });
});

describe("imagine rate limit (imagine.md §6)", () => {
  it("allows ratePerMin requests per key, then 429/1202, counting each key apart", async () => {
    await setImagineLimits({ ratePerMin: 3 });
    const video = await own("finished");
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await call("GET", `/v2/video/${video.id}/status`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call("DELETE", `/v2/video/delete/${video.id}`);
    expect(limited.json).toMatchObject({ status: "error", code: 1202 });
    expect(limited.headers.get("x-ratelimit-limit")).toBe("3");
    expect(findVideo(await all(), { id: video.id }).deleted).toBe(false);
    expect(
      (await call("GET", `/v2/video/${video.id}/status`, OTHER_KEY)).status,
    ).toBe(404);
  });

  it("defaults to 50 per minute, overridable by SANDBOX_IMAGINE_RATE_PER_MIN and the control API", async () => {
    expect(imagineLimitsFromEnv({}).ratePerMin).toBe(50);
    expect(
      imagineLimitsFromEnv({ SANDBOX_IMAGINE_RATE_PER_MIN: "500" }).ratePerMin,
    ).toBe(500);
    await setImagineLimits({ ratePerMin: 1234 });
    const limits = await control<Record<string, { ratePerMin: number } | null>>(
      sandbox.url,
      "GET",
      "limits",
    );
    expect(limits.json.imagine?.ratePerMin).toBe(1234);
    const bad = await setImagineLimits({ ratePerMin: -1 });
    expect(bad.status).toBe(400);
  });
});
