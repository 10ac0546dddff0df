import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";
import {
  BASE_URL,
  boxIds,
  byId,
  chooseProvider,
  confirmedRows,
  deletableVideos,
  expectParsed,
  finalRows,
  missingIds,
  previewExpecting,
  truth,
} from "./new-deletion";

// Rows of an earlier run: the picker on /runs/new and the run page's deep link.
test.describe.configure({ mode: "parallel" });

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
  expect(await finalRows(page.request, earlierRun)).toEqual({
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
      // Another account's video was refused: the run completed with issues.
      /5 videos · Completed with issues · operator@erasure\.demo$/,
    );
    await page
      .getByLabel("Rows", { exact: true })
      .selectOption({ label: "Doesn't exist (2)" });
    await page.getByRole("button", { name: "Load IDs" }).click();
    await expect(page.getByText("Loaded 2 IDs into the list.")).toBeVisible();
    await expect.poll(() => boxIds(page)).toEqual([...missing].sort());
    await expectParsed(page, 2, 0, 0);
    await previewExpecting(page, { "Already gone": 2 });
    expect(await confirmedRows(page, 2)).toEqual(byId(missing, "not_found"));
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
    // Another application's video: the preview says so, and the delete is refused.
    await previewExpecting(page, { "Not yours": 1 });
    expect(await confirmedRows(page, 1)).toEqual({
      [foreign]: "forbidden",
    });
    const after = (await truth(request, "vod")).find((v) => v.id === foreign);
    expect(after?.deleted).toBe(false);
  });
});
