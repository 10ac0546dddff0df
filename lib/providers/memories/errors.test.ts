import { describe, expect, it } from "vitest";
import { own, setupMemoriesKit } from "./testing";

// Error paths of the memories.ai adapter that hit every call alike: the sandbox's fault injection
// and its own auth and rate-limit answers (docs/providers/memories.md §2, §5, §6). Faults on
// delete_videos alone are in delete-faults.test.ts.

const kit = setupMemoriesKit();

/** A deletable video and a missing ID, and a check that nothing was deleted. */
async function batch() {
  const [parse] = await kit.pick(own("PARSE"));
  const [missing] = await kit.missing(1);
  return {
    ids: [parse!, missing!],
    async untouched() {
      expect((await kit.truth()).get(parse!)?.deleted).toBe(false);
    },
  };
}

describe("credentials (§2)", () => {
  it("a wrong key (HTTP 200, code 9009) fails every ID as auth, retryable, never forbidden", async () => {
    const { ids, untouched } = await batch();
    const adapter = kit.adapter({ apiKey: "sk-mavi-not-a-real-key" });

    const outcomes = await adapter.delete(ids);
    const found = await adapter.lookup(ids);

    for (const id of ids) {
      expect(outcomes.get(id)).toMatchObject({
        outcome: "failed",
        code: "auth",
        retryable: true,
      });
      expect(outcomes.get(id)?.message).toBe(
        "credentials rejected by memories.ai: permission denied, please check your API key (code 9009) [HTTP 200]",
      );
      expect(found.get(id)).toMatchObject({
        state: "failed",
        code: "auth",
        retryable: true,
      });
    }
    await untouched();
  });

  it("a missing key (HTTP 401, code 0401) is auth too", async () => {
    const { ids, untouched } = await batch();

    const outcomes = await kit.adapter({ apiKey: "" }).delete(ids);

    for (const id of ids)
      expect(outcomes.get(id)).toMatchObject({
        outcome: "failed",
        code: "auth",
        retryable: true,
      });
    expect(outcomes.get(ids[0]!)?.message).toContain(
      "authorization invalid (code 0401) [HTTP 401]",
    );
    await untouched();
  });

  it("the key sent as `Bearer <key>` is rejected: the adapter sends it raw", async () => {
    const { ids, untouched } = await batch();

    const outcomes = await kit
      .adapter({ apiKey: `Bearer ${kit.credentials.apiKey}` })
      .delete(ids);

    expect(outcomes.get(ids[0]!)).toMatchObject({
      outcome: "failed",
      code: "auth",
    });
    await untouched();
    expect((await kit.adapter().delete(ids)).get(ids[0]!)?.outcome).toBe(
      "deleted",
    );
  });

  it("another account's key sees none of the console's videos", async () => {
    const [parse] = await kit.pick(own("PARSE"));
    const [theirs] = await kit.pick((v) => v.owner === "other");

    const outcomes = await kit
      .adapter({ apiKey: kit.credentials.otherApiKey })
      .delete([parse!, theirs!]);

    expect(outcomes.get(parse!)).toMatchObject({ outcome: "not_found" });
    expect(outcomes.get(theirs!)).toMatchObject({ outcome: "deleted" });
    const truth = await kit.truth();
    expect(truth.get(parse!)?.deleted).toBe(false);
    expect(truth.get(theirs!)?.deleted).toBe(true);
  });
});

describe("rate limits (§6)", () => {
  it("keeps its own calls within 5 a second per endpoint", async () => {
    const [parse] = await kit.pick(own("PARSE"));
    const adapter = kit.adapter();

    const results = await Promise.all(
      Array.from({ length: 12 }, () => adapter.lookup([parse!])),
    );

    for (const found of results)
      expect(found.get(parse!)?.state).toBe("exists");
    const times = (await kit.calls()).map((c) => c.at).sort((a, b) => a - b);
    expect(times.length).toBe(12);
    for (let i = 5; i < times.length; i++)
      expect(times[i]! - times[i - 5]!).toBeGreaterThanOrEqual(1000);
  });

  it("reads the provider's code 0429 as throttled and retryable", async () => {
    await kit.limits({ qps: 1 });
    const [parse] = await kit.pick(own("PARSE"));
    const adapter = kit.adapter();

    const [first, second] = await Promise.all([
      adapter.lookup([parse!]),
      adapter.lookup([parse!]),
    ]);

    const states = [first.get(parse!), second.get(parse!)];
    expect(states.filter((s) => s?.state === "exists")).toHaveLength(1);
    expect(states.find((s) => s?.state === "failed")).toMatchObject({
      code: "throttled",
      retryable: true,
    });
  });

  it("an injected throttle on every call fails the batch as throttled; nothing is deleted", async () => {
    await kit.faults({ throttleRate: 1 });
    const { ids, untouched } = await batch();

    const outcomes = await kit.adapter().delete(ids);

    for (const id of ids) {
      expect(outcomes.get(id)).toMatchObject({
        outcome: "failed",
        code: "throttled",
        retryable: true,
      });
      expect(outcomes.get(id)?.message).toContain("0429");
    }
    await untouched();
  });
});

describe("transport and body faults", () => {
  it("a provider that never answers is a retryable timeout", async () => {
    await kit.faults({ hangRate: 1 });
    const { ids, untouched } = await batch();

    const started = Date.now();
    const outcomes = await kit.adapter({ timeoutMs: 300 }).delete(ids);

    expect(Date.now() - started).toBeLessThan(3_000);
    for (const id of ids)
      expect(outcomes.get(id)).toMatchObject({
        outcome: "failed",
        code: "timeout",
        retryable: true,
      });
    await untouched();
  });

  it("a reset connection is a retryable network failure", async () => {
    await kit.faults({ resetRate: 1 });
    const { ids, untouched } = await batch();

    const outcomes = await kit.adapter().delete(ids);
    const found = await kit.adapter().lookup(ids);

    for (const id of ids) {
      expect(outcomes.get(id)).toMatchObject({
        outcome: "failed",
        code: "network",
        retryable: true,
      });
      expect(found.get(id)).toMatchObject({
        state: "failed",
        code: "network",
        retryable: true,
      });
    }
    await untouched();
  });

  it("a cut-off body is malformed, retryable, with the raw snippet kept", async () => {
    await kit.faults({ malformedRate: 1 });
    const { ids, untouched } = await batch();

    const outcomes = await kit.adapter().delete(ids);

    for (const id of ids) {
      expect(outcomes.get(id)).toMatchObject({
        outcome: "failed",
        code: "malformed",
        retryable: true,
      });
      expect(outcomes.get(id)?.raw).toContain('"current_page":1,"total_co');
    }
    await untouched();
  });

  it("an HTTP 500 is http_500, retryable, with the provider's code in the message", async () => {
    await kit.faults({ errorRate: 1 });
    const { ids, untouched } = await batch();

    const outcomes = await kit.adapter().delete(ids);

    for (const id of ids) {
      expect(outcomes.get(id)).toMatchObject({
        outcome: "failed",
        code: "http_500",
        retryable: true,
      });
      expect(outcomes.get(id)?.message).toBe(
        "HTTP 500 from memories.ai: 0500 internal server error",
      );
    }
    await untouched();
  });

  it("list throws and healthCheck reports when the provider fails", async () => {
    await kit.faults({ errorRate: 1 });
    const adapter = kit.adapter();

    await expect(adapter.list!({ pageSize: 10 })).rejects.toMatchObject({
      name: "ProviderListError",
      reason: "provider_failed",
      failure: { code: "http_500", retryable: true },
    });
    expect(await adapter.healthCheck()).toEqual({
      ok: false,
      message: "HTTP 500 from memories.ai: 0500 internal server error",
    });
  });
});
