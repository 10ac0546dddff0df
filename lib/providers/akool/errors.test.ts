// Contract tests of the AKOOL adapter's failure handling against the sandbox (docs/providers/
// akool.md §5, §8; docs/design.md §4): rejected credentials, banned account, throttling, 5xx, timeouts,
// connection resets and malformed bodies, for delete, lookup and healthCheck.
import { describe, expect, it } from "vitest";
import { setupAkoolSandbox } from "@/lib/providers/akool/testing";

const env = setupAkoolSandbox();

/** Every ID failed the same way, and the sandbox still has every video. */
async function expectAllFailed(
  ids: string[],
  result: Map<string, unknown>,
  expected: Record<string, unknown>,
) {
  expect(result.size).toBe(ids.length);
  for (const id of ids) {
    expect(result.get(id)).toMatchObject({ outcome: "failed", ...expected });
    expect((await env.video(id)).deleted).toBe(false);
  }
}

describe("akool credentials (docs/design.md §4: a bad key never marks videos forbidden)", () => {
  it("fails every ID with auth, retryable, when the API key is rejected (1101)", async () => {
    const own = await env.pick(2, "console", "3");
    const [foreign] = await env.pick(1, "other");
    const ids = [...own.map((v) => v.id), foreign!.id];
    const result = await env.adapter({ apiKey: "wrong-key" }).delete(ids);
    await expectAllFailed(ids, result, {
      code: "auth",
      retryable: true,
      message: "credentials rejected by Akool: invalid authorization",
    });
    expect(result.get(ids[0]!)?.raw).toContain("1101");
    expect((await env.calls()).map((c) => c.operation)).toEqual(["delete"]);
  });

  it("fails every ID with auth when the account is banned (1200)", async () => {
    await env.limits({ banned: true });
    const own = await env.pick(2, "console", "3");
    const ids = own.map((v) => v.id);
    const result = await env.adapter().delete(ids);
    await expectAllFailed(ids, result, {
      code: "auth",
      retryable: true,
      message: "credentials rejected by Akool: account is banned",
    });
    const lookup = await env.adapter().lookup(ids);
    expect(lookup.get(ids[0]!)).toMatchObject({
      state: "failed",
      code: "auth",
      retryable: true,
    });
  });

  it("fails look-ups with auth too, never not_found", async () => {
    const [own] = await env.pick(1, "console", "3");
    const [missing] = await env.missing(1);
    const result = await env
      .adapter({ apiKey: "wrong-key" })
      .lookup([own!.id, missing!]);
    for (const id of [own!.id, missing!]) {
      expect(result.get(id)).toMatchObject({
        state: "failed",
        code: "auth",
        retryable: true,
        message: "credentials rejected by Akool: invalid authorization",
      });
    }
  });

  it("refuses to build without any credential", () => {
    expect(() => env.adapter({ apiKey: undefined })).toThrow(/apiKey/);
    expect(() =>
      env.adapter({ apiKey: undefined, clientId: "only-the-id" }),
    ).toThrow(/clientSecret/);
  });
});

describe("akool transport and proxy failures (akool.md §5: retryable)", () => {
  it("reports a proxy's HTTP 429 as throttled, retryable, nothing deleted", async () => {
    await env.faults({ throttleRate: 1 });
    const own = await env.pick(3, "console", "3");
    const ids = own.map((v) => v.id);
    const result = await env.adapter().delete(ids);
    await expectAllFailed(ids, result, { code: "throttled", retryable: true });
    expect(result.get(ids[0]!)?.raw).toContain("429 Too Many Requests");
    expect((await env.adapter().lookup(ids)).get(ids[0]!)).toMatchObject({
      state: "failed",
      code: "throttled",
      retryable: true,
    });
  });

  it("reports a gateway 5xx as http_502, retryable", async () => {
    await env.faults({ errorRate: 1 });
    const own = await env.pick(2, "console", "4");
    const ids = own.map((v) => v.id);
    const result = await env.adapter().delete(ids);
    await expectAllFailed(ids, result, {
      code: "http_502",
      retryable: true,
      message: "Akool answered HTTP 502",
    });
    expect(result.get(ids[1]!)?.raw).toContain("502 Bad Gateway");
    expect((await env.adapter().lookup(ids)).get(ids[1]!)).toMatchObject({
      state: "failed",
      code: "http_502",
    });
  });

  it("times out a hanging call with the configured timeoutMs", async () => {
    await env.faults({ hangRate: 1 });
    const own = await env.pick(2, "console", "3");
    const ids = own.map((v) => v.id);
    const adapter = env.adapter({ timeoutMs: 300 });
    const started = Date.now();
    const result = await adapter.delete(ids);
    expect(Date.now() - started).toBeLessThan(3_000);
    await expectAllFailed(ids, result, {
      code: "timeout",
      retryable: true,
      message: "No answer within 300 ms.",
    });
    expect((await adapter.lookup(ids)).get(ids[0]!)).toMatchObject({
      state: "failed",
      code: "timeout",
      retryable: true,
    });
  });

  it("reports a reset connection as network, retryable", async () => {
    await env.faults({ resetRate: 1 });
    const own = await env.pick(2, "console", "3");
    const ids = own.map((v) => v.id);
    const result = await env.adapter().delete(ids);
    await expectAllFailed(ids, result, { code: "network", retryable: true });
    expect(result.get(ids[0]!)?.message).toMatch(/^Connection failed/);
    expect((await env.adapter().lookup(ids)).get(ids[0]!)).toMatchObject({
      state: "failed",
      code: "network",
    });
  });

  it("reports a cut-off body as malformed, retryable, with the raw snippet", async () => {
    await env.faults({ malformedRate: 1 });
    const own = await env.pick(2, "console", "3");
    const ids = own.map((v) => v.id);
    const result = await env.adapter().delete(ids);
    await expectAllFailed(ids, result, { code: "malformed", retryable: true });
    expect(result.get(ids[0]!)?.raw).toBe(
      '{"code":1000,"msg":"Delete successfully","data":{"successIds":["68',
    );
    expect((await env.adapter().lookup(ids)).get(ids[0]!)).toMatchObject({
      state: "failed",
      code: "malformed",
      retryable: true,
    });
  });

  it("recovers on the next call once the fault is gone", async () => {
    await env.faults({ errorRate: 1 });
    const [own] = await env.pick(1, "console", "3");
    const adapter = env.adapter();
    expect((await adapter.delete([own!.id])).get(own!.id)?.outcome).toBe(
      "failed",
    );
    await env.faults({ errorRate: 0 });
    expect((await adapter.delete([own!.id])).get(own!.id)?.outcome).toBe(
      "deleted",
    );
    expect((await env.video(own!.id)).deleted).toBe(true);
  });
});

describe("akool healthCheck", () => {
  it("accepts good credentials with one cheap look-up", async () => {
    expect(await env.adapter().healthCheck()).toEqual({
      ok: true,
      message: "credentials accepted",
    });
    expect((await env.calls()).map((c) => c.operation)).toEqual(["lookup"]);
  });

  it("returns AKOOL's own error for a bad key, and the transport error when AKOOL is down", async () => {
    expect(await env.adapter({ apiKey: "wrong-key" }).healthCheck()).toEqual({
      ok: false,
      message: "credentials rejected by Akool: invalid authorization",
    });
    await env.faults({ errorRate: 1 });
    expect(await env.adapter().healthCheck()).toEqual({
      ok: false,
      message: "Akool answered HTTP 502",
    });
  });
});
