// Contract tests of the AKOOL adapter's own failure cases against the sandbox (docs/providers/
// akool.md §5, §8; docs/design.md §4): a banned account, missing credentials, and healthCheck's
// cheap look-up. Throttling, 5xx, timeouts, resets, malformed bodies and a wrong or revoked key
// are in ../adapter-faults.test.ts, shared with the other providers.
import { describe, expect, it } from "vitest";
import { owned, setupSandbox } from "@/lib/providers/akool/testing";

const env = setupSandbox();

describe("akool credentials (docs/design.md §4: a bad key never marks videos forbidden)", () => {
  it("fails every ID with auth when the account is banned (1200)", async () => {
    await env.limits({ banned: true });
    const ids = await env.pickIds(2, owned("3"));
    const result = await env.adapter().delete(ids);
    expect(result.size).toBe(ids.length);
    for (const id of ids) {
      expect(result.get(id)).toMatchObject({
        outcome: "failed",
        code: "auth",
        retryable: true,
        message: "credentials rejected by Akool: account is banned",
      });
    }
    await env.expectUntouched(ids);
    const lookup = await env.adapter().lookup(ids);
    expect(lookup.get(ids[0]!)).toMatchObject({
      state: "failed",
      code: "auth",
      retryable: true,
    });
  });

  it("refuses to build without any credential", () => {
    expect(() => env.adapter({ apiKey: undefined })).toThrow(/apiKey/);
    expect(() =>
      env.adapter({ apiKey: undefined, clientId: "only-the-id" }),
    ).toThrow(/clientSecret/);
  });
});

describe("akool healthCheck", () => {
  it("accepts good credentials with one cheap look-up", async () => {
    expect(await env.adapter().healthCheck()).toEqual({
      ok: true,
      message: "credentials accepted",
    });
    expect(await env.operations()).toEqual(["lookup"]);
  });
});
