import { expect, test } from "@playwright/test";
import {
  BASE_URL,
  byId,
  chooseProvider,
  confirmDialog,
  deletableVideos,
  expectParsed,
  finalRows,
  idsBox,
  missingIds,
  newOperator,
  previewExpecting,
  SANDBOX,
} from "./new-deletion";

// The typed confirmation dialog, including a start request the server refuses.
test.describe.configure({ mode: "parallel" });

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
    expect(await finalRows(page.request, runId)).toEqual({
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
