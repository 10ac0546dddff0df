// `npm run bench:pages [-- --runs N] [--samples N] [--screenshot docs/home.png]`: the issue's
// measured budgets for the pages, printed beside their bounds (figures are printed, not judged;
// only a page that cannot be measured fails the script):
//   (a) first-load JavaScript, gzip, of every page route of the production build, read from the
//       build's manifests (pages-js.ts says how), bound 200 KB;
//   (b) the time until the "Video IDs" box of /runs/new is usable on a cold load in headless
//       Chromium (pages-hydration.ts), bound 1 s;
//   (c) the home page's server time with 10,000 runs in the database: the whole HTML of `/`
//       received on loopback (time to last byte, so a streamed page counts until its figures are
//       in), median of N, bound 300 ms; GET /api/home too.
// The console is the production build started as `npm run demo` does (scripts/console-process.ts)
// on a fresh PGlite folder seeded first (pages-seed.ts). With --screenshot, a live run is started
// and the home page is saved as the README shows it: a 1280×800 window, the whole page.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { chromium, devices, type Browser } from "@playwright/test";
import playwrightConfig from "../../playwright.config";
import { startConsole } from "../console-process";
import { demoAccounts } from "../demo-accounts";
import { measureIdBox, type HydrationSample } from "./pages-hydration";
import { firstLoadJs, type PageJs } from "./pages-js";
import { seedRuns } from "./pages-seed";

const JS_BOUND_KB = 200;
const USABLE_BOUND_MS = 1000;
const SERVER_BOUND_MS = 300;

function parseArgs(argv: string[]) {
  const options = {
    runs: 10_000,
    samples: 20,
    screenshot: null as string | null,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string?];
    const value = () => inline ?? argv[++i] ?? "";
    if (flag === "--runs") options.runs = Number(value());
    else if (flag === "--samples") options.samples = Number(value());
    else if (flag === "--screenshot") options.screenshot = value();
    else
      throw new Error(
        "usage: npm run bench:pages [-- --runs 10000] [--samples 20] [--screenshot docs/home.png]",
      );
  }
  if (!(options.runs >= 0 && options.samples >= 1))
    throw new Error("--runs and --samples are counts");
  return options;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]!
    : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[
    Math.min(values.length - 1, Math.floor(values.length * p))
  ]!;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const pad = (value: string | number, width: number) =>
  String(value).padStart(width);
const verdict = (ok: boolean) => (ok ? "within" : "OVER");

/** Time to first and last byte of one GET, on this machine's clock. */
async function timeGet(url: string, cookie: string) {
  const start = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const reader = response.body!.getReader();
  let first = NaN;
  for (;;) {
    const { done } = await reader.read();
    if (Number.isNaN(first)) first = performance.now() - start;
    if (done) break;
  }
  if (response.status !== 200)
    throw new Error(`GET ${url} → ${response.status}`);
  return { ttfb: first, total: performance.now() - start };
}

async function signedInState(browser: Browser, origin: string) {
  const context = await browser.newContext({
    ...devices["Desktop Chrome"],
    baseURL: origin,
  });
  const operator = demoAccounts.find((account) => account.role === "operator")!;
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(operator.email);
  await page.getByLabel("Password").fill(operator.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("signed-in-user").waitFor();
  const state = await context.storageState();
  const cookie = state.cookies
    .map((entry) => `${entry.name}=${entry.value}`)
    .join("; ");
  await context.close();
  return { state, cookie };
}

/** An Imagine.art run of 40 of the sandbox's videos: at 50 calls a minute it goes on a while. */
async function startLiveRun(
  origin: string,
  sandboxUrl: string,
  cookie: string,
) {
  const videos = (await (
    await fetch(`${sandboxUrl}/__sandbox/videos?provider=imagine`)
  ).json()) as { id: string; owner: string; deleted: boolean }[];
  const ids = videos
    .filter((video) => !video.deleted && video.owner === "console")
    .slice(0, 40)
    .map((video) => video.id);
  const response = await fetch(`${origin}/api/runs`, {
    method: "POST",
    headers: { cookie, origin, "content-type": "application/json" },
    body: JSON.stringify({
      provider: "imagine",
      ids,
      confirmation: `delete ${ids.length} videos`,
    }),
  });
  if (response.status !== 201)
    throw new Error(
      `POST /api/runs → ${response.status}: ${await response.text()}`,
    );
}

const options = parseArgs(process.argv.slice(2));
const launchOptions = playwrightConfig.projects?.[0]?.use?.launchOptions;
if (!launchOptions)
  throw new Error("playwright.config.ts no longer has Chromium launchOptions");

const dataDir = mkdtempSync(path.join(tmpdir(), "erasure-bench-pages-"));
process.env.ERASURE_DATA_DIR = dataDir;
process.env.AUTH_SECRET ??= "bench-pages-secret-bench-pages-secret-0123";
console.log(`Seeding ${options.runs.toLocaleString("en-US")} runs…`);
await seedRuns(options.runs);

const server = await startConsole({
  exitOnSignal: true,
  quiet: true,
  // The seeded paused runs count against the operator's active-run cap; the screenshot starts one more.
  env: { ERASURE_DATA_DIR: dataDir, ERASURE_MAX_ACTIVE_RUNS_PER_USER: "100" },
});
let failed = false;
const browser = await chromium
  .launch({ ...launchOptions, headless: true })
  .catch((error: unknown) => {
    server.stop();
    throw error;
  });
try {
  await server.ready;
  const { state, cookie } = await signedInState(browser, server.origin);
  console.log(
    `\nConsole: production build, PGlite, ${options.runs.toLocaleString("en-US")} runs; ` +
      `Chromium ${browser.version()} headless; ${cpus().length} CPUs, load average ` +
      `${loadavg()[0]!.toFixed(1)} at start\n`,
  );

  // (a) First-load JS per page route, from the build the console serves.
  const pages: PageJs[] = firstLoadJs();
  console.log(
    "(a) First-load JavaScript per page (gzip -9 of the chunks the build loads before hydration)",
  );
  console.log(
    `${"route".padEnd(18)}  ${pad("scripts", 7)}  ${pad("raw KB", 8)}  ${pad("gzip KB", 8)}  bound ${JS_BOUND_KB} KB`,
  );
  for (const page of pages)
    console.log(
      `${page.route.padEnd(18)}  ${pad(page.scripts, 7)}  ${pad(kb(page.rawBytes), 8)}  ${pad(kb(page.gzipBytes), 8)}  ${verdict(page.gzipBytes <= JS_BOUND_KB * 1024)}`,
    );

  // (b) The ID box on a cold load. One load first, so the server's first-request work is not
  // counted against the browser.
  const contextOptions = {
    ...devices["Desktop Chrome"],
    baseURL: server.origin,
    storageState: state,
  };
  await measureIdBox(browser, contextOptions);
  const samples: HydrationSample[] = [];
  for (let i = 0; i < 5; i++)
    samples.push(await measureIdBox(browser, contextOptions));
  const usable = samples.map((sample) => sample.usableMs);
  console.log(
    `\n(b) "Video IDs" box on /runs/new usable (hydrated, a typed ID counted), cold load, 5 loads:` +
      `\n    median ${usable.length ? median(usable).toFixed(0) : "-"} ms, worst ${Math.max(...usable).toFixed(0)} ms` +
      ` (DOMContentLoaded median ${median(samples.map((sample) => sample.domContentLoadedMs)).toFixed(0)} ms);` +
      ` bound ${USABLE_BOUND_MS} ms: ${verdict(median(usable) <= USABLE_BOUND_MS)}`,
  );

  // (c) The home page's server time.
  const time = async (pathname: string) => {
    for (let i = 0; i < 3; i++)
      await timeGet(`${server.origin}${pathname}`, cookie);
    const results = [];
    for (let i = 0; i < options.samples; i++)
      results.push(await timeGet(`${server.origin}${pathname}`, cookie));
    return results;
  };
  const report = (name: string, results: { ttfb: number; total: number }[]) => {
    const total = results.map((result) => result.total);
    console.log(
      `    ${name.padEnd(10)} last byte median ${median(total).toFixed(0)} ms, p90 ${percentile(total, 0.9).toFixed(0)} ms` +
        ` (first byte median ${median(results.map((result) => result.ttfb)).toFixed(0)} ms)`,
    );
    return median(total);
  };
  console.log(
    `\n(c) Home page server time, ${options.runs.toLocaleString("en-US")} runs, ${options.samples} requests each after 3 warm-ups, loopback:`,
  );
  const home = report("GET /", await time("/"));
  report("/api/home", await time("/api/home"));
  console.log(
    `    bound ${SERVER_BOUND_MS} ms for GET /: ${verdict(home <= SERVER_BOUND_MS)}`,
  );

  if (options.screenshot) {
    await startLiveRun(server.origin, server.sandboxUrl, cookie);
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      baseURL: server.origin,
      storageState: state,
    });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByTestId("outcomes-chart").locator("svg").first().waitFor();
    await page.getByText("Healthy").first().waitFor();
    // A few seconds into the run, so its bar shows progress.
    await page.waitForTimeout(6000);
    // The whole page at 1280 wide: the chart sits below the first 800 pixels.
    await page.screenshot({ path: options.screenshot, fullPage: true });
    console.log(`\nSaved the home page at 1280×800 to ${options.screenshot}`);
    await context.close();
  }
} catch (error) {
  failed = true;
  console.error(
    error instanceof Error ? (error.stack ?? error.message) : error,
  );
} finally {
  await browser.close();
  server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
