import { expect, test, type Locator } from "@playwright/test";
import { signIn } from "./fixtures";
import {
  consolePages,
  finishedRun,
  loginPage,
  pageOverflow,
} from "./page-tour";

// The console on a phone (390×844, an iPhone 14's viewport): no page scrolls sideways (wide
// tables scroll inside their card), and the navigation is a drawer behind a menu button. Then a
// desktop window (1440×900), where the runs table and the audit results must fit their cards.

test.describe("at 390×844", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("no page scrolls sideways", async ({ page }) => {
    test.setTimeout(120_000);
    await loginPage.open(page);
    expect(await pageOverflow(page), loginPage.name).toEqual({
      scrollWidth: 390,
      innerWidth: 390,
    });
    await signIn(page, "admin", "/runs");
    const run = await finishedRun(page);
    for (const stop of consolePages(run)) {
      await test.step(stop.name, async () => {
        await stop.open(page);
        const { scrollWidth, innerWidth } = await pageOverflow(page);
        // Soft: one report names every page that scrolls, not only the first.
        expect.soft(scrollWidth, stop.name).toBeLessThanOrEqual(innerWidth);
      });
    }
  });

  test("the navigation opens from the menu button, closes with Escape or a link, and gives focus back", async ({
    page,
  }) => {
    await signIn(page, "admin", "/runs");
    const menu = page.getByRole("button", { name: "Open navigation" });
    const main = page.getByRole("navigation", { name: "Main" });
    // The sidebar is gone: its links are only in the drawer.
    await expect(main).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");

    await menu.click();
    const drawer = page.getByRole("dialog", { name: "Navigation" });
    await expect(drawer).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(drawer.getByRole("link", { name: "Runs" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    await expect(menu).toBeFocused();

    await menu.click();
    await drawer.getByRole("button", { name: "Close navigation" }).click();
    await expect(drawer).toBeHidden();

    await menu.click();
    await drawer.getByRole("link", { name: "Audit" }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(drawer).toBeHidden();
    await expect(
      page.getByRole("heading", { name: "Audit", level: 1 }),
    ).toBeVisible();
  });
});

/** Right edge of `inner` minus right edge of `outer`: positive when it sticks out. */
async function overhang(inner: Locator, outer: Locator): Promise<number> {
  const [a, b] = await Promise.all([inner.boundingBox(), outer.boundingBox()]);
  return a!.x + a!.width - (b!.x + b!.width);
}

/** Words of the element's text that the browser broke across lines. */
function brokenWords(element: Locator): Promise<string[]> {
  return element.evaluate((node) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      for (const match of (text.textContent ?? "").matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const lines = new Set(
          [...range.getClientRects()].map((rect) => Math.round(rect.top)),
        );
        if (lines.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

test.describe("at 1440×900", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("the runs table shows every column inside its card, and audit results break no word", async ({
    page,
  }) => {
    await signIn(page, "admin", "/runs");
    const run = await finishedRun(page);
    const [runsPage, audit] = consolePages(run).filter((stop) =>
      ["runs", "audit, with a search's results"].includes(stop.name),
    );

    await runsPage!.open(page);
    const region = page.getByRole("region", { name: "Runs (scrollable)" });
    const startedVia = page.getByRole("columnheader", { name: "Started via" });
    await expect(startedVia).toBeVisible();
    expect(await overhang(startedVia, region)).toBeLessThanOrEqual(0);
    expect(
      await region.evaluate((node) => node.scrollWidth - node.clientWidth),
    ).toBeLessThanOrEqual(0);

    await audit!.open(page);
    const table = page.getByRole("table", {
      name: `Runs that touched ${run.ids[0]}`,
    });
    const row = table.getByRole("row").nth(1);
    await expect(row).toContainText("admin@erasure.demo");
    expect(await brokenWords(row)).toEqual([]);
  });
});
