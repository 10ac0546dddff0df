import { expect, test } from "@playwright/test";
import { signIn, waitForRunEnd } from "./fixtures";
import { SANDBOX, truth } from "./new-deletion";

// An operator's bulk-paste session, once per provider: a mix of the account's videos, one still
// processing (where the provider has that state), another account's, IDs that never existed,
// a malformed row and a duplicate → preview → typed phrase → every result row agrees with the
// sandbox's true state afterwards.
const providers = [
  { id: "akool", label: "Akool", processing: "2" },
  { id: "memories", label: "memories.ai", processing: null },
  { id: "vod", label: "ApsaraVideo VOD", processing: null },
  { id: "imagine", label: "Imagine.art", processing: null },
] as const;

test.describe.configure({ mode: "parallel" });

for (const provider of providers) {
  test(`${provider.label}: paste a mix, preview, confirm, and every row matches the provider`, async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const before = await truth(request, provider.id);
    // The processing status (Akool 2) is refused by the provider; other statuses are deletable.
    const usable = before.filter(
      (video) =>
        video.owner === "console" &&
        !video.deleted &&
        video.status !== provider.processing,
    );
    const mine = usable.slice(
      provider.id === "akool" ? 0 : 10,
      (provider.id === "akool" ? 0 : 10) + 2,
    );
    const processing = provider.processing
      ? before
          .filter(
            (video) =>
              video.owner === "console" &&
              !video.deleted &&
              video.status === provider.processing,
          )
          .slice(0, 1)
      : [];
    const foreign = before
      .filter((video) => video.owner === "other" && !video.deleted)
      .slice(0, 1);
    const { ids: missing } = await (
      await request.get(`${SANDBOX}/missing?provider=${provider.id}&count=2`)
    ).json();
    const valid = [...mine, ...processing, ...foreign]
      .map((video) => video.id)
      .concat(missing);
    expect(mine).toHaveLength(2);
    expect(foreign).toHaveLength(1);

    await signIn(page, "operator");
    await page
      .getByLabel("Provider", { exact: true })
      .selectOption(provider.id);
    await page
      .getByLabel("Video IDs")
      .fill([...valid, "bogus!!id", valid[0]].join("\n"));
    await expect(
      page.getByText(`${valid.length} valid`, { exact: true }),
    ).toBeVisible();
    await expect(page.getByText("1 duplicate removed")).toBeVisible();
    await expect(page.getByText("1 malformed")).toBeVisible();

    await page.getByRole("button", { name: "Preview", exact: true }).click();
    const expected = page.getByRole("list", { name: "Expected outcomes" });
    await expect(
      expected.getByRole("button", { name: /Will be deleted/ }),
    ).toContainText(/[1-9]/);
    await expect(
      expected.getByRole("button", { name: /Already gone/ }),
    ).toContainText(/[2-9]/);
    // Preview deletes nothing (of ours: other specs delete on the same sandbox meanwhile).
    const previewed = new Set(valid);
    expect(
      (await truth(request, provider.id))
        .filter((video) => previewed.has(video.id))
        .every((video) => !video.deleted),
    ).toBe(true);

    await page.getByRole("button", { name: "Delete videos…" }).click();
    const dialog = page.getByRole("dialog", {
      name: "Confirm permanent deletion",
    });
    const confirm = dialog.getByRole("button", { name: "Delete permanently" });
    await expect(confirm).toBeDisabled();
    await dialog
      .getByLabel("Type the phrase to confirm")
      .fill(`delete ${valid.length} videos`);
    await confirm.click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
    const runId = page.url().split("/").pop()!;

    await waitForRunEnd(page.request, runId);
    await expect(
      page.getByRole("progressbar", { name: "Run progress" }),
    ).toHaveAttribute("aria-valuenow", String(valid.length));

    const rows: { videoId: string; outcome: string }[] = await (
      await page.request.get(`/api/runs/${runId}/export?format=json`, {
        // A cookie GET that records an audit event must say it comes from our pages.
        headers: { "sec-fetch-site": "same-origin" },
      })
    ).json();
    expect(rows.map((row) => row.videoId).sort()).toEqual([...valid].sort());
    const after = new Map(
      (await truth(request, provider.id)).map((video) => [video.id, video]),
    );
    for (const row of rows) {
      const video = after.get(row.videoId);
      const context = `${row.videoId} ${row.outcome} ${JSON.stringify(video)}`;
      if (row.outcome === "deleted") expect(video?.deleted, context).toBe(true);
      else if (row.outcome === "not_found")
        expect(
          !video || video.owner !== "console" || video.deleted,
          context,
        ).toBe(true);
      else expect(video && !video.deleted, context).toBe(true);
    }
    for (const video of mine)
      expect(rows.find((row) => row.videoId === video.id)?.outcome).toBe(
        "deleted",
      );
    for (const id of missing)
      expect(rows.find((row) => row.videoId === id)?.outcome).toBe("not_found");
    for (const video of processing)
      expect(rows.find((row) => row.videoId === video.id)?.outcome).toBe(
        "processing",
      );
    await expect(page.getByRole("button", { name: /^Deleted/ })).toContainText(
      /[2-9]/,
    );
  });
}

test("ApsaraVideo VOD by reference IDs: the kind is chosen, previewed, run and shown", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const before = await truth(request, "vod");
  // Far from the rows the per-provider test above takes from the same sandbox.
  const mine = before
    .filter((v) => v.owner === "console" && !v.deleted && v.referenceId)
    .slice(30, 32);
  // A Video ID is also a well-formed reference ID; in a reference run it names no video.
  const byVideoId = before.filter(
    (v) => v.owner === "console" && !v.deleted && !v.referenceId,
  )[40]!;
  expect(mine).toHaveLength(2);
  const ids = [
    ...mine.map((v) => v.referenceId!),
    `never-made-${Date.now()}`,
    byVideoId.id,
  ];

  await signIn(page, "operator");
  await page.getByLabel("Provider", { exact: true }).selectOption("vod");
  await page.getByRole("radio", { name: /By reference ID/ }).check();
  await page.getByLabel("Reference IDs").fill(ids.join("\n"));
  await expect(
    page.getByText(`${ids.length} valid`, { exact: true }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  const expected = page.getByRole("list", { name: "Expected outcomes" });
  await expect(
    expected.getByRole("button", { name: /Will be deleted/ }),
  ).toContainText("2");
  await expect(
    expected.getByRole("button", { name: /Already gone/ }),
  ).toContainText("2");

  await page.getByRole("button", { name: "Delete videos…" }).click();
  const dialog = page.getByRole("dialog", {
    name: "Confirm permanent deletion",
  });
  await expect(dialog).toContainText("by their reference IDs");
  await dialog
    .getByLabel("Type the phrase to confirm")
    .fill(`delete ${ids.length} videos`);
  await dialog.getByRole("button", { name: "Delete permanently" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByText("IDs are reference IDs")).toBeVisible();
  await expect(
    page.getByText(
      `Run started: deleting ${ids.length} videos on ApsaraVideo VOD.`,
    ),
  ).toBeVisible();
  const runId = page.url().split("/").pop()!;
  await waitForRunEnd(page.request, runId);

  // The timeline catches up with the finished run without a reload.
  await expect(
    page.getByRole("list", { name: "Audit timeline" }),
  ).toContainText("Batch recorded");

  const rows: { videoId: string; outcome: string }[] = await (
    await page.request.get(`/api/runs/${runId}/export?format=json`, {
      // A cookie GET that records an audit event must say it comes from our pages.
      headers: { "sec-fetch-site": "same-origin" },
    })
  ).json();
  expect(Object.fromEntries(rows.map((r) => [r.videoId, r.outcome]))).toEqual({
    [ids[0]!]: "deleted",
    [ids[1]!]: "deleted",
    [ids[2]!]: "not_found",
    [ids[3]!]: "not_found",
  });
  const after = new Map(
    (await truth(request, "vod")).map((video) => [video.id, video]),
  );
  for (const video of mine) expect(after.get(video.id)?.deleted).toBe(true);
  expect(after.get(byVideoId.id)?.deleted).toBe(false);

  // A new run from its "doesn't exist" rows keeps the kind: they are reference IDs again.
  await page.getByRole("button", { name: /^Doesn't exist/ }).click();
  // The link carries the filter once the page's URL does; a click before that takes every row.
  await expect(page).toHaveURL(/[?&]outcome=not_found/);
  await page
    .getByRole("link", { name: "Start a new run from these rows" })
    .click();
  await expect(page).toHaveURL(/\/runs\/new\?/);
  await expect(
    page.getByRole("radio", { name: /By reference ID/ }),
  ).toBeChecked();
  await expect(page.getByText("2 valid", { exact: true })).toBeVisible();
  expect(
    (await page.getByLabel("Reference IDs").inputValue()).split("\n").sort(),
  ).toEqual([ids[2]!, ids[3]!].sort());
});
