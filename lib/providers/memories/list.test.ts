import { describe, expect, it } from "vitest";
import type { ListParams, Page, VideoSummary } from "../types";
import { setupSandbox } from "./testing";

// list() against the sandbox's memories.ai fake, whose list_videos matches `video_name` exactly
// (memories.md §4, v1): the console's name filter is a substring search of its own.

const memories = setupSandbox();

async function listAll(
  filter: Omit<ListParams, "pageSize" | "cursor">,
  pageSize: number,
): Promise<{ items: VideoSummary[]; pages: Page<VideoSummary>[] }> {
  const adapter = memories.adapter();
  const pages: Page<VideoSummary>[] = [];
  let cursor: string | undefined;
  do {
    const page = await adapter.list!({ ...filter, pageSize, cursor });
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 100);
  return { items: pages.flatMap((page) => page.items), pages };
}

describe("list (list_videos)", () => {
  it("finds names that contain the text, in any case, which the provider's exact match misses", async () => {
    const { items: everything } = await listAll({}, 100);
    const sample = everything.find((video) => video.name.includes("_"))!;
    const [word, digits] = sample.name.split("_") as [string, string];
    const needle = `${word.slice(1).toUpperCase()}_${digits.slice(0, 2)}`;
    const expected = everything
      .filter((video) =>
        video.name.toLowerCase().includes(needle.toLowerCase()),
      )
      .map((video) => video.id);
    expect(expected).toContain(sample.id);

    const { items, pages } = await listAll({ name: needle }, 25);
    expect(items.map((video) => video.id).sort()).toEqual(expected.sort());
    // The whole library fits in one search call: the count is exact and nothing is left.
    expect(pages).toHaveLength(1);
    expect(pages[0]!.total).toBe(expected.length);
    expect(pages[0]!.searched).toEqual({
      through: everything.length,
      of: everything.length,
    });
  });

  it("keeps searching page by page, each call saying how far it reached", async () => {
    await memories.reset(600);
    const { items: everything } = await listAll({}, 100);
    const { items, pages } = await listAll({ name: "_" }, 25);
    expect(items).toHaveLength(everything.length);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]!.total).toBeUndefined();
    expect(pages[0]!.searched).toEqual({ through: 100, of: everything.length });
    expect(pages.at(-1)!.searched?.through).toBe(everything.length);
  });
});
