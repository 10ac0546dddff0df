import { describe, expect, it } from "vitest";
import { MEMORIES_ID_PATTERN } from "./adapter";
import { foreign, owned, setupSandbox } from "./testing";

// Contract tests of the memories.ai adapter (v1 paths) against the sandbox, following the outcome
// mapping of docs/providers/memories.md §8. Look-up and list: lookup.test.ts; errors:
// errors.test.ts and delete-faults.test.ts; v1.1: v11.test.ts.

const kit = setupSandbox();

describe("adapter description", () => {
  it("states the documented limits, statuses and ID forms", () => {
    const adapter = kit.adapter();
    expect(adapter.id).toBe("memories");
    expect(adapter.maxBatch).toBe(100);
    expect(adapter.rateLimit).toEqual({ requests: 5, perMs: 1000 });
    expect(adapter.statuses).toEqual([
      "UNPARSE",
      "PARSE",
      "PARSE_ERROR",
      "FAILED",
    ]);
    for (const id of [
      "VI606404158946574336",
      "VI1234567890",
      "PI-603068775285264430",
    ]) {
      expect(MEMORIES_ID_PATTERN.test(id), id).toBe(true);
    }
    for (const id of [
      "VI_abc123",
      "re_657739295220518912",
      "VI12345",
      "vi606404158946574336",
      "PI603068775285264430",
    ]) {
      expect(MEMORIES_ID_PATTERN.test(id), id).toBe(false);
    }
  });
});

describe("delete", () => {
  it("derives per-ID outcomes from look-ups before and after (§8)", async () => {
    const [parse] = await kit.pickIds(1, owned("PARSE"));
    const [unparse] = await kit.pickIds(1, owned("UNPARSE"));
    const [parseError] = await kit.pickIds(1, owned("PARSE_ERROR"));
    const [archived] = await kit.pickIds(1, (v) => v.owner === "archive");
    const [theirs] = await kit.pickIds(1, foreign);
    const missing = await kit.missing(2);
    const ids = [
      parse!,
      unparse!,
      parseError!,
      archived!,
      theirs!,
      ...missing,
      parse!,
    ];

    const outcomes = await kit.adapter().delete(ids);

    expect(outcomes.size).toBe(7);
    for (const id of [parse!, unparse!, parseError!]) {
      expect(outcomes.get(id)).toMatchObject({
        outcome: "deleted",
        code: "0000",
        retryable: false,
      });
    }
    for (const id of [archived!, theirs!, ...missing]) {
      expect(outcomes.get(id)).toMatchObject({
        outcome: "not_found",
        retryable: false,
      });
    }
    expect([...outcomes.values()].some((o) => o.outcome === "forbidden")).toBe(
      false,
    );

    const truth = await kit.truth();
    for (const [id, outcome] of outcomes) {
      if (outcome.outcome === "deleted")
        expect(truth.get(id)?.deleted, id).toBe(true);
    }
    expect(truth.get(archived!)?.deleted).toBe(false);
    expect(truth.get(theirs!)?.deleted).toBe(false);

    // Only the IDs listed before reach delete_videos, bracketed by two batch look-ups.
    const calls = await kit.calls();
    expect(calls.map((c) => c.operation)).toEqual([
      "lookup",
      "delete",
      "lookup",
    ]);
    expect(calls[0]!.path).toBe("/serve/api/v1/list_videos");
    expect(new Set(calls[0]!.ids)).toEqual(new Set(ids));
    expect(calls[1]!.path).toBe("/serve/api/v1/delete_videos");
    expect(calls[1]!.ids.sort()).toEqual(
      [parse!, unparse!, parseError!].sort(),
    );
    expect(calls[2]!.ids.sort()).toEqual(
      [parse!, unparse!, parseError!].sort(),
    );
  });

  it("acts in the configured unique_id namespace only (§2)", async () => {
    const [archived] = await kit.pickIds(1, (v) => v.owner === "archive");
    const [parse] = await kit.pickIds(1, owned("PARSE"));

    const outcomes = await kit
      .adapter({ uniqueId: "archive" })
      .delete([archived!, parse!]);

    expect(outcomes.get(archived!)).toMatchObject({ outcome: "deleted" });
    expect(outcomes.get(parse!)).toMatchObject({ outcome: "not_found" });
    expect(outcomes.get(parse!)?.message).toContain('unique_id "archive"');
    const truth = await kit.truth();
    expect(truth.get(archived!)?.deleted).toBe(true);
    expect(truth.get(parse!)?.deleted).toBe(false);
  });

  it("makes no delete call when nothing was listed, and a repeat is not_found", async () => {
    const [parse] = await kit.pickIds(1, owned("PARSE"));
    const adapter = kit.adapter();
    expect((await adapter.delete([parse!])).get(parse!)?.outcome).toBe(
      "deleted",
    );
    await kit.mark();

    const again = await adapter.delete([parse!]);

    expect(again.get(parse!)).toMatchObject({
      outcome: "not_found",
      retryable: false,
    });
    expect((await kit.calls()).map((c) => c.operation)).toEqual(["lookup"]);
  });

  it("splits more than 100 IDs into delete calls of at most 100 (§3)", async () => {
    await kit.reset(400);
    const ids = [
      ...(await kit.pickIds(130, owned("PARSE"))),
      ...(await kit.missing(5)),
    ];

    const outcomes = await kit.adapter().delete(ids);

    expect(outcomes.size).toBe(135);
    expect(
      [...outcomes.values()].filter((o) => o.outcome === "deleted"),
    ).toHaveLength(130);
    expect(
      [...outcomes.values()].filter((o) => o.outcome === "not_found"),
    ).toHaveLength(5);
    const deletes = (await kit.calls()).filter((c) => c.operation === "delete");
    expect(deletes.length).toBe(2);
    for (const call of deletes)
      expect(call.ids.length).toBeLessThanOrEqual(100);
    const truth = await kit.truth();
    for (const id of ids.slice(0, 130))
      expect(truth.get(id)?.deleted, id).toBe(true);
  });

  it("reports a PI- import that survives delete as failed, not deleted (§7)", async () => {
    const [imported] = await kit.pickIds(
      1,
      (v) => v.owner === "console" && v.id.startsWith("PI-"),
    );

    const kept = await kit.adapter().delete([imported!]);

    expect(kept.get(imported!)).toMatchObject({
      outcome: "failed",
      code: "still_present",
      retryable: false,
    });
    expect(kept.get(imported!)?.message).toMatch(
      /still shows it with status PARSE.*PI-/,
    );
    expect((await kit.truth()).get(imported!)?.deleted).toBe(false);

    await kit.limits({ publicImportDeletable: true });
    const removed = await kit.adapter().delete([imported!]);
    expect(removed.get(imported!)).toMatchObject({ outcome: "deleted" });
    expect((await kit.truth()).get(imported!)?.deleted).toBe(true);
  });

  it("reports an UNPARSE video the provider kept as processing (§8 step 3)", async () => {
    await kit.limits({ unparseDeletable: false });
    const [unparse] = await kit.pickIds(1, owned("UNPARSE"));
    const [parse] = await kit.pickIds(1, owned("PARSE"));

    const outcomes = await kit.adapter().delete([unparse!, parse!]);

    expect(outcomes.get(unparse!)).toMatchObject({
      outcome: "processing",
      code: "still_present",
      retryable: true,
    });
    expect(outcomes.get(parse!)).toMatchObject({ outcome: "deleted" });
    const truth = await kit.truth();
    expect(truth.get(unparse!)?.deleted).toBe(false);
    expect(truth.get(parse!)?.deleted).toBe(true);
  });

  it("accepts data {} as well as null in the delete answer (§3)", async () => {
    await kit.limits({ deleteData: "object" });
    const [parse] = await kit.pickIds(1, owned("PARSE"));

    const outcomes = await kit.adapter().delete([parse!]);

    expect(outcomes.get(parse!)).toMatchObject({
      outcome: "deleted",
      code: "0000",
    });
    expect((await kit.truth()).get(parse!)?.deleted).toBe(true);
  });

  it("answers malformed IDs without sending them", async () => {
    const [parse] = await kit.pickIds(1, owned("PARSE"));

    const outcomes = await kit.adapter().delete(["VI_abc123", parse!]);

    expect(outcomes.get("VI_abc123")).toMatchObject({
      outcome: "failed",
      code: "invalid_id",
      retryable: false,
    });
    expect(outcomes.get(parse!)?.outcome).toBe("deleted");
    for (const call of await kit.calls())
      expect(call.ids).not.toContain("VI_abc123");
  });
});
