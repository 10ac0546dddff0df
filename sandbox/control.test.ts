import { describe, expect, it } from "vitest";
import { PROVIDER_NAMES } from "./core";
import { startSandbox } from "./server";
import {
  akoolDelete,
  AKOOL_DELETE,
  calls,
  control,
  IMAGINE_AUTH,
  imagineDelete,
  missingIds,
  ownVideo,
  request,
  setupSandbox,
  videos,
} from "./test-helpers";

const sandbox = setupSandbox({ seed: 5, count: 30 });

describe("control API", () => {
  it("rejects invalid bodies and queries with 400 JSON", async () => {
    for (const [method, path, body] of [
      ["PUT", "faults", { errorRate: 2 }],
      ["PUT", "faults", { provider: "youtube" }],
      ["PUT", "faults", { latency: 5 }],
      ["POST", "seed", { provider: "akool", count: 0 }],
      ["POST", "reset", { count: -1 }],
      ["PUT", "limits", { provider: "akool", batchCap: "ten" }],
      ["GET", "videos", undefined],
      ["GET", "missing?provider=akool&count=x", undefined],
    ] as const) {
      const res = await control<{ error: { code: string } }>(
        sandbox.url,
        method,
        path,
        body,
      );
      expect([path, res.status, res.json.error.code]).toEqual([
        path,
        400,
        "bad_request",
      ]);
    }
    const notJson = await request(`${sandbox.url}/__sandbox/reset`, {
      method: "POST",
      body: "{",
    });
    expect(notJson.status).toBe(400);
    expect((await control(sandbox.url, "GET", "nope")).status).toBe(404);
    expect(
      (await control(sandbox.url, "POST", "videos?provider=akool")).status,
    ).toBe(405);
  });

  it("reports faults per provider and applies a provider-less PUT to all", async () => {
    await control(sandbox.url, "PUT", "faults", { latencyMs: 5 });
    await control(sandbox.url, "PUT", "faults", {
      provider: "vod",
      errorRate: 0.25,
    });
    const faults = (
      await control<Record<string, { latencyMs: number; errorRate: number }>>(
        sandbox.url,
        "GET",
        "faults",
      )
    ).json;
    expect(Object.keys(faults).sort()).toEqual([...PROVIDER_NAMES].sort());
    expect(faults.vod).toMatchObject({ latencyMs: 5, errorRate: 0.25 });
    expect(faults.akool).toMatchObject({ latencyMs: 5, errorRate: 0 });
  });

  it("seeds more videos, hands out missing IDs and resets to the start state", async () => {
    const before = await videos(sandbox.url, "akool");
    const seeded = await control<{ ids: string[] }>(
      sandbox.url,
      "POST",
      "seed",
      { provider: "akool", count: 3 },
    );
    expect(seeded.json.ids).toHaveLength(3);
    const after = (await videos(sandbox.url, "akool")).map((v) => v.id);
    expect(after).toEqual([...before.map((v) => v.id), ...seeded.json.ids]);
    const missing = await missingIds(sandbox.url, "imagine", 4);
    const existing = new Set(
      (await videos(sandbox.url, "imagine")).map((v) => v.id),
    );
    expect(missing).toHaveLength(4);
    expect(missing.filter((id) => existing.has(id))).toEqual([]);
    await akoolDelete(
      sandbox.url,
      (await ownVideo(sandbox.url, "akool", "3")).id,
    );
    await control(sandbox.url, "POST", "reset", { provider: "akool" });
    expect(await videos(sandbox.url, "akool")).toEqual(before);
  });

  it("lists the credentials each fake accepts", async () => {
    const creds = (
      await control<Record<string, Record<string, string> | null>>(
        sandbox.url,
        "GET",
        "credentials",
      )
    ).json;
    expect(Object.keys(creds).sort()).toEqual([...PROVIDER_NAMES].sort());
    expect(creds.akool).toEqual({
      apiKey: "sandbox-akool-key",
      clientId: "sandbox-akool-client",
      clientSecret: "sandbox-akool-secret",
    });
    expect(creds.imagine?.apiKey).toBe("vk-sandbox-imagine-key");
  });
});

describe("call log", () => {
  it("records seq, provider, time, method, path, operation, ids, status, fault and throttling; filters and clears", async () => {
    await control(sandbox.url, "DELETE", "calls");
    const started = Date.now();
    const video = await ownVideo(sandbox.url, "akool", "3");
    await akoolDelete(sandbox.url, video.id);
    await fetch(`${sandbox.url}/imagine/v2/video/7/status`, {
      headers: IMAGINE_AUTH,
    });
    await control(sandbox.url, "PUT", "faults", {
      provider: "imagine",
      throttleRate: 1,
    });
    await imagineDelete(sandbox.url, "99");
    const log = await calls(sandbox.url);
    expect(log.map(({ seq: _seq, at: _at, ...rest }) => rest)).toEqual([
      {
        provider: "akool",
        method: "POST",
        path: AKOOL_DELETE,
        operation: "delete",
        ids: [video.id],
        status: 200,
      },
      {
        provider: "imagine",
        method: "GET",
        path: "/v2/video/7/status",
        operation: "lookup",
        ids: ["7"],
        status: 404,
      },
      {
        provider: "imagine",
        method: "DELETE",
        path: "/v2/video/delete/99",
        operation: "delete",
        ids: ["99"],
        status: 429,
        fault: "throttle",
        throttled: true,
      },
    ]);
    expect(log[0]!.at).toBeGreaterThanOrEqual(started);
    expect(log.map((c) => c.seq - log[0]!.seq)).toEqual([0, 1, 2]);
    expect(
      (await calls(sandbox.url, "?provider=imagine")).map((c) => c.seq),
    ).toEqual([log[1]!.seq, log[2]!.seq]);
    expect(
      (await calls(sandbox.url, `?since=${log[1]!.seq}`)).map((c) => c.seq),
    ).toEqual([log[2]!.seq]);
    expect(await calls(sandbox.url, "?provider=&since=")).toHaveLength(3);
    await control(sandbox.url, "DELETE", "calls");
    expect(await calls(sandbox.url)).toEqual([]);
  });

  it("keeps only the newest entries when bounded", async () => {
    const small = await startSandbox({ port: 0, count: 1, callLogSize: 5 });
    for (let n = 0; n < 12; n++) await fetch(`${small.url}/vod/bounded-${n}`);
    const log = await calls(small.url);
    await small.close();
    expect(log.map((c) => c.path)).toEqual(
      [7, 8, 9, 10, 11].map((n) => `/bounded-${n}`),
    );
    expect(log[4]!.seq).toBe(12);
  });
});
