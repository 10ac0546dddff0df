// Shared by the new-deletion specs: the sandbox's true state and the page's steps an operator
// takes on /runs/new. Other specs delete videos in the same sandbox at the same time, so every
// video deleted through these helpers is one a spec seeded (or another account's video, which the
// provider refuses to delete), and every count asserted is about those videos.
import {
  expect,
  type APIRequestContext,
  type Browser,
  type Page,
} from "@playwright/test";
import { BASE_URL, SANDBOX, signIn, signInAs, waitForRunEnd } from "./fixtures";

export { BASE_URL, SANDBOX };

export interface SandboxVideo {
  id: string;
  name?: string;
  status: string;
  owner: string;
  deleted: boolean;
  /** VOD only: the customer-defined ReferenceId, when the video has one. */
  referenceId?: string;
}

export interface RunRow {
  videoId: string;
  outcome: string;
}

export const EXPECTATIONS = [
  "Will be deleted",
  "Already gone",
  "Still processing",
  "Not yours",
  "Could not check",
  "Malformed",
] as const;
export type Expectation = (typeof EXPECTATIONS)[number];

export async function truth(
  request: APIRequestContext,
  provider: string,
): Promise<SandboxVideo[]> {
  return (await request.get(`${SANDBOX}/videos?provider=${provider}`)).json();
}

/** Adds `count` videos to the provider's library; returns them in creation order. */
export async function seedVideos(
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
export async function deletableVideos(
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

export async function missingIds(
  request: APIRequestContext,
  provider: string,
  count: number,
): Promise<string[]> {
  const response = await request.get(
    `${SANDBOX}/missing?provider=${provider}&count=${count}`,
  );
  return (await response.json()).ids;
}

export async function runRows(
  request: APIRequestContext,
  runId: string,
): Promise<Record<string, string>> {
  const rows: RunRow[] = await (
    await request.get(`/api/runs/${runId}/export?format=json`, {
      // A cookie GET that records an audit event must say it comes from our pages.
      headers: { "sec-fetch-site": "same-origin" },
    })
  ).json();
  return Object.fromEntries(rows.map((row) => [row.videoId, row.outcome]));
}

/** Waits until the run has finished; returns its rows' outcomes by video ID (runRows). */
export async function finalRows(
  request: APIRequestContext,
  runId: string,
): Promise<Record<string, string>> {
  await waitForRunEnd(request, runId);
  return runRows(request, runId);
}

export const byId = (ids: string[], outcome: string) =>
  Object.fromEntries(ids.map((id) => [id, outcome]));

export const idsBox = (page: Page) =>
  page.getByLabel("Video IDs", { exact: true });

/** The distinct lines of the "Video IDs" box, sorted. */
export async function boxIds(page: Page): Promise<string[]> {
  const text = await idsBox(page).inputValue();
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .sort();
}

/** The parse summary under the box: valid, duplicates removed, malformed. */
export async function expectParsed(
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
export async function previewExpecting(
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

export const confirmDialog = (page: Page) =>
  page.getByRole("dialog", { name: "Confirm permanent deletion" });

/** Opens the dialog, types the phrase and confirms; returns the new run's ID. */
export async function confirmRun(page: Page, count: number): Promise<string> {
  await page.getByRole("button", { name: "Delete videos…" }).click();
  const dialog = confirmDialog(page);
  await dialog
    .getByLabel("Type the phrase to confirm")
    .fill(`delete ${count} ${count === 1 ? "video" : "videos"}`);
  await dialog.getByRole("button", { name: "Delete permanently" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

/** Starts the run through the dialog (confirmRun) and returns its final outcomes (finalRows). */
export async function confirmedRows(
  page: Page,
  count: number,
): Promise<Record<string, string>> {
  return finalRows(page.request, await confirmRun(page, count));
}

export async function chooseProvider(
  page: Page,
  provider: string,
): Promise<void> {
  await page.getByLabel("Provider", { exact: true }).selectOption(provider);
}

/** An operator of this spec's own, so counts of "their runs" are not shared with other specs. */
export async function newOperator(
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
  await signInAs(page, email, password, "/runs/new");
  return { page, email, close: () => context.close() };
}
