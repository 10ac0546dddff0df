import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";
import {
  chooseProvider,
  confirmedRows,
  deletableVideos,
  expectParsed,
  idsBox,
  missingIds,
  previewExpecting,
  truth,
} from "./new-deletion";

// A .txt or .csv upload (with the ID column chosen) fills the list on /runs/new.
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

  expect(await confirmedRows(page, 3)).toEqual({
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
