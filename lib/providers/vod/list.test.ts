import { describe, expect, it } from "vitest";
import type { VideoSummary } from "../types";
import { matchExpression } from "./list";
import { owned, setupSandbox } from "./testing";

// Contract tests: list through SearchMedia with ScrollToken (vod.md §5.4), against the sandbox's
// VOD fake.

const vod = setupSandbox();

async function listAll(
  filter: { status?: string; name?: string } = {},
  pageSize = 7,
): Promise<{ items: VideoSummary[]; pages: number }> {
  const adapter = vod.adapter();
  const items: VideoSummary[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await adapter.list!({ ...filter, pageSize, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor && pages < 1000);
  return { items, pages };
}

describe("list (SearchMedia)", () => {
  it("says whose each video is: another application's will end forbidden", async () => {
    const truth = await vod.truth();
    const { items } = await listAll({}, 100);
    const theirs = items.filter((item) => item.ownedByConsole === false);
    expect(theirs.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.owner).toMatch(/^app-/);
      expect(item.ownedByConsole, item.id).toBe(
        truth.get(item.id)?.owner === "console",
      );
    }
  });

  it("walks every live video once, newest first, as the sandbox has them", async () => {
    const truth = (await vod.videos()).filter((v) => !v.deleted);
    const { items, pages } = await listAll();
    expect(items).toHaveLength(truth.length);
    expect(pages).toBe(Math.ceil(truth.length / 7));
    expect(new Set(items.map((i) => i.id)).size).toBe(truth.length);
    const byId = new Map(truth.map((v) => [v.id, v]));
    for (const item of items) {
      expect(item.name).toBe(byId.get(item.id)?.name);
      expect(item.status).toBe(byId.get(item.id)?.status);
    }
    const times = items.map((i) => Date.parse(i.createdAt ?? ""));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("filters by status and by a title substring", async () => {
    const truth = await vod.videos();
    const normal = await listAll({ status: "Normal" });
    expect(normal.items.length).toBe(
      truth.filter((v) => v.status === "Normal").length,
    );
    expect(normal.items.every((i) => i.status === "Normal")).toBe(true);
    const word = truth[0]!.name.split(" ")[1]!;
    const named = await listAll({ name: word });
    const expected = truth.filter((v) =>
      v.name.toLowerCase().includes(word.toLowerCase()),
    );
    expect(named.items.map((i) => i.id).sort()).toEqual(
      expected.map((v) => v.id).sort(),
    );
    const both = await listAll({ name: word, status: "Normal" });
    expect(both.items.map((i) => i.id).sort()).toEqual(
      expected
        .filter((v) => v.status === "Normal")
        .map((v) => v.id)
        .sort(),
    );
  });

  it("quotes a title with an apostrophe instead of breaking the Match", async () => {
    expect(matchExpression({ name: "O'Brien" })).toBe(`Title = "O'Brien"`);
    expect(matchExpression({ status: "Normal", name: "x" })).toBe(
      `Status in ('Normal') and Title = 'x'`,
    );
    const page = await vod.adapter().list!({ name: "O'Brien", pageSize: 10 });
    expect(page).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it("skips nothing when the listed videos are deleted between pages", async () => {
    const adapter = vod.adapter();
    const first = await adapter.list!({ pageSize: 10 });
    expect(first.items).toHaveLength(10);
    const own = new Set((await vod.live(owned())).map((v) => v.id));
    await adapter.delete(
      first.items.map((i) => i.id).filter((id) => own.has(id)),
    );
    const seen = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await adapter.list!({ pageSize: 10, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(new Set(seen.map((i) => i.id)).size).toBe(60);
  });

  it("hides another account's videos when the sandbox reads them as invisible", async () => {
    await vod.limits({ foreignVisible: false });
    const own = (await vod.live(owned())).map((v) => v.id);
    const { items } = await listAll({}, 20);
    expect(items.map((i) => i.id).sort()).toEqual([...own].sort());
  });

  it("pages past the 5,000-record reach with ScrollToken, 100 at most per page", async () => {
    await vod.reset(5050);
    await vod.limits({ searchMediaQps: 0 });
    const big = await vod.adapter().list!({ pageSize: 500 });
    expect(big.items).toHaveLength(100);
    expect(big.total).toBe(5050);
    const { items, pages } = await listAll({}, 100);
    expect(pages).toBe(51);
    expect(new Set(items.map((i) => i.id)).size).toBe(5050);
  });

  it("refuses a garbled cursor or one from another filter", async () => {
    const adapter = vod.adapter();
    const page = await adapter.list!({ pageSize: 5, status: "Normal" });
    expect(page.nextCursor).not.toBeNull();
    await expect(
      adapter.list!({ pageSize: 5, cursor: page.nextCursor! }),
    ).rejects.toThrow(/another filter/);
    await expect(
      adapter.list!({ pageSize: 5, cursor: "garbage" }),
    ).rejects.toThrow(/Invalid VOD list cursor/);
  });

  it("throws the provider's answer when SearchMedia fails", async () => {
    await vod.faults({ errorRate: 1 });
    await expect(vod.adapter().list!({ pageSize: 5 })).rejects.toMatchObject({
      name: "ProviderListError",
      reason: "provider_failed",
      failure: { code: "InternalError", retryable: true },
    });
  });
});
