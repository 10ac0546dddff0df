import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { SANDBOX, signIn, waitForRunEnd } from "./fixtures";

test("a viewer finds an earlier run by one of its video IDs, exports its CSV, and verifies the chain", async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(90_000);
  // An operator's earlier run on VOD (started through the API, as a script would).
  const videos: { id: string; owner: string; deleted: boolean }[] = await (
    await request.get(`${SANDBOX}/videos?provider=vod`)
  ).json();
  const ids = videos
    .filter((video) => video.owner === "console" && !video.deleted)
    .slice(30, 33)
    .map((video) => video.id);
  const operator = await browser.newPage();
  await signIn(operator, "operator");
  const started = await operator.request.post("/api/runs", {
    headers: { origin: baseURL! },
    data: { provider: "vod", ids, confirmation: "delete 3 videos" },
  });
  expect(started.status()).toBe(201);
  const { id: runId } = await started.json();
  await waitForRunEnd(operator.request, runId, 60_000);
  await operator.close();

  const page = await browser.newPage();
  await signIn(page, "viewer", "/audit");
  await page.getByLabel("Video IDs to look up").fill(ids[1]!);
  await page.getByRole("button", { name: "Look up" }).click();
  const table = page.getByRole("table", {
    name: `Runs that touched ${ids[1]}`,
  });
  await expect(table.getByText("Deleted")).toBeVisible();
  await table.getByRole("link", { name: "Open run" }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}`));
  await expect(page.getByTestId("run-confirmation")).toContainText(
    "operator@erasure.demo, who typed “delete 3 videos”",
  );
  // The header names the address the confirmation came from (here: this machine).
  await expect(
    page.getByText(/^from (::1|127\.0\.0\.1|::ffff:127\.0\.0\.1)$/),
  ).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await readFile((await (await download).path())!, "utf8");
  const [header, ...lines] = file.trim().split(/\r?\n/);
  expect(header).toBe("videoId,outcome,code,message,attempts,updatedAt");
  const fromFile = lines
    .map((line) => line.split(",").slice(0, 2).join(","))
    .sort();
  const rows: { videoId: string; outcome: string }[] = await (
    await page.request.get(`/api/runs/${runId}/export?format=json`, {
      // A cookie GET that records an audit event must say it comes from our pages.
      headers: { "sec-fetch-site": "same-origin" },
    })
  ).json();
  expect(fromFile).toEqual(
    rows.map((row) => `${row.videoId},${row.outcome}`).sort(),
  );
  expect(fromFile).toEqual(ids.map((id) => `${id},deleted`).sort());

  await page.goto("/audit");
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(
    page.getByText(/\d+ events verified, chain intact/),
  ).toBeVisible();
  await page.close();
});
