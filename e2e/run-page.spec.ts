import { readFile } from "node:fs/promises";
import {
  expect,
  test,
  type APIRequestContext,
  type Locator,
  type Page,
} from "@playwright/test";
import Papa from "papaparse";
import { SANDBOX, signIn, waitForRunEnd } from "./fixtures";
import { missingIds, truth } from "./new-deletion";

// The run page as an operator works through a finished run: the outcome chips agree with the
// API's counts and filter the rows (the address bar carries the filter), column sorting and the
// video-ID search reorder and narrow the server's rows, "Export CSV" and "Copy IDs" give exactly
// the filtered rows, "Start a new run from these rows" loads them on /runs/new for a fresh preview
// and confirmation, and the row table renders only what fits while scrolling reaches the last row.
//
// Other specs delete from the same sandbox at the same time, so the run is made of videos the
// sandbox adds for this test (some of them another account's) and IDs that never existed.

type Outcome =
  "deleted" | "forbidden" | "not_found" | "processing" | "failed" | "pending";

/** The chips, in the order the page shows them, with their labels. */
const CHIPS: [Outcome, string][] = [
  ["deleted", "Deleted"],
  ["forbidden", "Forbidden"],
  ["not_found", "Doesn't exist"],
  ["processing", "Still processing"],
  ["failed", "Failed"],
  ["pending", "Pending"],
];

interface ShownRow {
  videoId: string;
  outcome: string;
}

/** 50 new VOD videos (about one in eight is another account's) and 10 IDs that never existed. */
async function freshIds(request: APIRequestContext) {
  const seeded = await request.post(`${SANDBOX}/seed`, {
    data: { provider: "vod", count: 50 },
  });
  expect(seeded.status()).toBe(200);
  const added = new Set<string>((await seeded.json()).ids);
  const videos = await truth(request, "vod");
  const ours = videos.filter((video) => added.has(video.id) && !video.deleted);
  const own = ours.filter((v) => v.owner === "console").map((v) => v.id);
  const foreign = ours.filter((v) => v.owner === "other").map((v) => v.id);
  const missing = await missingIds(request, "vod", 10);
  expect(own.length).toBeGreaterThan(30);
  expect(foreign.length).toBeGreaterThan(0);
  return { own, foreign, missing };
}

/** Paste → preview → typed phrase, as deletion.spec.ts does; returns the new run's ID. */
async function startRun(page: Page, ids: string[]): Promise<string> {
  await page.getByLabel("Provider", { exact: true }).selectOption("vod");
  await page.getByLabel("Video IDs").fill(ids.join("\n"));
  await expect(
    page.getByText(`${ids.length} valid`, { exact: true }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(
    page
      .getByRole("list", { name: "Expected outcomes" })
      .getByRole("button", { name: /Will be deleted/ }),
  ).toContainText(/[1-9]/);
  await page.getByRole("button", { name: "Delete videos…" }).click();
  const dialog = page.getByRole("dialog", {
    name: "Confirm permanent deletion",
  });
  await dialog
    .getByLabel("Type the phrase to confirm")
    .fill(`delete ${ids.length} videos`);
  await dialog.getByRole("button", { name: "Delete permanently" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

/** The rows the table has in the DOM (virtualised: not necessarily all), top to bottom. */
async function shownRows(table: Locator): Promise<ShownRow[]> {
  const rows = await table
    .locator("tbody [role=row][aria-rowindex]")
    .evaluateAll((elements) =>
      elements
        .map((row) => ({
          index: Number(row.getAttribute("aria-rowindex")),
          cells: [...row.querySelectorAll("[role=cell]")].map(
            (cell) => cell.textContent ?? "",
          ),
        }))
        .sort((a, b) => a.index - b.index),
    );
  return rows.map(({ cells }) => ({
    videoId: cells[0]!,
    outcome: cells[1]!,
  }));
}

/**
 * The rendered rows are the first rows of `expected`, in its order. Waits out the previous
 * query's rows, which stay on screen until the new ones arrive.
 */
async function expectOrder(table: Locator, expected: string[]): Promise<void> {
  await expect
    .poll(async () => {
      const ids = (await shownRows(table)).map((row) => row.videoId);
      if (ids.length === 0) return ["no rows rendered"];
      return ids.flatMap((id, i) =>
        id === expected[i]
          ? []
          : [`row ${i + 1}: ${id}, expected ${expected[i]}`],
      );
    })
    .toEqual([]);
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

test("run page: chips, filters, sorting, export, copy and a new run from the rows", async ({
  page,
  request,
  context,
}) => {
  test.setTimeout(180_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { own, foreign, missing } = await freshIds(request);
  const all = [...own, ...foreign, ...missing];

  await signIn(page, "operator");
  const runId = await startRun(page, all);
  await waitForRunEnd(page.request, runId);
  const run: { total: number; counts: Record<Outcome, number> } = await (
    await page.request.get(`/api/runs/${runId}`)
  ).json();
  expect(run.total).toBe(all.length);
  expect(run.counts).toMatchObject({
    deleted: own.length,
    forbidden: foreign.length,
    not_found: missing.length,
  });

  const chips = page.getByRole("group", { name: "Filter by outcome" });
  const chip = (name: string) =>
    chips.getByRole("button", { name: new RegExp(`^${name} `) });
  const table = page.getByRole("table", { name: "Run rows" });
  const pageRange = (count: number) =>
    page.getByText(`Rows 1–${count} of ${count}`, { exact: true });
  // Rows for a query are in once the pager counts them and no request is in flight.
  const settled = async (count: number) => {
    await expect(pageRange(count)).toBeVisible();
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  };

  // The page polled while the run was going; its last poll shows the final counts.
  await test.step("every chip shows the API's count", async () => {
    await expect(chip("All")).toHaveAccessibleName(`All ${run.total}`);
    for (const [outcome, name] of CHIPS)
      await expect(chip(name)).toHaveAccessibleName(
        `${name} ${run.counts[outcome]}`,
      );
    await settled(all.length);
  });

  await test.step("only the rows on screen are rendered; scrolling reaches the last", async () => {
    await expect(table).toHaveAttribute(
      "aria-rowcount",
      String(all.length + 1),
    );
    const rendered = table.locator("tbody [role=row][aria-rowindex]");
    const before = await rendered.count();
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(all.length);
    const last = table.locator(`[aria-rowindex="${all.length + 1}"]`);
    await expect(last).toHaveCount(0);
    const region = page.getByRole("region", { name: "Run rows (scrollable)" });
    await region.scrollIntoViewIfNeeded();
    await region.evaluate((element) =>
      element.scrollTo({ top: element.scrollHeight }),
    );
    await expect(last).toBeInViewport();
    await expect(last.getByRole("cell").first()).toHaveText(
      sorted(all).at(-1)!,
    );
    await expect(table.locator('[aria-rowindex="2"]')).toHaveCount(0);
    expect(await rendered.count()).toBeLessThan(all.length);
  });

  await test.step("a chip filters the rows and the URL carries it", async () => {
    await chip("Forbidden").click();
    await expect(page).toHaveURL(/[?&]outcome=forbidden(&|$)/);
    await expect(chip("Forbidden")).toHaveAttribute("aria-pressed", "true");
    await settled(foreign.length);
    const rows = await shownRows(table);
    expect(rows.map((row) => row.outcome)).toEqual(
      foreign.map(() => "Forbidden"),
    );
    expect(rows.map((row) => row.videoId)).toEqual(sorted(foreign));

    // The filtered view is a link: opening it fresh shows the same rows.
    await page.goto(page.url());
    await expect(chip("Forbidden")).toHaveAttribute("aria-pressed", "true");
    await settled(foreign.length);
    expect(await shownRows(table)).toEqual(rows);
  });

  await test.step("Copy IDs puts exactly the filtered IDs on the clipboard", async () => {
    await page.evaluate(() => navigator.clipboard.writeText("stale"));
    await page.getByRole("button", { name: "Copy IDs" }).click();
    await expect(
      page.getByText(
        `Copied ${foreign.length} ID${foreign.length === 1 ? "" : "s"}`,
      ),
    ).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(sorted(copied.split("\n"))).toEqual(sorted(foreign));
  });

  await test.step("Export CSV of a filter has exactly the filtered rows", async () => {
    await chip("Doesn't exist").click();
    await expect(page).toHaveURL(/[?&]outcome=not_found(&|$)/);
    await settled(missing.length);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-not_found-.*\.csv$/);
    const csv = Papa.parse<Record<string, string>>(
      await readFile((await download.path())!, "utf8"),
      { header: true, skipEmptyLines: true },
    );
    expect(csv.errors).toEqual([]);
    expect(csv.meta.fields).toEqual([
      "videoId",
      "outcome",
      "code",
      "message",
      "attempts",
      "updatedAt",
    ]);
    expect(sorted(csv.data.map((row) => row.videoId!))).toEqual(
      sorted(missing),
    );
    expect(new Set(csv.data.map((row) => row.outcome))).toEqual(
      new Set(["not_found"]),
    );
  });

  await test.step("sorting by a column changes the order", async () => {
    await chip("All").click();
    await expect(page).not.toHaveURL(/outcome=/);
    await settled(all.length);
    const header = (name: string) => table.getByRole("columnheader", { name });
    await expect(header("Video ID")).toHaveAttribute("aria-sort", "ascending");
    await expectOrder(table, sorted(all));

    await header("Video ID").getByRole("button").click();
    await expect(page).toHaveURL(/[?&]sort=videoId&dir=desc(&|$)/);
    await expect(header("Video ID")).toHaveAttribute("aria-sort", "descending");
    await expectOrder(table, sorted(all).reverse());

    // Outcomes sort in the order of the database enum (pending, deleted, forbidden, not_found,
    // processing, failed), by video ID within each outcome.
    await header("Outcome").getByRole("button").click();
    await expect(page).toHaveURL(/[?&]sort=outcome&dir=asc(&|$)/);
    await expectOrder(table, [
      ...sorted(own),
      ...sorted(foreign),
      ...sorted(missing),
    ]);
    await header("Outcome").getByRole("button").click();
    await expect(page).toHaveURL(/[?&]sort=outcome&dir=desc(&|$)/);
    await expect(header("Outcome")).toHaveAttribute("aria-sort", "descending");
    await expectOrder(table, [
      ...sorted(missing),
      ...sorted(foreign),
      ...sorted(own),
    ]);
  });

  await test.step("the video-ID filter narrows the rows", async () => {
    const target = foreign[0]!;
    const part = target.slice(6, 18);
    const matching = all.filter((id) => id.includes(part));
    await page.getByLabel("Filter by video ID").fill(part);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${part}(&|$)`));
    await settled(matching.length);
    const rows = await shownRows(table);
    expect(rows.map((row) => row.videoId)).toEqual(sorted(matching));
    expect(rows.every((row) => row.videoId.includes(part))).toBe(true);

    // Every action applies to exactly these rows, not to all rows of the outcome.
    await expect(
      page.getByText(`All rows with “${part}” in the ID (${matching.length})`),
    ).toBeVisible();
    await page.getByRole("button", { name: "Copy IDs" }).click();
    await expect(
      page.getByText(
        `Copied ${matching.length} ID${matching.length === 1 ? "" : "s"}`,
      ),
    ).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(sorted(copied.split("\n"))).toEqual(sorted(matching));
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    const csv = Papa.parse<Record<string, string>>(
      await readFile((await download.path())!, "utf8"),
      { header: true, skipEmptyLines: true },
    );
    expect(sorted(csv.data.map((row) => row.videoId!))).toEqual(
      sorted(matching),
    );
    await expect(
      page.getByRole("link", { name: "Start a new run from these rows" }),
    ).toHaveAttribute("href", new RegExp(`[?&]q=${part}(&|$)`));

    await page.getByLabel("Filter by video ID").fill("");
    await expect(page).not.toHaveURL(/[?&]q=/);
    await settled(all.length);
  });

  await test.step("a new run from the filtered rows is previewed and confirmed again", async () => {
    await chip("Doesn't exist").click();
    await settled(missing.length);
    await page
      .getByRole("link", { name: "Start a new run from these rows" })
      .click();
    await expect(page).toHaveURL(
      new RegExp(`/runs/new\\?.*fromRun=${runId}.*outcome=not_found`),
    );
    await expect(page.getByLabel("Provider", { exact: true })).toHaveValue(
      "vod",
    );
    await expect(
      page.getByText(`Loaded ${missing.length} IDs into the list.`),
    ).toBeVisible();
    await expect(
      page.getByText(`${missing.length} valid`, { exact: true }),
    ).toBeVisible();
    const box = await page.getByLabel("Video IDs").inputValue();
    expect(sorted(box.split("\n"))).toEqual(sorted(missing));

    const deleteButton = page.getByRole("button", { name: "Delete videos…" });
    await expect(deleteButton).toBeDisabled();
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await expect(
      page
        .getByRole("list", { name: "Expected outcomes" })
        .getByRole("button", { name: /Already gone/ }),
    ).toHaveAccessibleName(`Already gone ${missing.length}`);
    await deleteButton.click();
    const dialog = page.getByRole("dialog", {
      name: "Confirm permanent deletion",
    });
    await expect(dialog).toContainText(`delete ${missing.length} videos`);
    await expect(
      dialog.getByRole("button", { name: "Delete permanently" }),
    ).toBeDisabled();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
  });
});
