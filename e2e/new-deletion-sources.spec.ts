import {
  expect,
  test,
  type APIRequestContext,
  type Browser,
  type Locator,
  type Page,
} from "@playwright/test";
import { E2E_PORT } from "../playwright.config";
import { signIn, waitForRunEnd } from "./fixtures";

// The other ways to fill the "Video IDs" box on /runs/new, driven as an operator would: a .txt or
// .csv upload (with the ID column chosen), the provider's library (filters, paging, multi-select,
// "select all N matching"), and rows of an earlier run (picker and the run page's deep link); then
// the typed confirmation dialog itself, including a start request the server refuses.
//
// Other specs delete videos in the same sandbox at the same time, so every video deleted here is
// one this spec seeded (or another account's video, which the provider refuses to delete), and
// every count asserted is about those videos.
const SANDBOX = `http://127.0.0.1:${E2E_PORT + 10}/__sandbox`;
const BASE_URL = `http://localhost:${E2E_PORT}`;

interface SandboxVideo {
  id: string;
  name?: string;
  status: string;
  owner: string;
  deleted: boolean;
}

interface RunRow {
  videoId: string;
  outcome: string;
}

const EXPECTATIONS = [
  "Will be deleted",
  "Already gone",
  "Still processing",
  "Not yours",
  "Could not check",
  "Malformed",
] as const;
type Expectation = (typeof EXPECTATIONS)[number];

async function truth(
  request: APIRequestContext,
  provider: string,
): Promise<SandboxVideo[]> {
  return (await request.get(`${SANDBOX}/videos?provider=${provider}`)).json();
}

/** Adds `count` videos to the provider's library; returns them in creation order. */
async function seedVideos(
  request: APIRequestContext,
  provider: string,
  count: number,
): Promise<SandboxVideo[]> {
  const response = await request.post(`${SANDBOX}/seed`, {
    data: { provider, count },
  });
  expect(response.status()).toBe(200);
  const ids = new Set<string>((await response.json()).ids);
  const videos = (await truth(request, provider)).filter((v) => ids.has(v.id));
  expect(videos).toHaveLength(count);
  return videos;
}

/** Seeded videos this account may delete. */
async function deletableVideos(
  request: APIRequestContext,
  provider: string,
  count: number,
): Promise<string[]> {
  const videos = await seedVideos(request, provider, count + 4);
  const ids = videos
    .filter((v) => v.owner === "console")
    .slice(0, count)
    .map((v) => v.id);
  expect(ids).toHaveLength(count);
  return ids;
}

async function missingIds(
  request: APIRequestContext,
  provider: string,
  count: number,
): Promise<string[]> {
  const response = await request.get(
    `${SANDBOX}/missing?provider=${provider}&count=${count}`,
  );
  return (await response.json()).ids;
}

async function runRows(
  request: APIRequestContext,
  runId: string,
): Promise<Record<string, string>> {
  const rows: RunRow[] = await (
    await request.get(`/api/runs/${runId}/export?format=json`)
  ).json();
  return Object.fromEntries(rows.map((row) => [row.videoId, row.outcome]));
}

const byId = (ids: string[], outcome: string) =>
  Object.fromEntries(ids.map((id) => [id, outcome]));

const idsBox = (page: Page) => page.getByLabel("Video IDs", { exact: true });

/** The distinct lines of the "Video IDs" box, sorted. */
async function boxIds(page: Page): Promise<string[]> {
  const text = await idsBox(page).inputValue();
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .sort();
}

/** The parse summary under the box: valid, duplicates removed, malformed. */
async function expectParsed(
  page: Page,
  valid: number,
  duplicates: number,
  malformed: number,
): Promise<void> {
  const summary = page.getByRole("status").filter({ hasText: "malformed" });
  await expect(summary).toContainText(`${valid} valid`);
  await expect(summary).toContainText(
    `${duplicates} ${duplicates === 1 ? "duplicate" : "duplicates"} removed`,
  );
  await expect(summary).toContainText(`${malformed} malformed`);
  await expect(summary).toHaveAttribute("aria-busy", "false");
}

/** Clicks Preview and checks the count of every expectation (0 where not given). */
async function previewExpecting(
  page: Page,
  counts: Partial<Record<Expectation, number>>,
): Promise<void> {
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  const expected = page.getByRole("list", { name: "Expected outcomes" });
  for (const label of EXPECTATIONS) {
    await expect(
      expected.getByRole("button", { name: new RegExp(`^${label}`) }),
    ).toHaveText(new RegExp(`^${label}\\s*${counts[label] ?? 0}$`));
  }
}

const confirmDialog = (page: Page) =>
  page.getByRole("dialog", { name: "Confirm permanent deletion" });

/** Opens the dialog, types the phrase and confirms; returns the new run's ID. */
async function confirmRun(page: Page, count: number): Promise<string> {
  await page.getByRole("button", { name: "Delete videos…" }).click();
  const dialog = confirmDialog(page);
  await dialog
    .getByLabel("Type the phrase to confirm")
    .fill(`delete ${count} ${count === 1 ? "video" : "videos"}`);
  await dialog.getByRole("button", { name: "Delete permanently" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

async function chooseProvider(page: Page, provider: string): Promise<void> {
  await page.getByLabel("Provider", { exact: true }).selectOption(provider);
}

/** An operator of this spec's own, so counts of "their runs" are not shared with other specs. */
async function newOperator(
  browser: Browser,
  label: string,
): Promise<{ page: Page; email: string; close: () => Promise<void> }> {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const email = `${label}-${stamp}@erasure.test`;
  const password = `${label}-spec-password`;
  const adminContext = await browser.newContext({ baseURL: BASE_URL });
  const admin = await adminContext.newPage();
  await signIn(admin, "admin", "/runs");
  const created = await admin.request.post("/api/users", {
    headers: { origin: BASE_URL },
    data: { email, name: `Spec ${label}`, role: "operator", password },
  });
  expect(created.status(), await created.text()).toBe(201);
  await adminContext.close();

  const context = await browser.newContext({ baseURL: BASE_URL });
  const page = await context.newPage();
  await page.goto("/login?callbackUrl=%2Fruns%2Fnew");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText(email);
  return { page, email, close: () => context.close() };
}

test.describe.configure({ mode: "parallel" });

test("upload: a .txt fills the list, a .csv's ID column is guessed and can be switched, and the run deletes that column's IDs", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const [kept, second, fromTxt] = (await deletableVideos(
    request,
    "vod",
    3,
  )) as [string, string, string];
  const [gone, alsoGone, oldA, oldB] = (await missingIds(
    request,
    "vod",
    4,
  )) as [string, string, string, string];

  await signIn(page, "operator");
  await chooseProvider(page, "vod");
  const upload = page.getByLabel("Upload .txt or .csv");
  const columnPicker = page.getByLabel(/^ID column in /);

  // A .txt is read as it is: any separator, duplicates and malformed entries counted.
  await upload.setInputFiles({
    name: "ids.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(`${fromTxt}\n${alsoGone}, ${fromTxt}\tnot-an-id\n`),
  });
  await expect(idsBox(page)).toHaveValue(
    `${fromTxt}\n${alsoGone}, ${fromTxt}\tnot-an-id\n`,
  );
  await expectParsed(page, 2, 1, 1);
  await expect(columnPicker).toHaveCount(0);

  // A .csv with a header, the IDs in its second column, a malformed cell and a duplicate; a
  // second ID-like column with fewer matches; quoting handled.
  const csv = [
    "title,video_id,replaced_id,status",
    `"Launch, final",${kept},${oldA},Normal`,
    `Teaser,${second},${oldA},Normal`,
    `Recap,${gone},${oldB},Blocked`,
    `Outtake,bogus!!id,,Normal`,
    `Launch again,${kept},,Normal`,
  ].join("\r\n");
  await upload.setInputFiles({
    name: "export.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await expect(columnPicker).toHaveValue("1");
  await expect(columnPicker.locator("option:checked")).toHaveText(
    "video_id (4 valid in sample)",
  );
  await expect(page.getByText("5 rows, header row skipped")).toBeVisible();
  // The .csv replaced the .txt's list with the chosen column's cells.
  await expect(idsBox(page)).toHaveValue(
    [kept, second, gone, "bogus!!id", kept].join("\n"),
  );
  await expectParsed(page, 3, 1, 1);
  await expect(page.getByRole("list", { name: "Malformed rows" })).toHaveText(
    /bogus!!id/,
  );

  await columnPicker.selectOption({ label: "replaced_id (3 valid in sample)" });
  await expect(idsBox(page)).toHaveValue([oldA, oldA, oldB].join("\n"));
  await expectParsed(page, 2, 1, 0);

  // The titles are no IDs: every word is malformed ("Launch, final" is one quoted cell).
  await columnPicker.selectOption({ label: "title (0 valid in sample)" });
  await expectParsed(page, 0, 0, 7);

  await columnPicker.selectOption({ label: "video_id (4 valid in sample)" });
  await expectParsed(page, 3, 1, 1);
  await previewExpecting(page, { "Will be deleted": 2, "Already gone": 1 });

  const runId = await confirmRun(page, 3);
  await waitForRunEnd(page.request, runId);
  expect(await runRows(page.request, runId)).toEqual({
    [kept]: "deleted",
    [second]: "deleted",
    [gone]: "not_found",
  });
  const after = new Map((await truth(request, "vod")).map((v) => [v.id, v]));
  expect(after.get(kept)?.deleted).toBe(true);
  expect(after.get(second)?.deleted).toBe(true);
  // Only the chosen column was run: the .txt's video is untouched.
  expect(after.get(fromTxt)?.deleted).toBe(false);
});

/** The rows of the library table as [name, id, status]. */
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
  // VOD's look-up cannot tell another account's video from ours (vod.md: only DeleteVideo
  // answers ForbiddenVideoIds), so the preview expects every one of them to be deleted.
  await previewExpecting(page, { "Will be deleted": chosen.length });

  const runId = await confirmRun(page, expected.size);
  await waitForRunEnd(page.request, runId);
  const rows = await runRows(page.request, runId);
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
      (row) => row[0] === video.name && row[2] === "PARSE",
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
  const runId = await confirmRun(page, 2);
  await waitForRunEnd(page.request, runId);
  expect(await runRows(page.request, runId)).toEqual(
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

test("rows of an earlier run: picked on /runs/new by run and outcome, and through the run page's deep link", async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const fresh = await deletableVideos(request, "vod", 2);
  const missing = await missingIds(request, "vod", 2);
  const foreign = (await truth(request, "vod")).find(
    (v) => v.owner === "other" && !v.deleted,
  )!.id;
  const ids = [...fresh, ...missing, foreign];

  await signIn(page, "operator");
  const started = await page.request.post("/api/runs", {
    headers: { origin: BASE_URL },
    data: { provider: "vod", ids, confirmation: "delete 5 videos" },
  });
  expect(started.status(), await started.text()).toBe(201);
  const { id: earlierRun } = await started.json();
  await waitForRunEnd(page.request, earlierRun);
  expect(await runRows(page.request, earlierRun)).toEqual({
    ...byId(fresh, "deleted"),
    ...byId(missing, "not_found"),
    [foreign]: "forbidden",
  });

  await test.step("the picker loads the earlier run's not-found rows", async () => {
    await chooseProvider(page, "vod");
    const toggle = page.getByRole("button", { name: "From an earlier run" });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const run = page.getByLabel("Earlier run");
    await run.selectOption(earlierRun);
    await expect(run.locator("option:checked")).toHaveText(
      /5 videos · Completed · operator@erasure\.demo$/,
    );
    await page
      .getByLabel("Rows", { exact: true })
      .selectOption({ label: "Doesn't exist (2)" });
    await page.getByRole("button", { name: "Load IDs" }).click();
    await expect(page.getByText("Loaded 2 IDs into the list.")).toBeVisible();
    await expect.poll(() => boxIds(page)).toEqual([...missing].sort());
    await expectParsed(page, 2, 0, 0);
    await previewExpecting(page, { "Already gone": 2 });
    const runId = await confirmRun(page, 2);
    await waitForRunEnd(page.request, runId);
    expect(await runRows(page.request, runId)).toEqual(
      byId(missing, "not_found"),
    );
  });

  await test.step("the run page's 'Start a new run from these rows' carries run, provider and outcome", async () => {
    await page.goto(`/runs/${earlierRun}`);
    await page
      .getByRole("button", { name: "Forbidden 1", exact: true })
      .click();
    await expect(page).toHaveURL(/[?&]outcome=forbidden/);
    await page
      .getByRole("link", { name: "Start a new run from these rows" })
      .click();
    await expect(page).toHaveURL(
      (url) =>
        url.pathname === "/runs/new" &&
        url.searchParams.get("provider") === "vod" &&
        url.searchParams.get("fromRun") === earlierRun &&
        url.searchParams.get("outcome") === "forbidden",
    );
    await expect(page.getByLabel("Provider", { exact: true })).toHaveValue(
      "vod",
    );
    await expect(page.getByLabel("Earlier run")).toHaveValue(earlierRun);
    await expect(page.getByLabel("Rows", { exact: true })).toHaveValue(
      "forbidden",
    );
    await expect(page.getByText("Loaded 1 ID into the list.")).toBeVisible();
    await expect.poll(() => boxIds(page)).toEqual([foreign]);
    await expectParsed(page, 1, 0, 0);
    // VOD's look-up cannot see ownership; only the delete is refused (see the library test).
    await previewExpecting(page, { "Will be deleted": 1 });
    const runId = await confirmRun(page, 1);
    await waitForRunEnd(page.request, runId);
    expect(await runRows(page.request, runId)).toEqual({
      [foreign]: "forbidden",
    });
    const after = (await truth(request, "vod")).find((v) => v.id === foreign);
    expect(after?.deleted).toBe(false);
  });
});

test("the confirmation dialog: summary, exact phrase, Escape and Cancel start nothing, and a refused start keeps it open with the error", async ({
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  // Our own operator: the active-runs cap (3 per user) and "their runs" must not be shared.
  const { page, email, close } = await newOperator(browser, "confirm");
  const fresh = await deletableVideos(request, "vod", 2);
  const [missing] = await missingIds(request, "vod", 1);
  const ids = [...fresh, missing!];
  const myRuns = async () =>
    (
      await (
        await page.request.get(
          `/api/runs?operator=${encodeURIComponent(email)}`,
        )
      ).json()
    ).runs as { id: string; provider: string; status: string }[];
  const lastCall = async () => {
    const calls: { seq: number }[] = await (
      await request.get(`${SANDBOX}/calls?provider=vod`)
    ).json();
    return calls.at(-1)?.seq ?? 0;
  };

  await chooseProvider(page, "vod");
  await idsBox(page).fill(ids.join("\n"));
  await expectParsed(page, 3, 0, 0);
  await previewExpecting(page, { "Will be deleted": 2, "Already gone": 1 });
  const since = await lastCall();
  expect(await myRuns()).toEqual([]);

  const open = page.getByRole("button", { name: "Delete videos…" });
  const dialog = confirmDialog(page);
  const phrase = dialog.getByLabel("Type the phrase to confirm");
  const confirm = dialog.getByRole("button", { name: "Delete permanently" });

  await test.step("it shows what is about to happen", async () => {
    await open.click();
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Delete 3 videos on ApsaraVideo VOD.");
    const summary = dialog.locator("dl");
    await expect(summary.locator("dt")).toHaveText([
      "Will be deleted",
      "Already gone",
    ]);
    await expect(summary.locator("dd")).toHaveText(["2", "1"]);
    const first = dialog.getByRole("list", { name: "First rows" });
    await expect(first.getByRole("listitem")).toHaveCount(3);
    for (const id of fresh)
      await expect(
        first.getByRole("listitem").filter({ hasText: id }),
      ).toHaveText(`${id}Will be deleted`);
    await expect(
      first.getByRole("listitem").filter({ hasText: missing! }),
    ).toHaveText(`${missing}Already gone`);
    await expect(dialog).toContainText(
      "Deletion is permanent and cannot be undone.",
    );
    await expect(dialog).toContainText(
      "Type delete 3 videos exactly as shown.",
    );
    await expect(phrase).toBeFocused();
  });

  await test.step("only the exact phrase enables the button", async () => {
    await expect(confirm).toBeDisabled();
    for (const wrong of ["delete 2 videos", "delete 30 videos", "delete 3"]) {
      await phrase.fill(wrong);
      await expect(confirm).toBeDisabled();
    }
    await phrase.fill("delete 3 videos");
    await expect(confirm).toBeEnabled();
  });

  await test.step("Escape and Cancel close it and start nothing", async () => {
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await open.click();
    // Each opening starts over.
    await expect(phrase).toHaveValue("");
    await phrase.fill("delete 3 videos");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    expect(await myRuns()).toEqual([]);
    const calls: { operation: string; ids: string[] }[] = await (
      await request.get(`${SANDBOX}/calls?provider=vod&since=${since}`)
    ).json();
    expect(
      calls.filter(
        (call) =>
          call.operation === "DeleteVideo" &&
          call.ids.some((id) => ids.includes(id)),
      ),
    ).toEqual([]);
  });

  await test.step("a start the server refuses keeps the dialog open with its error", async () => {
    // Three runs in progress is the per-user cap. Imagine.art deletes one ID per call at 50
    // calls a minute, so runs of 12 unknown IDs each are still going when the dialog is used.
    const busy: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await page.request.post("/api/runs", {
        headers: { origin: BASE_URL },
        data: {
          provider: "imagine",
          ids: await missingIds(request, "imagine", 12),
          confirmation: "delete 12 videos",
        },
      });
      expect(response.status(), await response.text()).toBe(201);
      busy.push((await response.json()).id);
    }
    await open.click();
    await phrase.fill("delete 3 videos");
    await confirm.click();
    await expect(dialog.getByRole("alert")).toHaveText(
      "Could not start the run: You already have 3 runs in progress (at most 3); wait for one to finish.",
    );
    await expect(dialog).toBeVisible();
    await expect(phrase).toHaveValue("delete 3 videos");
    await expect(confirm).toBeEnabled();
    expect((await myRuns()).filter((run) => run.provider === "vod")).toEqual(
      [],
    );

    // Once a run is out of the way, the same dialog starts the run, once.
    for (const runId of busy) {
      const cancelled = await page.request.post(`/api/runs/${runId}/cancel`, {
        headers: { origin: BASE_URL },
      });
      expect(cancelled.status(), await cancelled.text()).toBe(200);
    }
    await confirm.click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
    const runId = page.url().split("/").pop()!;
    await waitForRunEnd(page.request, runId);
    expect(await runRows(page.request, runId)).toEqual({
      ...byId(fresh, "deleted"),
      [missing!]: "not_found",
    });
    expect(
      (await myRuns())
        .filter((run) => run.provider === "vod")
        .map((run) => run.id),
    ).toEqual([runId]);
  });
  await close();
});
