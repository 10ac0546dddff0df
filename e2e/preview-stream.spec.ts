import { expect, test, type Page } from "@playwright/test";
import { SANDBOX, signIn } from "./fixtures";
import {
  chooseProvider,
  confirmDialog,
  expectParsed,
  finalRows,
  idsBox,
  missingIds,
  seedVideos,
  truth,
} from "./new-deletion";

// The streamed preview on /runs/new: progress and ETA as the provider answers, a Cancel that
// stops the look-ups, the "first N checked" notice, and runs that skip what the preview found.
test.describe.configure({ mode: "parallel" });

async function paste(page: Page, ids: string[]) {
  await idsBox(page).fill(ids.join("\n"));
  await expectParsed(page, ids.length, 0, 0);
}

/**
 * Calls to `provider` after `since` that name one of `ids`: other specs run in parallel and
 * their runs (an Imagine run on the home page) call the same sandbox.
 */
async function callCount(
  page: Page,
  provider: string,
  ids: readonly string[],
  since = 0,
) {
  const wanted = new Set(ids);
  const calls = (await (
    await page.request.get(
      `${SANDBOX}/calls?provider=${provider}&since=${since}`,
    )
  ).json()) as { seq: number; ids?: string[] }[];
  return {
    count: calls.filter((call) => (call.ids ?? []).some((id) => wanted.has(id)))
      .length,
    last: calls.at(-1)?.seq ?? since,
  };
}

test("a slow provider's preview shows rows, progress and an ETA as they come, and Cancel stops the look-ups", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // Imagine.art: one ID per call, 50 calls a minute; 12 IDs take about 15 s.
  const ids = (await seedVideos(request, "imagine", 30))
    .filter((v) => v.owner === "console")
    .slice(0, 12)
    .map((v) => v.id);
  expect(ids).toHaveLength(12);
  await signIn(page, "operator");
  await chooseProvider(page, "imagine");
  await paste(page, ids);

  const { last: before } = await callCount(page, "imagine", ids);
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  const progress = page.getByRole("progressbar", { name: "Preview progress" });
  await expect(progress).toBeVisible();
  // Rows arrive while the preview runs: the first answers are in the table already.
  await expect(
    page.getByText(/^Checked [1-9]\d* of 12 IDs with Imagine/),
  ).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Per-ID results" }).getByText(ids[0]!),
  ).toBeVisible();
  await expect(progress).toBeVisible();
  await expect(page.getByText(/about \d+ s left/)).toBeVisible();
  await expect(
    page.getByRole("button", { name: "Delete videos…" }),
  ).toBeDisabled();

  await page.getByRole("button", { name: "Cancel preview" }).click();
  await expect(progress).toBeHidden();
  const note = page.getByRole("note").filter({ hasText: "Preview cancelled" });
  await expect(note).toContainText(
    /checked \d+ of 12 IDs; the other \d+ IDs? will be attempted without a preview/,
  );
  const { count: atCancel, last } = await callCount(
    page,
    "imagine",
    ids,
    before,
  );
  expect(atCancel).toBeLessThan(12);
  // At a call every 1.3 s, 4 s more would bring 3 calls if the server were still looking up.
  await page.waitForTimeout(4_000);
  const { count: after } = await callCount(page, "imagine", ids, last);
  expect(after).toBeLessThanOrEqual(1);
});

test("a list past the look-up limit says plainly that only the first 5,000 were checked", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Well-formed VOD IDs that exist nowhere: each one previews as already gone.
  const hex = () =>
    Array.from(
      { length: 32 },
      () => "0123456789abcdef"[Math.floor(Math.random() * 16)],
    ).join("");
  const ids = Array.from({ length: 5_010 }, hex);
  await signIn(page, "operator");
  await chooseProvider(page, "vod");
  // A file: filling the box with 5,010 lines keystroke-free still takes the browser minutes.
  await page.getByLabel("Upload .txt or .csv").setInputFiles({
    name: "ids.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(ids.join("\n")),
  });
  await expect(
    page.getByRole("status").filter({ hasText: "malformed" }),
  ).toContainText("5,010 valid");
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(
    page.getByRole("note").filter({ hasText: "Checked the first" }),
  ).toHaveText(
    "Checked the first 5,000 of 5,010 IDs: preview looks up at most 5,000; the other 10 IDs will be attempted without a preview.",
    { timeout: 60_000 },
  );
  const counts = page.getByRole("list", { name: "Expected outcomes" });
  await expect(
    counts.getByRole("button", { name: /^Already gone/ }),
  ).toHaveText(/5,000$/);
  await expect(
    counts.getByRole("button", { name: /^Could not check/ }),
  ).toHaveText(/10$/);
});

test("exclusions change the confirmation's count, and the run records the excluded IDs as skipped", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const seeded = await seedVideos(request, "vod", 40);
  const mine = seeded
    .filter((v) => v.owner === "console" && v.status === "Normal")
    .slice(0, 4)
    .map((v) => v.id);
  const all = await truth(request, "vod");
  const theirs = all
    .filter((v) => v.owner !== "console" && !v.deleted)
    .slice(0, 2)
    .map((v) => v.id);
  const gone = await missingIds(request, "vod", 3);
  expect(mine).toHaveLength(4);
  expect(theirs).toHaveLength(2);
  const ids = [...mine, ...theirs, ...gone];

  await signIn(page, "operator");
  await expect(page.getByText(/^\d of 3 active runs in use/)).toBeVisible();
  await chooseProvider(page, "vod");
  await paste(page, ids);
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  const skipGone = page.getByRole("checkbox", {
    name: "Skip already gone (3)",
  });
  const skipTheirs = page.getByRole("checkbox", { name: "Skip not yours (2)" });
  await expect(skipGone).toBeVisible();
  await expect(
    page.getByRole("checkbox", { name: "Skip still processing (0)" }),
  ).toBeDisabled();

  const deleteButton = page.getByRole("button", { name: "Delete videos…" });
  await deleteButton.click();
  const dialog = confirmDialog(page);
  await expect(
    dialog.getByText("delete 9 videos", { exact: true }),
  ).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  // Focus goes back to the button that opened the dialog.
  await expect(deleteButton).toBeFocused();

  await skipGone.check();
  await skipTheirs.check();
  await deleteButton.click();
  await expect(
    dialog.getByText("delete 4 videos", { exact: true }),
  ).toBeVisible();
  await expect(dialog).toContainText(
    "5 more are skipped: recorded on the run, never sent.",
  );
  await dialog.getByLabel("Type the phrase to confirm").fill("delete 4 videos");
  await dialog.getByRole("button", { name: "Delete permanently" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  const runId = page.url().split("/").pop()!;

  const rows = await finalRows(page.request, runId);
  for (const id of mine) expect(rows[id], id).toBe("deleted");
  for (const id of [...gone, ...theirs]) expect(rows[id], id).toBe("skipped");
  const after = new Map((await truth(request, "vod")).map((v) => [v.id, v]));
  for (const id of theirs) expect(after.get(id)?.deleted, id).toBe(false);
  await expect(page.getByText("excluded_foreign").first()).toBeVisible();
});
