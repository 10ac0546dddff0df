import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";
import {
  consolePages,
  finishedRun,
  loginPage,
  seriousAxeFindings,
} from "./page-tour";

// axe-core over every page, in the light and the dark theme (the system setting, which the
// console follows by default): no serious or critical finding is allowed.

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test(`every page has no serious or critical axe finding (${colorScheme})`, async ({
      page,
    }) => {
      test.setTimeout(150_000);
      await loginPage.open(page);
      await expect(page.locator("html")).toHaveClass(
        colorScheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/,
      );
      expect(await seriousAxeFindings(page), loginPage.name).toEqual([]);

      await signIn(page, "admin", "/runs");
      const run = await finishedRun(page);
      for (const stop of consolePages(run)) {
        await test.step(stop.name, async () => {
          await stop.open(page);
          // Soft: one report lists the findings of every page, not only the first.
          expect.soft(await seriousAxeFindings(page), stop.name).toEqual([]);
        });
      }
    });
  });
}

test("the theme follows the system until chosen, and the choice is remembered before paint", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await signIn(page, "viewer", "/runs");
  const html = page.locator("html");
  const theme = page.getByRole("group", { name: "Theme" });
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(
    theme.getByRole("button", { name: "System theme" }),
  ).toHaveAttribute("aria-pressed", "true");

  // The system setting changes while the page is open: the page follows it.
  await page.emulateMedia({ colorScheme: "light" });
  await expect(html).not.toHaveClass(/\bdark\b/);

  await theme.getByRole("button", { name: "Dark theme" }).click();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(
    theme.getByRole("button", { name: "Dark theme" }),
  ).toHaveAttribute("aria-pressed", "true");
  expect(
    await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
  ).not.toBe("rgb(255, 255, 255)");

  // Applied by the inline script before the first paint: the class is there in the very first
  // frame of the next page (so the nonce'd script ran under the page's CSP), not after hydration.
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      (window as unknown as { darkAtParse: boolean }).darkAtParse =
        document.documentElement.classList.contains("dark");
    });
  });
  await page.goto("/audit");
  expect(
    await page.evaluate(
      () => (window as unknown as { darkAtParse: boolean }).darkAtParse,
    ),
  ).toBe(true);
  expect(
    errors.filter((text) => /Content Security Policy/i.test(text)),
  ).toEqual([]);

  await theme.getByRole("button", { name: "Light theme" }).click();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(html).not.toHaveClass(/\bdark\b/);

  await theme.getByRole("button", { name: "System theme" }).click();
  await expect(html).toHaveClass(/\bdark\b/);
});
