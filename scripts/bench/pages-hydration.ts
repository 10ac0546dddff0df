// `npm run bench:pages`, part (b): how long after navigation the "Video IDs" box of /runs/new is
// usable on a cold load (a fresh browser context: no cache), in the page's own clock. "Usable"
// means React has hydrated the box (its event handlers are attached, so typing is handled); the
// bench then types an ID and waits for the counts line to say "1 valid", so a box that looks
// hydrated but does not work fails the run instead of giving a figure.
import type { Browser, BrowserContextOptions } from "@playwright/test";

// Installed before the page's scripts: polls every frame and every 5 ms (whichever comes first)
// for the box with React's props on it, and keeps the first moment it sees them.
const PROBE = `(() => {
  globalThis.__name ??= (target) => target;
  const probe = { hydratedAt: null };
  window.__hydrationProbe = probe;
  const check = () => {
    if (probe.hydratedAt !== null) return;
    const box = document.getElementById("video-ids");
    if (box && Object.keys(box).some((key) => key.startsWith("__reactProps$"))) {
      probe.hydratedAt = performance.now();
      clearInterval(timer);
      return;
    }
    requestAnimationFrame(check);
  };
  const timer = setInterval(check, 5);
  requestAnimationFrame(check);
})();`;

export interface HydrationSample {
  /** Navigation start to the box being hydrated. */
  usableMs: number;
  /** Navigation start to DOMContentLoaded, for comparison. */
  domContentLoadedMs: number;
}

export async function measureIdBox(
  browser: Browser,
  contextOptions: BrowserContextOptions,
): Promise<HydrationSample> {
  const context = await browser.newContext(contextOptions);
  try {
    await context.addInitScript({ content: PROBE });
    const page = await context.newPage();
    await page.goto("/runs/new");
    await page.waitForFunction(
      () =>
        (
          window as unknown as {
            __hydrationProbe: { hydratedAt: number | null };
          }
        ).__hydrationProbe.hydratedAt !== null,
      undefined,
      { timeout: 60_000 },
    );
    const sample = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType(
        "navigation",
      ) as PerformanceNavigationTiming[];
      return {
        usableMs: (
          window as unknown as { __hydrationProbe: { hydratedAt: number } }
        ).__hydrationProbe.hydratedAt,
        domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? NaN,
      };
    });
    // Proof that it works: an ID typed into it is counted.
    await page.getByLabel("Provider", { exact: true }).selectOption("vod");
    await page.locator("#video-ids").fill("0123456789abcdef0123456789abcdef");
    await page
      .getByRole("status")
      .filter({ hasText: "1 valid" })
      .waitFor({ timeout: 30_000 });
    return sample;
  } finally {
    await context.close();
  }
}
