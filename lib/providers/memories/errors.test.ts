import { describe, expect, it } from "vitest";
import { foreign, owned, setupSandbox } from "./testing";

// Error paths of the memories.ai adapter that only memories.ai has: its missing-key and raw-key
// answers, another account's key, its own pacing and 0429 (docs/providers/memories.md §2, §6), and
// list's failure. Injected faults common to all adapters (throttle, 5xx, hang, reset, malformed,
// wrong or revoked key) are in ../adapter-faults.test.ts; faults on delete_videos alone are in
// delete-faults.test.ts.

const kit = setupSandbox();

/** A deletable video and a missing ID, and a check that nothing was deleted. */
async function batch() {
  const [parse] = await kit.pickIds(1, owned("PARSE"));
  const [missing] = await kit.missing(1);
  return {
    ids: [parse!, missing!],
    untouched: () => kit.expectUntouched([parse!]),
  };
}

describe("credentials (§2)", () => {
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
    const [parse] = await kit.pickIds(1, owned("PARSE"));
    const [theirs] = await kit.pickIds(1, foreign);

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
    const [parse] = await kit.pickIds(1, owned("PARSE"));
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
    const [parse] = await kit.pickIds(1, owned("PARSE"));
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
});

describe("list", () => {
  it("throws the provider's failure when list_videos fails", async () => {
    await kit.faults({ errorRate: 1 });

    await expect(kit.adapter().list!({ pageSize: 10 })).rejects.toMatchObject({
      name: "ProviderListError",
      reason: "provider_failed",
      failure: { code: "http_500", retryable: true },
    });
  });
});
