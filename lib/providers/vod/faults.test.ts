import { describe, expect, it } from "vitest";
import { owned, setupSandbox } from "./testing";
// Contract tests: VOD's own per-action QPS limits (vod.md §6: Throttling.User is an HTTP 400). The
// injected throttle and transport faults every adapter shares are in ../adapter-faults.test.ts.

const vod = setupSandbox();

describe("throttling (Throttling.User is HTTP 400, §6)", () => {
  it("exceeding the DeleteVideo QPS limit → throttled, retryable; nothing deleted", async () => {
    await vod.limits({ deleteVideoQps: 1 });
    const [a, b] = await vod.pickIds(2, owned());
    const adapter = vod.adapter();
    expect((await adapter.delete([a!])).get(a!)?.outcome).toBe("deleted");
    await vod.mark();
    const second = (await adapter.delete([b!])).get(b!);
    expect(second).toEqual({
      outcome: "failed",
      code: "throttled",
      message: "Throttling.User: Request was denied due to user flow control.",
      retryable: true,
    });
    expect((await vod.calls()).map((c) => c.status)).toEqual([400]);
    await vod.expectUntouched([b!]);
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
});
