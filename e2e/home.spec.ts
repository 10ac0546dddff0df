import { expect, test, type APIRequestContext } from "@playwright/test";
import { account, BASE_URL, SANDBOX, signIn, waitForRunEnd } from "./fixtures";
import { truth } from "./new-deletion";

// The home page as a viewer first sees it: sign-in without a destination lands on `/`, which
// shows a run in progress moving (an Imagine.art run: 50 calls a minute keep it going for the
// whole test), a finished VOD run with a Forbidden row among the problems, every provider's
// health and rate budgets, and the chart of the last 30 days, drawn once its code has loaded.

/** Starts a run through the API with the operator's session, as the console's form does. */
async function startRun(
  request: APIRequestContext,
  provider: "vod" | "imagine",
  ids: string[],
): Promise<string> {
  const response = await request.post("/api/runs", {
    headers: { origin: BASE_URL },
    data: { provider, ids, confirmation: `delete ${ids.length} videos` },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id;
}

test("a viewer lands on the home page and sees progress, problems, provider health and the chart", async ({
  browser,
  page,
}) => {
  const operatorContext = await browser.newContext();
  const operator = await operatorContext.newPage();
  await signIn(operator, "operator", "/");

  // Fresh videos of the sandbox, so other specs' deletions cannot change what these runs end with.
  const seeded = await operator.request.post(`${SANDBOX}/seed`, {
    data: { provider: "vod", count: 40 },
  });
  const added = new Set<string>((await seeded.json()).ids);
  const vod = (await truth(operator.request, "vod")).filter(
    (video) => added.has(video.id) && !video.deleted,
  );
  const own = vod.find((video) => video.owner === "console")!;
  const foreign = vod.find((video) => video.owner === "other")!;
  const problemRun = await startRun(operator.request, "vod", [
    own.id,
    foreign.id,
  ]);
  await waitForRunEnd(operator.request, problemRun);

  const imagine = (await truth(operator.request, "imagine"))
    .filter((video) => !video.deleted && video.owner === "console")
    .slice(0, 30)
    .map((video) => video.id);
  expect(imagine).toHaveLength(30);
  const liveRun = await startRun(operator.request, "imagine", imagine);
  await operatorContext.close();

  // No destination: sign-in goes home.
  const { email, password } = account("viewer");
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${BASE_URL}/`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Home");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", {
      name: "Home",
    }),
  ).toHaveAttribute("aria-current", "page");
  // A viewer starts nothing: no "New deletion" button on the page itself.
  await expect(
    page.getByRole("main").getByRole("link", { name: "New deletion" }),
  ).toHaveCount(0);

  // The live run, and its progress moving without a reload.
  const inProgress = page.getByRole("region", { name: "In progress" });
  const liveRow = inProgress
    .getByRole("listitem")
    .filter({ has: page.locator(`a[href="/runs/${liveRun}"]`) });
  await expect(liveRow).toContainText("Imagine.art · 30 videos");
  const settled = async () =>
    Number(/(\d+) of 30 \(/.exec((await liveRow.textContent()) ?? "")?.[1]);
  const first = await settled();
  expect(first).toBeLessThan(30);
  await expect.poll(settled, { timeout: 30_000 }).toBeGreaterThan(first);

  // The VOD run that met another account's video.
  const problems = page.getByRole("region", { name: "Recent problems" });
  await expect(
    problems
      .getByRole("listitem")
      .filter({ has: page.locator(`a[href="/runs/${problemRun}"]`) }),
  ).toContainText("Forbidden 1");

  // Every provider configured against the sandbox, healthy, with its budgets.
  const providers = page.getByRole("list", { name: "Provider health" });
  for (const id of ["vod", "memories", "akool", "imagine"]) {
    const card = providers.getByTestId(`provider-${id}`);
    await expect(card).toContainText("Healthy");
    await expect(card.getByRole("meter").first()).toBeVisible();
  }
  // The Imagine run draws on its one budget right now.
  await expect(providers.getByTestId("provider-imagine")).toContainText(/free/);

  // The chart's code arrives after the page; then it draws today's bars.
  const chart = page.getByTestId("outcomes-chart");
  // The chart's own surface comes first; the legend draws small ones of its own.
  await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(
    chart.locator(".recharts-bar-rectangle path, .recharts-rectangle").first(),
  ).toBeAttached();
  await expect(
    page.getByRole("region", { name: "Outcomes per day" }),
  ).toContainText(/\d+ runs/);
});
