// Contract tests of the AKOOL legacy token flow against the sandbox (docs/providers/akool.md §2):
// getToken once and reuse, refresh before expiry, refresh once on a 1101 answer, and credential
// failures that never reach the delete.
import { describe, expect, it } from "vitest";
import { owned, setupSandbox } from "@/lib/providers/akool/testing";
import { sleep } from "@/lib/utils";

const env = setupSandbox();

const tokenAdapter = (extra: Parameters<typeof env.adapter>[0] = {}) =>
  env.adapter({
    apiKey: undefined,
    clientId: env.credentials.clientId,
    clientSecret: env.credentials.clientSecret,
    ...extra,
  });

describe("akool token flow (akool.md §2)", () => {
  it("exchanges clientId/clientSecret once and reuses the token", async () => {
    const own = await env.pick(3, owned("3"));
    const adapter = tokenAdapter();
    for (const video of own) {
      expect((await adapter.delete([video.id])).get(video.id)?.outcome).toBe(
        "deleted",
      );
      expect((await env.video(video.id)).deleted).toBe(true);
    }
    expect((await adapter.lookup([own[0]!.id])).get(own[0]!.id)?.state).toBe(
      "not_found",
    );
    expect(await env.operations()).toEqual([
      "token",
      "delete",
      "delete",
      "delete",
      "lookup",
    ]);
  });

  it("shares one token exchange between concurrent calls", async () => {
    const own = await env.pick(2, owned("3"));
    const adapter = tokenAdapter();
    const results = await Promise.all(own.map((v) => adapter.delete([v.id])));
    expect(results.map((r, i) => r.get(own[i]!.id)?.outcome)).toEqual([
      "deleted",
      "deleted",
    ]);
    expect(
      (await env.operations()).filter((op) => op === "token"),
    ).toHaveLength(1);
  });

  it("prefers the token flow when an API key is configured as well (and the key is never needed)", async () => {
    const [own] = await env.pick(1, owned("3"));
    const result = await tokenAdapter({ apiKey: "stale-or-wrong-key" }).delete([
      own!.id,
    ]);
    expect(result.get(own!.id)?.outcome).toBe("deleted");
    expect(await env.operations()).toEqual(["token", "delete"]);
  });

  it("fetches a new token before the cached one expires", async () => {
    await env.limits({ tokenTtlMs: 1_500 });
    const own = await env.pick(3, owned("3"));
    const adapter = tokenAdapter();
    expect((await adapter.delete([own[0]!.id])).get(own[0]!.id)?.outcome).toBe(
      "deleted",
    );
    expect((await adapter.delete([own[1]!.id])).get(own[1]!.id)?.outcome).toBe(
      "deleted",
    );
    expect(await env.operations()).toEqual(["token", "delete", "delete"]);
    await sleep(1_600);
    await env.mark();
    expect((await adapter.delete([own[2]!.id])).get(own[2]!.id)?.outcome).toBe(
      "deleted",
    );
    // Refreshed ahead of time: no request went out with the expired token.
    expect((await env.calls()).map((c) => [c.operation, c.status])).toEqual([
      ["token", 200],
      ["delete", 200],
    ]);
  });

  it("refreshes once and resends when AKOOL rejects a token the adapter thought valid (1101)", async () => {
    await env.limits({ tokenTtlMs: 300 });
    const frozen = Date.now();
    // The adapter's clock stands still, so only AKOOL knows the token has expired (clock skew).
    const adapter = tokenAdapter({ now: () => frozen });
    const own = await env.pick(2, owned("3"));
    expect((await adapter.delete([own[0]!.id])).get(own[0]!.id)?.outcome).toBe(
      "deleted",
    );
    await sleep(400);
    await env.mark();
    expect((await adapter.delete([own[1]!.id])).get(own[1]!.id)?.outcome).toBe(
      "deleted",
    );
    expect(await env.operations()).toEqual(["delete", "token", "delete"]);
    expect((await env.video(own[1]!.id)).deleted).toBe(true);
  });

  it("refreshes at most once: a second 1101 fails every ID with auth, retryable", async () => {
    // Every token is expired by the time it is used: it lives 1 ms and each answer takes 20 ms.
    await env.limits({ tokenTtlMs: 1 });
    await env.faults({ latencyMs: 20 });
    const own = await env.pick(2, owned("3"));
    const ids = own.map((v) => v.id);
    const result = await tokenAdapter().delete(ids);
    for (const id of ids) {
      expect(result.get(id)).toMatchObject({
        outcome: "failed",
        code: "auth",
        retryable: true,
        message: "credentials rejected by Akool: request token expired",
      });
      expect((await env.video(id)).deleted).toBe(false);
    }
    expect(await env.operations()).toEqual([
      "token",
      "delete",
      "token",
      "delete",
    ]);
  });

  it("fails every ID with auth when getToken rejects the client credentials, without calling delete", async () => {
    const own = await env.pick(2, owned("3"));
    const ids = own.map((v) => v.id);
    const result = await tokenAdapter({ clientSecret: "wrong-secret" }).delete(
      ids,
    );
    for (const id of ids) {
      expect(result.get(id)).toMatchObject({
        outcome: "failed",
        code: "auth",
        retryable: true,
        message:
          "credentials rejected by Akool: invalid clientId or clientSecret",
      });
    }
    expect(await env.operations()).toEqual(["token"]);
  });

  it("fails with the transport error when getToken itself times out", async () => {
    await env.faults({ hangRate: 1 });
    const [own] = await env.pick(1, owned("3"));
    const result = await tokenAdapter({ timeoutMs: 300 }).delete([own!.id]);
    expect(result.get(own!.id)).toMatchObject({
      outcome: "failed",
      code: "timeout",
      retryable: true,
    });
    expect(await env.operations()).toEqual(["token"]);
  });

  it("healthCheck goes through the token flow", async () => {
    expect(await tokenAdapter().healthCheck()).toEqual({
      ok: true,
      message: "credentials accepted",
    });
    expect(await env.operations()).toEqual(["token", "lookup"]);
    expect(
      await tokenAdapter({ clientId: "someone-else" }).healthCheck(),
    ).toEqual({
      ok: false,
      message:
        "credentials rejected by Akool: invalid clientId or clientSecret",
    });
  });
});
