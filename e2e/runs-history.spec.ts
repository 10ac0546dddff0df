import {
  expect,
  test,
  type APIRequestContext,
  type Locator,
  type Page,
} from "@playwright/test";
import { BASE_URL, SANDBOX, signIn, signInAs } from "./fixtures";
import { missingIds, truth } from "./new-deletion";

// The runs history (/runs) as people use it: an operator filters their own runs with the controls
// and the address bar carries every filter; a viewer opens the copied link and sees the same rows;
// the run-ID search, "Has failed rows" (which finds refused rows too), column sorting, paging and a
// row click all work.
//
// Other specs start runs on the same server at the same time, so every run here belongs to an
// operator created for this spec, and every assertion about "exactly these rows" filters by them.

// Far from UTC on purpose: "From" and "To" are days in the browser's time zone, and for 14 hours of
// every day this zone's date is not the UTC date, so a day filter done in UTC would miss runs.
const TIME_ZONE = "Pacific/Kiritimati";
test.use({ timezoneId: TIME_ZONE });

interface ApiRun {
  id: string;
  status: string;
  counts: Record<
    "pending" | "deleted" | "forbidden" | "not_found" | "failed" | "skipped",
    number
  >;
  createdAt: string;
  finishedAt: string | null;
}

/** `2026-08-21` for an instant, in the browser's time zone. */
const localDay = (instant: string | number) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(instant));

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Videos of our own: the sandbox adds some (in every state it has) and we keep the account's
 * deletable ones, so no other spec, nor another copy of this one, deletes them first.
 */
async function freshVideos(
  request: APIRequestContext,
  provider: string,
  count: number,
  blockedStatus?: string,
): Promise<string[]> {
  const seeded = await request.post(`${SANDBOX}/seed`, {
    data: { provider, count: 20 },
  });
  expect(seeded.status()).toBe(200);
  const added = new Set<string>((await seeded.json()).ids);
  const videos = await truth(request, provider);
  const ids = videos
    .filter(
      (video) =>
        added.has(video.id) &&
        video.owner === "console" &&
        !video.deleted &&
        video.status !== blockedStatus,
    )
    .slice(0, count)
    .map((video) => video.id);
  expect(ids).toHaveLength(count);
  return ids;
}

const historyTable = (page: Page) =>
  page.getByRole("table", { name: "Runs", exact: true });

/** The body rows (the header row is in the first rowgroup). */
const bodyRows = (page: Page) =>
  historyTable(page).getByRole("rowgroup").nth(1).getByRole("row");

/** A run's row, found by the short ID the Started column shows. */
const rowOf = (page: Page, run: ApiRun) =>
  bodyRows(page).filter({ hasText: run.id.slice(0, 8) });

/** Rows must be exactly these runs, in this order. */
async function expectRuns(page: Page, runs: ApiRun[]): Promise<void> {
  await expect(bodyRows(page)).toHaveText(
    runs.map((run) => new RegExp(run.id.slice(0, 8))),
  );
}

const FILTER_LABELS = {
  provider: "Provider",
  status: "Status",
  operator: "Operator email",
  from: "From",
  to: "To",
  q: "Run ID",
  hasFailed: "Has failed rows",
} as const;

/** Sets one filter through its control ("" clears it) and waits until the address carries it. */
async function setFilter(
  page: Page,
  param: keyof typeof FILTER_LABELS,
  value: string,
): Promise<void> {
  const control = page.getByLabel(FILTER_LABELS[param], { exact: true });
  if (param === "provider" || param === "status")
    await control.selectOption(value);
  else if (param === "hasFailed") await control.click();
  else await control.fill(value);
  await expect(page).toHaveURL(
    (url) => (url.searchParams.get(param) ?? "") === value,
  );
  if (param === "hasFailed") {
    await (value === "1"
      ? expect(control).toBeChecked()
      : expect(control).not.toBeChecked());
  } else await expect(control).toHaveValue(value);
}

const cell = (row: Locator, column: number) =>
  row.getByRole("cell").nth(column);

// Column order of the history table.
const STARTED = 0;
const OPERATOR = 1;
const PROVIDER = 2;
const OUTCOMES = 3;
const STATUS = 4;
const DURATION = 5;
const VIA = 6;

test("an operator filters the runs history into a shareable link, a viewer opens it, and search, failed rows, sorting and paging work", async ({
  browser,
  playwright,
  request,
}) => {
  test.setTimeout(150_000);
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const email = `history-${stamp}@erasure.test`;
  const name = `Hana History ${stamp}`;
  const password = "history-spec-password";
  const tokenName = `nightly-history-${stamp}`;

  // ---- An operator of our own, with an API token acting as them ----
  const adminContext = await browser.newContext({
    baseURL: BASE_URL,
    timezoneId: TIME_ZONE,
  });
  const admin = await adminContext.newPage();
  await signIn(admin, "admin", "/runs");
  const created = await admin.request.post("/api/users", {
    headers: { origin: BASE_URL },
    data: { email, name, role: "operator", password },
  });
  expect(created.status()).toBe(201);
  const { user } = await created.json();
  const issued = await admin.request.post("/api/tokens", {
    headers: { origin: BASE_URL },
    data: { name: tokenName, userId: user.id },
  });
  expect(issued.status()).toBe(201);
  const { token } = await issued.json();
  await adminContext.close();

  const operatorContext = await browser.newContext({
    baseURL: BASE_URL,
    timezoneId: TIME_ZONE,
  });
  const page = await operatorContext.newPage();
  await signInAs(page, email, password, "/runs");

  // ---- Three runs, oldest first: VOD from the browser, Akool by token, Imagine cancelled ----
  const startInBrowser = async (
    provider: string,
    ids: string[],
  ): Promise<string> => {
    const response = await page.request.post("/api/runs", {
      headers: { origin: BASE_URL },
      data: { provider, ids, confirmation: `delete ${ids.length} videos` },
    });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()).id;
  };
  // Another application's video: VOD refuses it (Forbidden), so the run completes with issues.
  const seeded = await request.post(`${SANDBOX}/seed`, {
    data: { provider: "vod", count: 30 },
  });
  expect(seeded.status()).toBe(200);
  const seededIds = new Set<string>((await seeded.json()).ids);
  const foreignVod = (await truth(request, "vod")).find(
    (video) => seededIds.has(video.id) && video.owner === "other",
  )!.id;
  const vodIds = [...(await freshVideos(request, "vod", 2)), foreignVod];
  const vodRunId = await startInBrowser("vod", vodIds);

  // Akool refuses to delete a video still processing (status 2); "Started via" shows the token.
  const akoolIds = [
    ...(await freshVideos(request, "akool", 1, "2")),
    ...(await missingIds(request, "akool", 1)),
  ];
  const script = await playwright.request.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const byToken = await script.post("/api/runs", {
    data: { provider: "akool", ids: akoolIds, confirmation: "delete 2 videos" },
  });
  expect(byToken.status(), await byToken.text()).toBe(201);
  const akoolRunId: string = (await byToken.json()).id;
  await script.dispose();

  // Imagine.art takes one ID per call at 50 calls a minute, so a 12-ID run is still going when
  // it is cancelled; the rows never sent end `skipped` (code `cancelled`).
  const imagineRunId = await startInBrowser(
    "imagine",
    await missingIds(request, "imagine", 12),
  );
  const cancelled = await page.request.post(
    `/api/runs/${imagineRunId}/cancel`,
    { headers: { origin: BASE_URL } },
  );
  expect(cancelled.status(), await cancelled.text()).toBe(200);

  const settle = async (runId: string): Promise<ApiRun> => {
    let run: ApiRun | undefined;
    await expect
      .poll(
        async () => {
          run = await (await page.request.get(`/api/runs/${runId}`)).json();
          return run!.finishedAt !== null && run!.counts.pending === 0;
        },
        { timeout: 90_000 },
      )
      .toBe(true);
    return run!;
  };
  const vod = await settle(vodRunId);
  const akool = await settle(akoolRunId);
  const imagine = await settle(imagineRunId);
  expect(vod).toMatchObject({
    status: "completed_with_issues",
    counts: { deleted: 2, forbidden: 1 },
  });
  expect(akool).toMatchObject({
    status: "completed",
    counts: { deleted: 1, not_found: 1 },
  });
  expect(imagine.status).toBe("cancelled");
  expect(imagine.counts.skipped).toBeGreaterThan(0);
  expect(imagine.counts.skipped + imagine.counts.not_found).toBe(12);
  const newestFirst = [imagine, akool, vod];

  await test.step("filters set through the controls land in the URL and narrow the rows", async () => {
    await page.goto("/runs");
    await expect(
      page.getByRole("heading", { name: "Runs", exact: true }),
    ).toBeVisible();
    await setFilter(page, "operator", email);
    await expectRuns(page, newestFirst);
    await expect(page.getByText("Rows 1–3 of 3")).toBeVisible();

    // Every column of one row: started, operator, provider, outcome bar with counts, status,
    // duration and how it was started.
    const vodRow = rowOf(page, vod);
    await expect(cell(vodRow, STARTED).locator("time")).toHaveAttribute(
      "datetime",
      new Date(vod.createdAt).toISOString(),
    );
    await expect(cell(vodRow, OPERATOR)).toHaveText(`${name}${email}`);
    await expect(cell(vodRow, PROVIDER)).toHaveText("ApsaraVideo VOD");
    await expect(cell(vodRow, OUTCOMES)).toHaveText(
      "3 IDs: Deleted 2, Forbidden 1",
    );
    const segments = cell(vodRow, OUTCOMES).locator(
      '[aria-hidden="true"] > div',
    );
    await expect(segments).toHaveCount(2);
    await expect(segments.nth(0)).toHaveAttribute("style", /width: 66\.66/);
    await expect(segments.nth(1)).toHaveAttribute("style", /width: 33\.33/);
    await expect(cell(vodRow, STATUS)).toHaveText("Completed with issues");
    await expect(cell(vodRow, DURATION)).toHaveText(/^\d+ (s|min)/);
    await expect(cell(vodRow, DURATION)).not.toContainText("so far");
    await expect(cell(vodRow, VIA)).toHaveText("Browser");

    const akoolRow = rowOf(page, akool);
    await expect(cell(akoolRow, PROVIDER)).toHaveText("Akool");
    await expect(cell(akoolRow, OUTCOMES)).toHaveText(
      "2 IDs: Deleted 1, Doesn't exist 1",
    );
    await expect(cell(akoolRow, VIA)).toHaveText(`API token ${tokenName}`);

    const imagineRow = rowOf(page, imagine);
    await expect(cell(imagineRow, STATUS)).toHaveText("Cancelled");
    await expect(cell(imagineRow, OUTCOMES)).toHaveText(
      imagine.counts.not_found
        ? `12 IDs: Doesn't exist ${imagine.counts.not_found}, Skipped ${imagine.counts.skipped}`
        : `12 IDs: Skipped ${imagine.counts.skipped}`,
    );

    await setFilter(page, "provider", "akool");
    await expectRuns(page, [akool]);
    await setFilter(page, "provider", "");
    await expectRuns(page, newestFirst);

    await setFilter(page, "status", "cancelled");
    await expectRuns(page, [imagine]);
    await setFilter(page, "status", "completed");
    await expectRuns(page, [akool]);
    await setFilter(page, "status", "completed_with_issues");
    await expectRuns(page, [vod]);

    // A day before the first run finds none of them; the days they ran on find them; a day after
    // the last finds none again.
    const firstDay = localDay(vod.createdAt);
    const lastDay = localDay(imagine.createdAt);
    await setFilter(page, "to", localDay(Date.parse(vod.createdAt) - DAY_MS));
    await expect(page.getByText("No runs match these filters.")).toBeVisible();
    await setFilter(page, "from", firstDay);
    await setFilter(page, "to", lastDay);
    await expectRuns(page, [vod]);
    await setFilter(page, "to", "");
    await setFilter(
      page,
      "from",
      localDay(Date.parse(imagine.createdAt) + DAY_MS),
    );
    await expect(page.getByText("No runs match these filters.")).toBeVisible();
    await setFilter(page, "from", firstDay);

    await setFilter(page, "provider", "vod");
    await expectRuns(page, [vod]);
  });

  const shared = new URL(page.url());
  await test.step("the copied link shows a viewer the same rows, after signing in", async () => {
    expect(Object.fromEntries(shared.searchParams)).toEqual({
      provider: "vod",
      operator: email,
      status: "completed_with_issues",
      from: localDay(vod.createdAt),
    });
    const viewerContext = await browser.newContext({
      baseURL: BASE_URL,
      timezoneId: TIME_ZONE,
    });
    const viewer = await viewerContext.newPage();
    // Signed out, the link goes through the sign-in form and comes back with its filters.
    await viewer.goto(shared.href);
    await expect(viewer).toHaveURL(/\/login\?callbackUrl=/);
    await viewer.getByLabel("Email").fill("viewer@erasure.demo");
    await viewer.getByLabel("Password").fill("demo-viewer-password");
    await viewer.getByRole("button", { name: "Sign in" }).click();
    await expect(viewer.getByTestId("signed-in-user")).toContainText(
      "viewer@erasure.demo",
    );
    await expect(viewer).toHaveURL(shared.href);
    await expect(viewer.getByLabel("Provider", { exact: true })).toHaveValue(
      "vod",
    );
    await expect(viewer.getByLabel("Status", { exact: true })).toHaveValue(
      "completed_with_issues",
    );
    await expect(
      viewer.getByLabel("Operator email", { exact: true }),
    ).toHaveValue(email);
    await expect(viewer.getByLabel("From", { exact: true })).toHaveValue(
      localDay(vod.createdAt),
    );
    await expectRuns(viewer, [vod]);
    await expect(cell(rowOf(viewer, vod), OUTCOMES)).toHaveText(
      "3 IDs: Deleted 2, Forbidden 1",
    );
    await viewerContext.close();
  });

  await test.step("the run-ID search finds one run among everyone's", async () => {
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/runs$/);
    // Past the text fields' debounce: a cleared field must not put its old filter back.
    await page.waitForTimeout(1_000);
    await expect(page).toHaveURL(/\/runs$/);
    await expect(
      page.getByLabel("Operator email", { exact: true }),
    ).toHaveValue("");
    // A prefix, typed in capitals: the search is case-insensitive.
    const prefix = akool.id.slice(0, 13).toUpperCase();
    await setFilter(page, "q", prefix);
    await expectRuns(page, [akool]);
    await expect(page.getByText("Rows 1–1 of 1")).toBeVisible();
    await setFilter(page, "q", "");
    await expect(page).toHaveURL(/\/runs$/);
  });

  await test.step("two quick filter changes both land", async () => {
    // The second change is made before the first navigation has come back from the server.
    await page.getByLabel("Provider", { exact: true }).selectOption("akool");
    await page.getByLabel("Status", { exact: true }).selectOption("completed");
    await expect(page).toHaveURL(
      (url) =>
        url.searchParams.get("provider") === "akool" &&
        url.searchParams.get("status") === "completed",
    );
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/runs$/);
  });

  await test.step('"Has failed rows" keeps only runs with a failed or refused row', async () => {
    await setFilter(page, "operator", email);
    await expectRuns(page, newestFirst);
    await setFilter(page, "hasFailed", "1");
    await expect(page).toHaveURL(
      (url) => url.searchParams.get("operator") === email,
    );
    await expectRuns(page, [vod]);
    // Across everyone's runs: the server sends only runs with failed rows, and the table shows them.
    const everyone = page.waitForResponse((response) => {
      const url = new URL(response.url());
      return (
        url.pathname === "/api/runs" &&
        url.searchParams.get("hasFailed") === "1" &&
        !url.searchParams.has("operator")
      );
    });
    await setFilter(page, "operator", "");
    const { runs }: { runs: ApiRun[] } = await (await everyone).json();
    expect(runs.map((run) => run.id)).toContain(vod.id);
    for (const run of runs)
      expect(run.counts.failed + run.counts.forbidden).toBeGreaterThan(0);
    await expect(bodyRows(page).first()).toContainText(runs[0]!.id.slice(0, 8));
    await expect(rowOf(page, vod)).toBeVisible();
    for (const row of await bodyRows(page).all())
      await expect(cell(row, OUTCOMES)).toContainText(/(Failed|Forbidden) \d/);
    await setFilter(page, "hasFailed", "");
    await setFilter(page, "operator", email);
    await expectRuns(page, newestFirst);
  });

  await test.step("sorting by a column asks the server and reorders the rows", async () => {
    const header = (title: string) =>
      historyTable(page).getByRole("columnheader", {
        name: title,
        exact: true,
      });
    const sortBy = async (title: string, sort: string, dir: string) => {
      // The sort goes to the server with the filters and the page, not into the browser's rows.
      const request = page.waitForRequest((req) => {
        const url = new URL(req.url());
        return (
          url.pathname === "/api/runs" &&
          url.searchParams.get("sort") === sort &&
          url.searchParams.get("dir") === dir
        );
      });
      await header(title).getByRole("button", { name: title }).click();
      const sent = new URL((await request).url()).searchParams;
      expect(sent.get("operator")).toBe(email);
      expect(sent.get("offset")).toBe("0");
      expect(sent.get("limit")).toBe("50");
      await expect(page).toHaveURL(
        (url) =>
          url.searchParams.get("sort") === sort &&
          url.searchParams.get("dir") === dir,
      );
      await expect(header(title)).toHaveAttribute(
        "aria-sort",
        dir === "asc" ? "ascending" : "descending",
      );
    };
    await expect(header("Started")).toHaveAttribute("aria-sort", "descending");

    // Sizes: Akool 2, VOD 3, Imagine 12. Numbers sort largest first on the first click.
    await sortBy("Outcomes", "total", "desc");
    await expectRuns(page, [imagine, vod, akool]);
    await expect(header("Started")).toHaveAttribute("aria-sort", "none");
    await sortBy("Outcomes", "total", "asc");
    await expectRuns(page, [akool, vod, imagine]);

    // Provider IDs: akool < imagine < vod. Text sorts A to Z on the first click.
    await sortBy("Provider", "provider", "asc");
    await expectRuns(page, [akool, imagine, vod]);
    await sortBy("Provider", "provider", "desc");
    await expectRuns(page, [vod, imagine, akool]);
  });

  await test.step("paging is done by the server and kept in the URL", async () => {
    const url = new URL(page.url());
    url.searchParams.set("offset", "50");
    await page.goto(url.href);
    await expect(
      page.getByText("No rows on this page (3 in all)"),
    ).toBeVisible();
    await page.getByRole("button", { name: "Previous" }).click();
    await expect(page).toHaveURL((next) => !next.searchParams.has("offset"));
    await expect(page.getByText("Rows 1–3 of 3")).toBeVisible();
    await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();
  });

  await test.step("clicking anywhere on a row opens the run", async () => {
    await rowOf(page, vod).click();
    await expect(page).toHaveURL(new RegExp(`/runs/${vod.id}$`));
    await expect(page.getByTestId("run-confirmation")).toContainText(
      `${email}, who typed “delete 3 videos”`,
    );
  });

  await operatorContext.close();
});
