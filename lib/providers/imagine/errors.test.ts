// Failure paths only the Imagine.art adapter has, against the sandbox (docs/providers/imagine.md
// §2, §6): a missing key and the fake's own per-minute limit. Injected throttling, 5xx, hangs,
// resets, cut-off bodies and a wrong or revoked key are in ../adapter-faults.test.ts.
import { describe, expect, it } from "vitest";
import { owned, setupSandbox } from "./testing";

const env = setupSandbox({ seed: 3 });

describe("imagine adapter: credentials", () => {
  it("a missing key (400/1000) is auth as well, on delete and lookup", async () => {
    const [id] = await env.pickIds(1, owned("finished"));
    const none = env.adapter({ apiKey: "" });
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
    await env.limits({ ratePerMin: 2 });
    const ids = await env.pickIds(4, owned("finished"));
    const result = await env.adapter().delete(ids);
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
    expect((await env.calls()).map((c) => c.status)).toEqual([200, 200, 429]);
    const truth = await env.truth();
    expect(ids.map((id) => truth.get(id)?.deleted)).toEqual([
      true,
      true,
      false,
      false,
    ]);

    const lookup = await env.adapter().lookup([ids[2]!]);
    expect(lookup.get(ids[2]!)).toMatchObject({
      state: "failed",
      code: "throttled",
      retryable: true,
    });
  });
});
