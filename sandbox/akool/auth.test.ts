import { describe, expect, it } from "vitest";
import {
  AKOOL_CLIENT,
  AKOOL_DELETE,
  AKOOL_KEY,
  AKOOL_LOOKUP,
  akoolPost,
  isDeleted,
  ownVideo,
  setLimits,
  setupSandbox,
} from "../test-helpers";

const TOKEN = "/api/open/v3/getToken";
const sandbox = setupSandbox({ seed: 7, count: 40 });

const post = (path: string, body: unknown, headers: Record<string, string>) =>
  akoolPost(sandbox.url, path, body, headers);
const del = (id: string, headers: Record<string, string>) =>
  post(AKOOL_DELETE, { _ids: id }, headers);
const token = async () => (await post(TOKEN, AKOOL_CLIENT, {})).json.token;
const completed = () => ownVideo(sandbox.url, "akool", "3");

describe("akool auth (akool.md §2, §9)", () => {
  it("answers a missing key with HTTP 200 code 1102 and a wrong key with 1101, deleting nothing", async () => {
    const video = await completed();
    const none = await del(video.id, {});
    expect(none.status).toBe(200);
    expect(none.json).toEqual({
      code: 1102,
      msg: "authorization cannot be empty",
    });
    const wrong = await del(video.id, { "x-api-key": "nope" });
    expect([wrong.status, wrong.json.code]).toEqual([200, 1101]);
    expect(await isDeleted(sandbox.url, "akool", video.id)).toBe(false);
  });

  it("exchanges clientId/clientSecret for a top-level token that authorizes deletes", async () => {
    expect(
      (await post(TOKEN, { ...AKOOL_CLIENT, clientSecret: "x" }, {})).json.code,
    ).toBe(1101);
    expect(
      (await post(TOKEN, { clientId: AKOOL_CLIENT.clientId }, {})).json.code,
    ).toBe(1003);
    const ok = await post(TOKEN, AKOOL_CLIENT, {});
    expect(ok.json.code).toBe(1000);
    expect(ok.json.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(ok.json.data).toBeUndefined();
    const video = await completed();
    const res = await del(video.id, {
      authorization: `Bearer ${ok.json.token}`,
    });
    expect(res.json.data?.successIds).toEqual([video.id]);
  });

  it("lets Authorization win over x-api-key and refuses a raw key as Bearer", async () => {
    const video = await completed();
    expect(
      (
        await del(video.id, {
          authorization: "Bearer stale.token.value",
          ...AKOOL_KEY,
        })
      ).json.code,
    ).toBe(1101);
    expect(
      (await del(video.id, { authorization: "Bearer sandbox-akool-key" })).json
        .code,
    ).toBe(1101);
    const wins = await del(video.id, {
      authorization: `Bearer ${await token()}`,
      "x-api-key": "wrong",
    });
    expect(wins.json.data?.successIds).toEqual([video.id]);
  });

  it("accepts the clientSecret as x-api-key (§2: the API key was formerly called clientSecret)", async () => {
    const video = await completed();
    const res = await del(video.id, { "x-api-key": AKOOL_CLIENT.clientSecret });
    expect(res.json.data?.successIds).toEqual([video.id]);
  });

  it("reports an expired token as 1101 'request token expired'", async () => {
    await setLimits(sandbox.url, "akool", { tokenTtlMs: 50 });
    const expiring = await token();
    await new Promise((r) => setTimeout(r, 80));
    const res = await post(
      AKOOL_LOOKUP,
      { _ids: (await completed()).id },
      { authorization: `Bearer ${expiring}` },
    );
    expect(res.json).toEqual({ code: 1101, msg: "request token expired" });
  });

  it("answers 1200 for every call while the account is banned", async () => {
    await setLimits(sandbox.url, "akool", { banned: true });
    expect((await del((await completed()).id, AKOOL_KEY)).json.code).toBe(1200);
    expect((await post(TOKEN, AKOOL_CLIENT, {})).json.code).toBe(1200);
  });
});
