import { describe, expect, it } from "vitest";
import { foreign, owned, setupSandbox } from "./testing";
import { startFaultProxy } from "../../testing/endpoint-fault-proxy";

// lookup, list and healthCheck of the memories.ai adapter (v1 paths) against the sandbox
// (docs/providers/memories.md §4, §7).

const kit = setupSandbox();

describe("lookup", () => {
  it("reports existence, status and name; absence for other namespaces and accounts", async () => {
    const [parse] = await kit.pickIds(1, owned("PARSE"));
    const [unparse] = await kit.pickIds(1, owned("UNPARSE"));
    const [parseError] = await kit.pickIds(1, owned("PARSE_ERROR"));
    const [imported] = await kit.pickIds(1, (v) => v.id.startsWith("PI-"));
    const [archived] = await kit.pickIds(1, (v) => v.owner === "archive");
    const [theirs] = await kit.pickIds(1, foreign);
    const [missing] = await kit.missing(1);
    const truth = await kit.truth();

    const found = await kit
      .adapter()
      .lookup([
        parse!,
        unparse!,
        parseError!,
        imported!,
        archived!,
        theirs!,
        missing!,
        "bad",
      ]);

    expect(found.get(parse!)).toEqual({
      state: "exists",
      status: "PARSE",
      name: truth.get(parse!)!.name,
    });
    expect(found.get(unparse!)).toMatchObject({
      state: "processing",
      status: "UNPARSE",
    });
    expect(found.get(parseError!)).toMatchObject({
      state: "exists",
      status: "PARSE_ERROR",
    });
    expect(found.get(imported!)).toMatchObject({
      state: "exists",
      status: "PARSE",
    });
    expect(found.get(imported!)?.message).toContain("PI-");
    for (const id of [archived!, theirs!, missing!])
      expect(found.get(id)?.state, id).toBe("not_found");
    expect(found.get("bad")).toMatchObject({
      state: "failed",
      code: "invalid_id",
      retryable: false,
    });
    expect((await kit.calls()).map((c) => c.operation)).toEqual(["lookup"]);
  });

  it("passes the FAILED spelling through (§7 [doc inconsistency])", async () => {
    await kit.limits({ failedStatus: "FAILED" });
    const [failed] = await kit.pickIds(1, owned("FAILED"));

    const found = await kit.adapter().lookup([failed!]);

    expect(found.get(failed!)).toMatchObject({
      state: "exists",
      status: "FAILED",
    });
  });
});

describe("lookup fallbacks", () => {
  it("asks per ID when a batch look-up answers 0001 video not found (§5)", async () => {
    const [parse] = await kit.pickIds(1, owned("PARSE"));
    const [missing] = await kit.missing(1);
    const proxy = await startFaultProxy(kit.url);
    const notFound = JSON.stringify({
      code: "0001",
      msg: "video not found",
      data: null,
    });
    proxy.rule = (call) =>
      call.body.includes("video_nos")
        ? { kind: "reply", status: 200, body: notFound }
        : { kind: "forward" };
    try {
      const adapter = kit.adapter({ baseUrl: `${proxy.url}/memories` });
      const found = await adapter.lookup([parse!, missing!]);

      expect(found.get(parse!)).toMatchObject({
        state: "exists",
        status: "PARSE",
      });
      expect(found.get(missing!)).toMatchObject({ state: "not_found" });
      const singles = proxy.calls.filter((c) => c.body.includes('"video_no"'));
      expect(singles).toHaveLength(2);
    } finally {
      await proxy.stop();
    }
  });
});

describe("list", () => {
  it("pages through the namespace with page numbers as cursors (§4)", async () => {
    const adapter = kit.adapter();
    const expected = (await kit.videos()).filter(
      (v) => v.owner === "console" && !v.deleted,
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await adapter.list!({ cursor, pageSize: 7 });
      expect(page.total).toBe(expected.length);
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
      if (cursor) expect(cursor).toBe(String(pages + 1));
    } while (cursor);

    expect(pages).toBe(Math.ceil(expected.length / 7));
    expect(seen.sort()).toEqual(expected.map((v) => v.id).sort());
  });

  it("filters by status and exact name, with names and ISO creation times", async () => {
    const adapter = kit.adapter();
    const consoleVideos = (await kit.videos()).filter(
      (v) => v.owner === "console",
    );
    const parse = await adapter.list!({ pageSize: 100, status: "PARSE" });
    expect(parse.items.length).toBe(
      consoleVideos.filter((v) => v.status === "PARSE").length,
    );
    expect(parse.items.every((item) => item.status === "PARSE")).toBe(true);
    expect(parse.items[0]!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const target = consoleVideos[0]!;
    const named = await adapter.list!({ pageSize: 100, name: target.name });
    expect(named.items.map((item) => item.id)).toContain(target.id);
    expect(named.items.every((item) => item.name === target.name)).toBe(true);

    await kit.limits({ failedStatus: "FAILED" });
    const failed = await adapter.list!({ pageSize: 100, status: "FAILED" });
    expect(failed.items.length).toBe(
      consoleVideos.filter((v) => v.status === "PARSE_ERROR").length,
    );
    expect(failed.items.every((item) => item.status === "FAILED")).toBe(true);
  });

  it("lists only the configured namespace", async () => {
    const archived = (await kit.videos()).filter((v) => v.owner === "archive");
    const page = await kit.adapter({ uniqueId: "archive" }).list!({
      pageSize: 100,
    });
    expect(page.items.map((item) => item.id).sort()).toEqual(
      archived.map((v) => v.id).sort(),
    );
    expect(page.nextCursor).toBeNull();
  });
});

describe("healthCheck", () => {
  it("accepts the console's key and reports the provider's words for a wrong one", async () => {
    expect(await kit.adapter().healthCheck()).toEqual({
      ok: true,
      message: "credentials accepted",
    });
    const bad = await kit.adapter({ apiKey: "sk-mavi-wrong" }).healthCheck();
    expect(bad.ok).toBe(false);
    expect(bad.message).toContain(
      "permission denied, please check your API key",
    );
  });
});
