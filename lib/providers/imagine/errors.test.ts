// Failure paths of the Imagine.art adapter against the sandbox (docs/providers/imagine.md §2,
// §5, §6, §8): credentials, throttling (the fake's own limit and injected), transport faults.
import { describe, expect, it } from "vitest";
import { setupImagineSandbox } from "./testing";

const { adapter, videos, calls, faults, limits } = setupImagineSandbox({
  seed: 3,
  limits: { ratePerMin: 10_000 },
});

async function ownedFinished(count: number): Promise<string[]> {
  const ids = (await videos())
    .filter((v) => v.owner === "console" && v.status === "finished")
    .slice(0, count)
    .map((v) => v.id);
  expect(ids).toHaveLength(count);
  return ids;
}
async function deletedInTruth(ids: string[]): Promise<boolean[]> {
  const all = await videos();
  return ids.map((id) => all.find((v) => v.id === id)!.deleted);
}

describe("imagine adapter: credentials", () => {
  it("a wrong key fails every ID with auth (retryable, never forbidden) and stops sending", async () => {
    const ids = await ownedFinished(3);
    const result = await adapter({ apiKey: "vk-not-a-real-key" }).delete(ids);
    expect(result.size).toBe(3);
    for (const id of ids) {
      expect(result.get(id)).toMatchObject({
        outcome: "failed",
        code: "auth",
        retryable: true,
      });
      expect(result.get(id)?.message).toMatch(
        /^(not sent after an earlier refusal in this batch: )?credentials rejected by Imagine\.art: The provided bearer token is invalid\. \(code 1001 Unauthorized\)$/,
      );
    }
    expect((await calls()).map((c) => c.status)).toEqual([401]);
    expect(await deletedInTruth(ids)).toEqual([false, false, false]);
  });

  it("a missing key (400/1000) is auth as well, on delete and lookup", async () => {
    const [id] = await ownedFinished(1);
    const none = adapter({ apiKey: "" });
    expect((await none.delete([id!])).get(id!)).toMatchObject({
      outcome: "failed",
      code: "auth",
      retryable: true,
      message:
        "credentials rejected by Imagine.art: Bearer token is missing. (code 1000 BadRequest)",
    });
    expect((await none.lookup([id!])).get(id!)).toMatchObject({
      state: "failed",
      code: "auth",
      retryable: true,
    });
  });
});

describe("imagine adapter: throttling", () => {
  it("the fake's own per-minute limit (429/1202) → throttled, later IDs not sent", async () => {
    await limits({ ratePerMin: 2 });
    const ids = await ownedFinished(4);
    const result = await adapter().delete(ids);
    expect(result.get(ids[0]!)?.outcome).toBe("deleted");
    expect(result.get(ids[1]!)?.outcome).toBe("deleted");
    for (const id of ids.slice(2)) {
      expect(result.get(id)).toMatchObject({
        outcome: "failed",
        code: "throttled",
        retryable: true,
      });
      // The fake sends x-ratelimit-limit/remaining but nothing saying when the window ends.
      expect(result.get(id)?.retryAfterMs).toBeUndefined();
    }
    expect(result.get(ids[2]!)?.message).toBe(
      "Too many requests. (code 1202 TooManyRequests)",
    );
    expect(result.get(ids[3]!)?.message).toMatch(/^not sent after/);
    expect((await calls()).map((c) => c.status)).toEqual([200, 200, 429]);
    expect(await deletedInTruth(ids)).toEqual([true, true, false, false]);

    const lookup = await adapter().lookup([ids[2]!]);
    expect(lookup.get(ids[2]!)).toMatchObject({
      state: "failed",
      code: "throttled",
      retryable: true,
    });
  });

  it("an injected throttle (throttleRate 1) → throttled and healthCheck not ok", async () => {
    await faults({ throttleRate: 1 });
    const [id] = await ownedFinished(1);
    expect((await adapter().delete([id!])).get(id!)).toMatchObject({
      outcome: "failed",
      code: "throttled",
      retryable: true,
    });
    expect(await adapter().healthCheck()).toEqual({
      ok: false,
      message: "Too many requests. (code 1202 TooManyRequests)",
    });
    expect(await deletedInTruth([id!])).toEqual([false]);
  });
});

describe("imagine adapter: transport and server faults", () => {
  it("a hung request times out → failed timeout, retryable", async () => {
    await faults({ hangRate: 1 });
    const [id] = await ownedFinished(1);
    const quick = adapter({ timeoutMs: 300 });
    expect((await quick.delete([id!])).get(id!)).toEqual({
      outcome: "failed",
      code: "timeout",
      message: "No answer within 300 ms.",
      retryable: true,
    });
    expect((await quick.lookup([id!])).get(id!)).toMatchObject({
      state: "failed",
      code: "timeout",
      retryable: true,
    });
    expect((await quick.healthCheck()).ok).toBe(false);
  });

  it("a reset connection → failed network, retryable", async () => {
    await faults({ resetRate: 1 });
    const [id] = await ownedFinished(1);
    expect((await adapter().delete([id!])).get(id!)).toMatchObject({
      outcome: "failed",
      code: "network",
      retryable: true,
    });
    expect(await deletedInTruth([id!])).toEqual([false]);
  });

  it("503/1200 → failed with the provider's code, retryable; the next ID is still tried", async () => {
    await faults({ errorRate: 1 });
    const ids = await ownedFinished(2);
    const result = await adapter().delete(ids);
    for (const id of ids) {
      expect(result.get(id)).toEqual({
        outcome: "failed",
        code: "1200",
        message: "Service unavailable.",
        retryable: true,
      });
    }
    expect((await calls()).length).toBe(2);
    const health = await adapter().healthCheck();
    expect(health).toEqual({ ok: false, message: "Service unavailable." });
  });

  it("a truncated body → failed malformed, retryable, raw kept", async () => {
    await faults({ malformedRate: 1 });
    const [id] = await ownedFinished(1);
    expect((await adapter().delete([id!])).get(id!)).toEqual({
      outcome: "failed",
      code: "malformed",
      message: "unexpected delete answer from Imagine.art",
      retryable: true,
      raw: '{"message":"video del',
    });
    expect((await adapter().lookup([id!])).get(id!)).toMatchObject({
      state: "failed",
      code: "malformed",
      retryable: true,
      raw: '{"message":"video del',
    });
    // Faulted calls leave the video as it was; the worker's look-up settles it.
    expect(await deletedInTruth([id!])).toEqual([false]);
  });
});
