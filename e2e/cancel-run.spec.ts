import { expect, test, type Page } from "@playwright/test";
import { BASE_URL, SANDBOX, waitForRunEnd } from "./fixtures";
import {
  deletableVideos,
  missingIds,
  newOperator,
  seedVideos,
} from "./new-deletion";

// Honest run states as an operator sees them on the run page. Cancel: the header reads
// "Cancelling…" while the batch already sent is recorded, then "Cancelled"; rows never sent are
// counted under their own chip, Skipped; a double click on "Yes, cancel run" (or a script
// repeating the request) is harmless. A run whose rows were refused ends "Completed with issues"
// in its header and in the runs list, where the status filter finds it.

const headerStatus = (page: Page) =>
  page.getByRole("status", { name: "Run status" });

const chip = (page: Page, name: string) =>
  page
    .getByRole("group", { name: "Filter by outcome" })
    .getByRole("button", { name: new RegExp(`^${name} \\d`) });

test("cancel: Cancelling… until the batch in flight is recorded, then Cancelled with skipped rows", async ({
  browser,
  request,
}) => {
  // A slow provider keeps the batch in flight long enough to watch the run say "Cancelling…".
  const slow = await request.put(`${SANDBOX}/faults`, {
    data: { provider: "imagine", latencyMs: 2500 },
  });
  expect(slow.status()).toBe(200);
  const { page, close } = await newOperator(browser, "cancel");
  try {
    const ids = await missingIds(request, "imagine", 12);
    const started = await page.request.post("/api/runs", {
      headers: { origin: BASE_URL },
      data: { provider: "imagine", ids, confirmation: "delete 12 videos" },
    });
    expect(started.status(), await started.text()).toBe(201);
    const { id } = await started.json();

    await page.goto(`/runs/${id}`);
    // Running: a worker holds the first IDs, the rest wait.
    await expect(headerStatus(page)).toContainText("Running", {
      timeout: 30_000,
    });

    const cancels: number[] = [];
    page.on("response", (response) => {
      if (response.url().endsWith(`/api/runs/${id}/cancel`))
        cancels.push(response.status());
    });
    await page.getByRole("button", { name: "Cancel run" }).click();
    const yes = page.getByRole("button", { name: "Yes, cancel run" });
    // An impatient double click: at most a repeat of the same request, never an error.
    await yes.dblclick();

    await expect(headerStatus(page)).toContainText("Cancelling…");
    // Nothing left to cancel while it winds down.
    await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(
      0,
    );
    await expect(headerStatus(page)).toContainText("Cancelled", {
      timeout: 30_000,
    });
    await expect(headerStatus(page)).not.toContainText("Cancelling");

    const run = await (await page.request.get(`/api/runs/${id}`)).json();
    expect(run.status).toBe("cancelled");
    expect(run.finishedAt).not.toBeNull();
    expect(run.counts.pending).toBe(0);
    expect(run.counts.failed).toBe(0);
    expect(run.counts.skipped).toBeGreaterThan(0);
    expect(run.counts.skipped + run.counts.not_found).toBe(12);
    await expect(chip(page, "Skipped")).toHaveAccessibleName(
      `Skipped ${run.counts.skipped}`,
    );
    await expect(chip(page, "Failed")).toHaveAccessibleName("Failed 0");

    // The timeline tells it in order: the request, the batch that was already out, the end.
    await expect(
      page.getByText(/in flight when cancel was requested/).first(),
    ).toBeVisible();
    await expect(page.getByText("Cancel requested").first()).toBeVisible();

    // The skipped rows say why.
    await chip(page, "Skipped").click();
    await expect(page).toHaveURL(/outcome=skipped/);
    await expect(
      page.getByText("Skipped — cancelled", { exact: true }).first(),
    ).toBeVisible();

    expect(cancels.length).toBeGreaterThan(0);
    expect(cancels.every((status) => status === 200)).toBe(true);
    await expect(page.getByText(/Could not cancel/)).toHaveCount(0);

    // A script repeating the request: the run as it is, unchanged.
    const again = await page.request.post(`/api/runs/${id}/cancel`, {
      headers: { origin: BASE_URL },
    });
    expect(again.status()).toBe(200);
    expect((await again.json()).counts).toEqual(run.counts);
  } finally {
    await request.put(`${SANDBOX}/faults`, {
      data: { provider: "imagine", latencyMs: 0 },
    });
    await close();
  }
});

test("a run with refused rows ends Completed with issues, in its header and in the runs list", async ({
  browser,
  request,
}) => {
  const { page, email, close } = await newOperator(browser, "issues");
  try {
    const own = await deletableVideos(request, "vod", 2);
    const foreign = (await seedVideos(request, "vod", 30)).find(
      (video) => video.owner === "other",
    )!.id;
    const started = await page.request.post("/api/runs", {
      headers: { origin: BASE_URL },
      data: {
        provider: "vod",
        ids: [...own, foreign],
        confirmation: "delete 3 videos",
      },
    });
    expect(started.status(), await started.text()).toBe(201);
    const { id } = await started.json();
    await waitForRunEnd(page.request, id);

    await page.goto(`/runs/${id}`);
    await expect(headerStatus(page)).toContainText("Completed with issues");
    await expect(chip(page, "Forbidden")).toHaveAccessibleName("Forbidden 1");

    await page.goto(
      `/runs?operator=${encodeURIComponent(email)}&status=completed_with_issues`,
    );
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue(
      "completed_with_issues",
    );
    const rows = page
      .getByRole("table", { name: "Runs", exact: true })
      .getByRole("rowgroup")
      .nth(1)
      .getByRole("row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(id.slice(0, 8));
    await expect(rows.first()).toContainText("Completed with issues");

    // "Has failed rows" finds refused rows too.
    await page.goto(`/runs?operator=${encodeURIComponent(email)}&hasFailed=1`);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(id.slice(0, 8));
  } finally {
    await close();
  }
});
