import { expect, test, type Locator } from "@playwright/test";
import { signIn } from "./fixtures";
import {
  boxIds,
  byId,
  chooseProvider,
  confirmedRows,
  expectParsed,
  previewExpecting,
  seedVideos,
  truth,
  type SandboxVideo,
} from "./new-deletion";

// Selecting from the provider's library on /runs/new: filters, paging, multi-select and "select all N matching".
test.describe.configure({ mode: "parallel" });

async function libraryRows(table: Locator): Promise<string[][]> {
  return table
    .getByRole("rowgroup")
    .nth(1)
    .getByRole("row")
    .evaluateAll((rows) =>
      rows
        .filter((row) => row.querySelector("input[type=checkbox]"))
        .map((row) =>
          Array.from(
            row.querySelectorAll("td"),
            (cell) => cell.textContent?.trim() ?? "",
          ).slice(1, 4),
        ),
    );
}

/** Waits until the library shows a settled page whose every row passes `matches`. */
async function expectLibrarySettled(
  table: Locator,
  matches: (row: string[]) => boolean,
  minRows = 1,
): Promise<string[][]> {
  let rows: string[][] = [];
  await expect
    .poll(async () => {
      if ((await table.getAttribute("aria-busy")) !== "false") return false;
      rows = await libraryRows(table);
      return rows.length >= minRows && rows.every(matches);
    })
    .toBe(true);
  return rows;
}

const numberOf = (video: SandboxVideo) =>
  Number(/(\d+)$/.exec(video.name ?? "")?.[1]);

test("ApsaraVideo VOD library: filter by status and name, pick rows, select all matching across pages, and the run is exactly the selection", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  // Sandbox titles are "<Adjective> <noun> <number>" and the name filter is a substring match, so
  // no filter can name only new videos. Seeding a few hundred gives whole hundreds of numbers of
  // our own: "n 23" then matches canyon/garden 2300–2399 (ours) plus the old 23 and 230–239,
  // which the test unticks again before using the selection.
  const seeded = await seedVideos(request, "vod", 550);
  const mine = new Map(seeded.map((v) => [v.id, v]));
  const numbers = new Set(seeded.map(numberOf));
  const hundreds = [
    ...new Set(seeded.map((v) => Math.floor(numberOf(v) / 100))),
  ].filter((h) =>
    Array.from({ length: 100 }, (_, i) => h * 100 + i).every((n) =>
      numbers.has(n),
    ),
  );
  const named = (needle: string) =>
    seeded.filter((v) => v.name!.toLowerCase().includes(needle));
  const needle = hundreds
    .flatMap((h) => ["r", "n", "t"].map((letter) => `${letter} ${h}`))
    .sort((a, b) => named(b).length - named(a).length)[0]!;
  const wholeSet = named(needle);
  // More than one page (25 rows) of our own, whatever happens to the older matches.
  expect(wholeSet.length, needle).toBeGreaterThan(25);

  // A three-digit prefix with a few of our "Normal" videos and less than a page in all.
  const all = await truth(request, "vod");
  const live = all.filter((v) => !v.deleted);
  const prefix = [...numbers]
    .map((n) => String(Math.floor(n / 10)))
    .find(
      (p) =>
        seeded.filter((v) => v.status === "Normal" && v.name!.includes(p))
          .length >= 3 &&
        live.filter((v) => v.status === "Normal" && v.name!.includes(p))
          .length <= 20,
    )!;
  expect(prefix).toBeDefined();
  const picked = seeded
    .filter((v) => v.status === "Normal" && v.name!.includes(prefix))
    .slice(0, 3);

  await signIn(page, "operator");
  await chooseProvider(page, "vod");
  const toggle = page.getByRole("button", { name: "Select from library" });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const panel = page.locator(`#${await toggle.getAttribute("aria-controls")}`);
  const table = panel.getByRole("table");
  const status = panel.getByLabel("Status", { exact: true });
  const name = panel.getByLabel("Name", { exact: true });
  const total = async () =>
    Number(
      (await panel.getByText(/^[\d,]+ matching$/).textContent())!.replace(
        /\D/g,
        "",
      ),
    );
  const selectedCount = panel.getByText(/^\d+ videos? selected$/);

  await test.step("status and name filters are applied by the provider", async () => {
    await status.selectOption("Normal");
    await expectLibrarySettled(table, (row) => row[2] === "Normal");
    expect(await total()).toBeGreaterThan(25);
    await expect(panel.getByText("Page 1")).toBeVisible();

    await name.fill(prefix);
    const rows = await expectLibrarySettled(
      table,
      (row) => row[2] === "Normal" && row[0]!.includes(prefix),
    );
    // One page: every match is shown, ours included, and the total agrees.
    expect(await total()).toBe(rows.length);
    expect(rows.map((row) => row[1])).toEqual(
      expect.arrayContaining(picked.map((v) => v.id)),
    );
    await expect(
      panel.getByRole("button", { name: "Next page" }),
    ).toBeDisabled();
  });

  await test.step("a few rows ticked one by one", async () => {
    for (const video of picked)
      await panel
        .getByRole("checkbox", { name: `Select ${video.name}`, exact: true })
        .check();
    await expect(selectedCount).toHaveText("3 videos selected");
  });

  const expected = new Set(picked.map((v) => v.id));
  await test.step("select all matching another filter, across pages; the ticks survive", async () => {
    await status.selectOption("");
    await name.fill(needle);
    // A full first page: the narrower filter before it had less than one.
    await expectLibrarySettled(
      table,
      (row) => row[0]!.toLowerCase().includes(needle),
      25,
    );
    const matching = await total();
    expect(matching).toBeGreaterThanOrEqual(wholeSet.length);
    await panel
      .getByRole("checkbox", { name: "Select all videos on this page" })
      .check();
    await expect(
      panel.getByText("All 25 videos on this page are selected."),
    ).toBeVisible();
    await panel
      .getByRole("button", { name: `Select all ${matching} matching` })
      .click();
    const pickedElsewhere = picked.filter(
      (v) => !v.name!.toLowerCase().includes(needle),
    ).length;
    await expect(selectedCount).toHaveText(
      `${matching + pickedElsewhere} videos selected`,
    );
    // Done: the banner stops offering what is already selected.
    await expect(
      panel.getByText(`All ${matching} matching videos are selected.`),
    ).toBeVisible();
    await expect(
      panel.getByRole("button", { name: /^Select all \d+ matching$/ }),
    ).toHaveCount(0);
    const inFilter = new Set<string>();
    let pageNo = 1;
    // Walk every page: all rows are selected; untick the ones this spec did not seed.
    for (;;) {
      await expect(panel.getByText(`Page ${pageNo}`)).toBeVisible();
      const rows = await expectLibrarySettled(
        table,
        (row) =>
          row[0]!.toLowerCase().includes(needle) && !inFilter.has(row[1]!),
      );
      for (const [title, id] of rows) {
        inFilter.add(id!);
        const box = panel.getByRole("checkbox", {
          name: `Select ${title}`,
          exact: true,
        });
        await expect(box).toBeChecked();
        if (!mine.has(id!)) await box.uncheck();
        else expected.add(id!);
      }
      const next = panel.getByRole("button", { name: "Next page" });
      if (await next.isDisabled()) break;
      await next.click();
      pageNo += 1;
    }
    expect(pageNo).toBeGreaterThan(1);
    expect(inFilter.size).toBe(matching);
    // Every video of ours in the filter was listed; the rest are older ones the filter also hits.
    for (const video of wholeSet) expect(inFilter.has(video.id)).toBe(true);
    await expect(selectedCount).toHaveText(`${expected.size} videos selected`);
    await panel.getByRole("button", { name: "Previous page" }).click();
    await expect(panel.getByText(`Page ${pageNo - 1}`)).toBeVisible();
  });

  await panel
    .getByRole("button", { name: `Use ${expected.size} selected IDs` })
    .click();
  await expect.poll(() => boxIds(page)).toEqual([...expected].sort());
  await expectParsed(page, expected.size, 0, 0);
  const chosen = [...expected].map((id) => mine.get(id)!);
  // GetVideoInfos shows another application's video (AppId ≠ VOD_APP_ID): not yours, as the
  // delete will answer (ForbiddenVideoIds).
  const theirs = chosen.filter((video) => video.owner !== "console").length;
  await previewExpecting(page, {
    "Will be deleted": chosen.length - theirs,
    "Not yours": theirs,
  });

  const rows = await confirmedRows(page, expected.size);
  expect(Object.keys(rows).sort()).toEqual([...expected].sort());
  const after = new Map((await truth(request, "vod")).map((v) => [v.id, v]));
  for (const video of chosen) {
    const ours = video.owner === "console";
    expect(rows[video.id], video.id).toBe(ours ? "deleted" : "forbidden");
    expect(after.get(video.id)?.deleted, video.id).toBe(ours);
  }
});

test("memories.ai library: rows picked under two name filters (with a status) are run, and only they", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const seeded = await seedVideos(request, "memories", 12);
  const names = new Map<string, number>();
  for (const video of await truth(request, "memories"))
    names.set(video.name!, (names.get(video.name!) ?? 0) + 1);
  // Our own namespace, parsed, and a name no other video has (names are random "word_1234").
  const picked = seeded
    .filter(
      (v) =>
        v.owner === "console" &&
        v.status === "PARSE" &&
        names.get(v.name!) === 1,
    )
    .slice(0, 2);
  expect(picked).toHaveLength(2);

  await signIn(page, "operator");
  await chooseProvider(page, "memories");
  const toggle = page.getByRole("button", { name: "Select from library" });
  await toggle.click();
  const panel = page.locator(`#${await toggle.getAttribute("aria-controls")}`);
  const table = panel.getByRole("table");
  await panel.getByLabel("Status", { exact: true }).selectOption("PARSE");
  for (const video of picked) {
    await panel.getByLabel("Name", { exact: true }).fill(video.name!);
    const rows = await expectLibrarySettled(
      table,
      // The Status column says memories.ai's PARSE in words.
      (row) => row[0] === video.name && row[2] === "Ready",
    );
    expect(rows.map((row) => row[1])).toEqual([video.id]);
    await expect(panel.getByText("1 matching", { exact: true })).toBeVisible();
    await panel
      .getByRole("checkbox", { name: `Select ${video.name}`, exact: true })
      .check();
  }
  // The first row stays selected while the second filter hides it.
  await expect(panel.getByText("2 videos selected")).toBeVisible();
  await panel.getByRole("button", { name: "Use 2 selected IDs" }).click();
  await expect.poll(() => boxIds(page)).toEqual(picked.map((v) => v.id).sort());
  await expectParsed(page, 2, 0, 0);
  await previewExpecting(page, { "Will be deleted": 2 });
  expect(await confirmedRows(page, 2)).toEqual(
    byId(
      picked.map((v) => v.id),
      "deleted",
    ),
  );
  const after = await truth(request, "memories");
  for (const video of seeded)
    expect(after.find((v) => v.id === video.id)?.deleted, video.id).toBe(
      picked.includes(video),
    );
});

test("ApsaraVideo VOD library: an owner column marks other applications' videos, and columns sort", async ({
  page,
  request,
}) => {
  const foreign = (await truth(request, "vod")).find(
    (v) => v.owner !== "console" && !v.deleted && v.name,
  )!;
  await signIn(page, "operator");
  await chooseProvider(page, "vod");
  const toggle = page.getByRole("button", { name: "Select from library" });
  await toggle.click();
  const panel = page.locator(`#${await toggle.getAttribute("aria-controls")}`);
  const table = panel.getByRole("table");
  await expect(panel.getByText(/^[\d,]+ matching$/)).toBeVisible();
  await expect(
    panel.getByText("Name filter: Titles containing the text"),
  ).toBeVisible();

  await panel.getByLabel("Name", { exact: true }).fill(foreign.name!);
  const row = table.getByRole("row").filter({ hasText: foreign.id });
  await expect(row).toContainText("not yours");
  await expect(
    table.getByRole("columnheader", { name: "Owner" }),
  ).toBeVisible();

  await panel.getByLabel("Name", { exact: true }).fill("");
  await expectLibrarySettled(table, () => true, 10);
  const nameHeader = table.getByRole("columnheader", { name: "Name" });
  await nameHeader.getByRole("button").click();
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  const names = (await libraryRows(table)).map((r) => r[0]!.toLowerCase());
  expect(names).toEqual(
    [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  await nameHeader.getByRole("button").click();
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  const reversed = (await libraryRows(table)).map((r) => r[0]!.toLowerCase());
  expect(reversed).toEqual([...names].reverse());
});

test("memories.ai library: the name filter finds names containing the text, which the provider's own exact match misses", async ({
  page,
  request,
}) => {
  const [video] = (await seedVideos(request, "memories", 6)).filter(
    (v) => v.owner === "console" && v.name,
  );
  // "drone_5201" is found by "RONE_520": any part of the name, in any case.
  const needle = video!.name!.slice(1, -1).toUpperCase();
  await signIn(page, "operator");
  await chooseProvider(page, "memories");
  const toggle = page.getByRole("button", { name: "Select from library" });
  await toggle.click();
  const panel = page.locator(`#${await toggle.getAttribute("aria-controls")}`);
  const table = panel.getByRole("table");
  await expect(
    panel.getByText(
      "Name filter: Names containing the text, in any case. memories.ai itself matches whole names only",
    ),
  ).toBeVisible();
  await panel.getByLabel("Name", { exact: true }).fill(needle);
  const rows = await expectLibrarySettled(table, (row) =>
    row[0]!.toUpperCase().includes(needle),
  );
  expect(rows.map((row) => row[1])).toContain(video!.id);
});
