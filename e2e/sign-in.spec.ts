import { expect, test } from "@playwright/test";
import { account, signIn, type DemoRole } from "./fixtures";

const expectations: {
  role: DemoRole;
  badge: string;
  adminLinks: boolean;
  canStart: boolean;
}[] = [
  { role: "admin", badge: "Admin", adminLinks: true, canStart: true },
  { role: "operator", badge: "Operator", adminLinks: false, canStart: true },
  { role: "viewer", badge: "Viewer", adminLinks: false, canStart: false },
];

for (const { role, badge, adminLinks, canStart } of expectations) {
  test(`${role} signs in and sees what a ${role} may see`, async ({ page }) => {
    await signIn(page, role);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "New deletion" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Runs" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Audit" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(
      adminLinks ? 1 : 0,
    );
    await expect(nav.getByRole("link", { name: "Tokens" })).toHaveCount(
      adminLinks ? 1 : 0,
    );
    await expect(
      page.getByRole("banner").getByText(badge, { exact: true }),
    ).toBeVisible();
    await expect(
      page.getByText("Viewers cannot preview or start deletions."),
    ).toHaveCount(canStart ? 0 : 1);

    await page.goto("/admin/users");
    if (adminLinks) {
      await expect(
        page.getByRole("heading", { name: "Users", exact: true }),
      ).toBeVisible();
      await expect(
        page.getByRole("cell", { name: account("viewer").email, exact: true }),
      ).toBeVisible();
    } else {
      await expect(page).toHaveURL(/\/runs$/);
    }
  });
}

test("a wrong password shows a clear error and keeps the user signed out", async ({
  page,
}) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(account("operator").email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    "Wrong email or password.",
  );
  await page.goto("/runs");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fruns/);
});

test("a signed-out visit is sent to sign-in and comes back after it", async ({
  page,
}) => {
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(account("viewer").email);
  await page.getByLabel("Password").fill(account("viewer").password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("heading", { name: "Audit", exact: true }),
  ).toBeVisible();
});

test("after sign-out the back button shows the sign-in page and the old cookie is refused", async ({
  page,
  context,
}) => {
  await signIn(page, "operator");
  await page.getByRole("link", { name: "Runs" }).click();
  await expect(
    page.getByRole("heading", { name: "Runs", exact: true }),
  ).toBeVisible();
  const cookies = await context.cookies();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goBack();
  await expect(
    page.getByRole("heading", { name: "Sign in to Erasure", exact: true }),
  ).toBeVisible();

  // Replaying the pre-sign-out cookie must not bring the session back.
  await context.addCookies(cookies);
  const replay = await page.request.get("/api/me");
  expect(replay.status()).toBe(401);
  await page.goto("/runs");
  await expect(
    page.getByRole("heading", { name: "Sign in to Erasure", exact: true }),
  ).toBeVisible();
});
