import { describe, expect, it } from "vitest";
import { foreign, owned, setupSandbox } from "./testing";

// The deprecated v1.1 paths (`/serve/api/video/...`, docs/providers/memories.md §1, §4): no
// `video_nos`, no `unique_id`, every number a string. Look-ups read one page of the library when
// it fits, and fall back to one exact `video_no` query per ID when it does not.

const kit = setupSandbox();

const v11 = () => kit.adapter({ apiVersion: "v1.1" });

describe("v1.1 on a small library (one page holds it all)", () => {
  it("deletes through the v1.1 paths with the same per-ID outcomes", async () => {
    const [parse] = await kit.pickIds(1, owned("PARSE"));
    const [unparse] = await kit.pickIds(1, owned("UNPARSE"));
    const [archived] = await kit.pickIds(1, (v) => v.owner === "archive");
    const [theirs] = await kit.pickIds(1, foreign);
    const [missing] = await kit.missing(1);

    const outcomes = await v11().delete([
      parse!,
      unparse!,
      archived!,
      theirs!,
      missing!,
    ]);

    expect(outcomes.get(parse!)).toMatchObject({
      outcome: "deleted",
      code: "0000",
    });
    expect(outcomes.get(unparse!)).toMatchObject({ outcome: "deleted" });
    // v1.1 has no unique_id: it only ever sees the default namespace.
    for (const id of [archived!, theirs!, missing!])
      expect(outcomes.get(id)?.outcome, id).toBe("not_found");
    const truth = await kit.truth();
    expect(truth.get(parse!)?.deleted).toBe(true);
    expect(truth.get(unparse!)?.deleted).toBe(true);
    expect(truth.get(archived!)?.deleted).toBe(false);
    expect(truth.get(theirs!)?.deleted).toBe(false);

    const calls = await kit.calls();
    expect(calls.map((c) => `${c.operation} ${c.path}`)).toEqual([
      "list /serve/api/video/list_videos",
      "delete /serve/api/video/delete_videos",
      "list /serve/api/video/list_videos",
    ]);
    expect(calls[1]!.ids.sort()).toEqual([parse!, unparse!].sort());
  });

  it("looks up from the stringified page and reports statuses", async () => {
    const [parse] = await kit.pickIds(1, owned("PARSE"));
    const [unparse] = await kit.pickIds(1, owned("UNPARSE"));
    const [imported] = await kit.pickIds(1, (v) => v.id.startsWith("PI-"));
    const [missing] = await kit.missing(1);

    const found = await v11().lookup([parse!, unparse!, imported!, missing!]);

    expect(found.get(parse!)).toMatchObject({
      state: "exists",
      status: "PARSE",
    });
    expect(found.get(unparse!)).toMatchObject({
      state: "processing",
      status: "UNPARSE",
    });
    expect(found.get(imported!)).toMatchObject({ state: "exists" });
    expect(found.get(missing!)).toMatchObject({ state: "not_found" });
    expect((await kit.calls()).length).toBe(1);
  });

  it("lists pages with string totals, partial name match and status filter", async () => {
    const consoleVideos = (await kit.videos()).filter(
      (v) => v.owner === "console",
    );
    const adapter = v11();

    const first = await adapter.list!({ pageSize: 10 });
    expect(first.total).toBe(consoleVideos.length);
    expect(first.nextCursor).toBe("2");
    expect(first.items[0]!.createdAt).toMatch(/^2025-/);
    const second = await adapter.list!({ pageSize: 10, cursor: "2" });
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]!.id);

    const word = consoleVideos[0]!.name.split("_")[0]!;
    const named = await adapter.list!({ pageSize: 100, name: word });
    expect(named.items.length).toBe(
      consoleVideos.filter((v) => v.name.includes(word)).length,
    );

    const errors = await adapter.list!({
      pageSize: 100,
      status: "PARSE_ERROR",
    });
    expect(errors.items.length).toBe(
      consoleVideos.filter((v) => v.status === "PARSE_ERROR").length,
    );
    expect(await adapter.healthCheck()).toEqual({
      ok: true,
      message: "credentials accepted",
    });
  });
});

describe("v1.1 on a library larger than one page", () => {
  it("looks each unseen ID up alone and still gets every outcome right", async () => {
    await kit.reset(260);
    const consoleCount = (await kit.videos()).filter(
      (v) => v.owner === "console",
    ).length;
    expect(consoleCount).toBeGreaterThan(100);
    // The oldest videos are on the last pages (the sandbox lists newest first).
    const [oldParse] = await kit.pickIds(1, owned("PARSE"));
    const [oldError] = await kit.pickIds(1, owned("PARSE_ERROR"));
    const [archived] = await kit.pickIds(1, (v) => v.owner === "archive");
    const [missing] = await kit.missing(1);
    const ids = [oldParse!, oldError!, archived!, missing!];

    const outcomes = await v11().delete(ids);

    expect(outcomes.get(oldParse!)).toMatchObject({ outcome: "deleted" });
    expect(outcomes.get(oldError!)).toMatchObject({ outcome: "deleted" });
    expect(outcomes.get(archived!)).toMatchObject({ outcome: "not_found" });
    expect(outcomes.get(missing!)).toMatchObject({ outcome: "not_found" });
    const truth = await kit.truth();
    expect(truth.get(oldParse!)?.deleted).toBe(true);
    expect(truth.get(archived!)?.deleted).toBe(false);

    const calls = await kit.calls();
    const singles = calls
      .filter((c) => c.operation === "list" && c.ids.length === 1)
      .map((c) => c.ids[0]);
    expect(new Set(singles)).toEqual(new Set(ids));
    const deletes = calls.filter((c) => c.operation === "delete");
    expect(deletes).toHaveLength(1);
    expect(deletes[0]!.ids.sort()).toEqual([oldParse!, oldError!].sort());
  });

  it("sends at most 20 IDs per delete call (one look-up per ID costs 0.2 s each)", async () => {
    await kit.reset(260);
    const ids = await kit.pickIds(25, owned("PARSE"));

    const outcomes = await v11().delete(ids);

    expect(v11().maxBatch).toBe(20);
    expect([...outcomes.values()].every((o) => o.outcome === "deleted")).toBe(
      true,
    );
    const deletes = (await kit.calls()).filter((c) => c.operation === "delete");
    expect(deletes.map((c) => c.ids.length)).toEqual([20, 5]);
  });
});
