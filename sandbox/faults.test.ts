import { describe, expect, it } from "vitest";
import { startSandbox } from "./server";
import {
  akoolDelete,
  calls,
  control,
  IMAGINE_AUTH,
  imagineDelete,
  isDeleted,
  ownVideo,
  setupSandbox,
} from "./test-helpers";

const sandbox = setupSandbox({
  seed: 3,
  count: 30,
  limits: { imagine: { ratePerMin: 0 } },
});
const setFaults = (patch: Record<string, unknown>) =>
  control(sandbox.url, "PUT", "faults", patch);
const ownAkool = () => ownVideo(sandbox.url, "akool", "3");
const ownImagine = () => ownVideo(sandbox.url, "imagine", "finished");
const imagineStatus = () =>
  fetch(`${sandbox.url}/imagine/v2/video/1/status`, { headers: IMAGINE_AUTH });

describe("injected faults", () => {
  it("adds at least the configured latency", async () => {
    await setFaults({ provider: "imagine", latencyMs: 200 });
    const started = performance.now();
    await imagineStatus();
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("answers errorRate 1.0 with each provider's 5xx and leaves state unchanged", async () => {
    await setFaults({ errorRate: 1 });
    const [akool, imagine] = [await ownAkool(), await ownImagine()];
    for (let n = 0; n < 3; n++) {
      const a = await akoolDelete(sandbox.url, akool.id);
      expect([a.status, await a.text()]).toEqual([
        502,
        expect.stringContaining("502 Bad Gateway"),
      ]);
      const i = await imagineDelete(sandbox.url, imagine.id);
      expect(i.status).toBe(503);
      expect(await i.json()).toMatchObject({ status: "error", code: 1200 });
    }
    expect(await isDeleted(sandbox.url, "akool", akool.id)).toBe(false);
    expect(await isDeleted(sandbox.url, "imagine", imagine.id)).toBe(false);
  });

  it("answers throttleRate 1.0 in each provider's throttle format", async () => {
    await setFaults({ throttleRate: 1 });
    const akool = await ownAkool();
    expect((await akoolDelete(sandbox.url, akool.id)).status).toBe(429);
    const imagine = await imagineDelete(sandbox.url, (await ownImagine()).id);
    expect([
      imagine.status,
      ((await imagine.json()) as { code: number }).code,
    ]).toEqual([429, 1202]);
    expect(await isDeleted(sandbox.url, "akool", akool.id)).toBe(false);
  });

  it("answers authRate 1.0 with each provider's wrong-key answer and leaves state unchanged", async () => {
    await setFaults({ authRate: 1 });
    const akool = await ownAkool();
    const a = await akoolDelete(sandbox.url, akool.id);
    expect(a.status).toBe(200);
    expect(await a.json()).toMatchObject({ code: 1101 });
    const imagine = await ownImagine();
    const i = await imagineDelete(sandbox.url, imagine.id);
    expect([i.status, ((await i.json()) as { code: number }).code]).toEqual([
      401, 1001,
    ]);
    expect(await isDeleted(sandbox.url, "akool", akool.id)).toBe(false);
    expect(await isDeleted(sandbox.url, "imagine", imagine.id)).toBe(false);
  });

  it("answers malformedRate 1.0 with a body that is not the provider's JSON", async () => {
    await setFaults({ malformedRate: 1 });
    const video = await ownAkool();
    const res = await akoolDelete(sandbox.url, video.id);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(await isDeleted(sandbox.url, "akool", video.id)).toBe(false);
  });

  it("hangs until the client's timeout fires, logging the call with its IDs", async () => {
    await setFaults({ provider: "akool", hangRate: 1 });
    const video = await ownAkool();
    const signal = AbortSignal.timeout(300);
    const err = await akoolDelete(sandbox.url, video.id, { signal }).catch(
      (e: unknown) => e,
    );
    expect((err as Error).name).toBe("TimeoutError");
    const [last] = (await calls(sandbox.url, "?provider=akool")).slice(-1);
    expect(last).toMatchObject({
      operation: "delete",
      ids: [video.id],
      status: 0,
      fault: "hang",
    });
    expect(await isDeleted(sandbox.url, "akool", video.id)).toBe(false);
  });

  it("destroys the socket on resetRate 1.0 so fetch rejects, without changing state", async () => {
    await setFaults({ provider: "imagine", resetRate: 1 });
    const video = await ownImagine();
    await expect(imagineDelete(sandbox.url, video.id)).rejects.toThrow(
      TypeError,
    );
    expect(await isDeleted(sandbox.url, "imagine", video.id)).toBe(false);
    // Scoped to imagine: akool still answers.
    expect((await akoolDelete(sandbox.url, (await ownAkool()).id)).status).toBe(
      200,
    );
  });

  it("draws the same fault sequence again after a reset with the same seed", async () => {
    await setFaults({ provider: "imagine", errorRate: 0.5 });
    const run = async () => {
      await control(sandbox.url, "POST", "reset", {
        provider: "imagine",
        seed: 42,
      });
      const statuses: number[] = [];
      for (let n = 0; n < 24; n++)
        statuses.push((await imagineStatus()).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(503);
    expect(first).toContain(404);
    expect(await run()).toEqual(first);
  });

  it("close() ends hung requests", async () => {
    const own = await startSandbox({
      port: 0,
      count: 5,
      faults: { hangRate: 1 },
    });
    const pending = fetch(`${own.url}/imagine/v2/video/1/status`).then(
      () => "answered",
      () => "rejected",
    );
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    await own.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await pending).toBe("rejected");
  });
});
