import { describe, expect, it } from "vitest";
import { expectUntouched, liveIds, setupVodSandbox } from "./testing";
// Contract tests: throttling (vod.md §6: Throttling.User is an HTTP 400) and the sandbox's injected
// transport faults. After each, the sandbox's true state shows nothing was deleted.

const vod = setupVodSandbox();

describe("throttling (Throttling.User is HTTP 400, §6)", () => {
  it("exceeding the DeleteVideo QPS limit → throttled, retryable; nothing deleted", async () => {
    await vod.limits({ deleteVideoQps: 1 });
    const [a, b] = await liveIds(vod, "console");
    const adapter = vod.adapter();
    expect((await adapter.delete([a!])).get(a!)?.outcome).toBe("deleted");
    const since = await vod.lastSeq();
    const second = (await adapter.delete([b!])).get(b!);
    expect(second).toEqual({
      outcome: "failed",
      code: "throttled",
      message: "Throttling.User: Request was denied due to user flow control.",
      retryable: true,
    });
    expect((await vod.calls(since)).map((c) => c.status)).toEqual([400]);
    await expectUntouched(vod, [b!]);
  });

  it("40 concurrent calls against the default 30 QPS: the surplus is throttled, never failed otherwise", async () => {
    const missing = await vod.missing(40);
    const adapter = vod.adapter();
    const outcomes = await Promise.all(
      missing.map(async (id) => (await adapter.delete([id])).get(id)!),
    );
    const throttled = outcomes.filter((o) => o.code === "throttled");
    const notFound = outcomes.filter((o) => o.outcome === "not_found");
    expect(throttled.length).toBeGreaterThanOrEqual(10);
    expect(throttled.length + notFound.length).toBe(40);
    expect(throttled.every((o) => o.retryable)).toBe(true);
  });

  it("injected throttling (throttleRate 1) on delete and lookup", async () => {
    await vod.faults({ throttleRate: 1 });
    const ids = (await liveIds(vod, "console")).slice(0, 3);
    const outcomes = await vod.adapter().delete(ids);
    for (const id of ids)
      expect(outcomes.get(id)).toMatchObject({
        outcome: "failed",
        code: "throttled",
        retryable: true,
      });
    const looked = await vod.adapter().lookup(ids);
    for (const id of ids)
      expect(looked.get(id)).toMatchObject({
        state: "failed",
        code: "throttled",
        retryable: true,
      });
    await vod.faults({ throttleRate: 0 });
    await expectUntouched(vod, ids);
  });
});

describe("transport faults", () => {
  it("a hung request times out: failed, retryable, code timeout", async () => {
    await vod.faults({ hangRate: 1 });
    const ids = (await liveIds(vod, "console")).slice(0, 2);
    const started = Date.now();
    const outcomes = await vod.adapter({ timeoutMs: 300 }).delete(ids);
    expect(Date.now() - started).toBeLessThan(5000);
    for (const id of ids) {
      expect(outcomes.get(id)).toEqual({
        outcome: "failed",
        code: "timeout",
        message: "No answer within 300 ms.",
        retryable: true,
      });
    }
    const looked = await vod.adapter({ timeoutMs: 300 }).lookup(ids);
    expect(looked.get(ids[0]!)).toMatchObject({
      state: "failed",
      code: "timeout",
      retryable: true,
    });
    await vod.faults({ hangRate: 0 });
    await expectUntouched(vod, ids);
  });

  it("a reset connection: failed, retryable, code network", async () => {
    await vod.faults({ resetRate: 1 });
    const ids = (await liveIds(vod, "console")).slice(0, 2);
    const outcomes = await vod.adapter().delete(ids);
    for (const id of ids)
      expect(outcomes.get(id)).toMatchObject({
        outcome: "failed",
        code: "network",
        retryable: true,
      });
    await vod.faults({ resetRate: 0 });
    await expectUntouched(vod, ids);
  });

  it("a malformed body: failed, retryable, code malformed, raw snippet kept", async () => {
    await vod.faults({ malformedRate: 1 });
    const ids = (await liveIds(vod, "console")).slice(0, 2);
    const outcome = (await vod.adapter().delete(ids)).get(ids[0]!);
    expect(outcome).toMatchObject({
      outcome: "failed",
      code: "malformed",
      retryable: true,
    });
    expect(outcome?.raw).toMatch(
      /^\{"RequestId":"[0-9A-F-]+","NonExistVideoIds":\["$/,
    );
    const looked = (await vod.adapter().lookup(ids)).get(ids[0]!);
    expect(looked).toMatchObject({
      state: "failed",
      code: "malformed",
      retryable: true,
    });
    await vod.faults({ malformedRate: 0 });
    await expectUntouched(vod, ids);
  });

  it("a 5xx (InternalError): failed, retryable, provider code and message kept", async () => {
    await vod.faults({ errorRate: 1 });
    const ids = (await liveIds(vod, "console")).slice(0, 2);
    const outcomes = await vod.adapter().delete(ids);
    for (const id of ids) {
      expect(outcomes.get(id)).toEqual({
        outcome: "failed",
        code: "InternalError",
        message:
          "The request processing has failed due to some unknown error, exception or failure.",
        retryable: true,
      });
    }
    expect(await vod.adapter().healthCheck()).toMatchObject({ ok: false });
    await vod.faults({ errorRate: 0 });
    await expectUntouched(vod, ids);
  });
});
