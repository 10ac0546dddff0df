import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

test("an admin adds a user, issues a token shown once, and revoking it locks the script out", async ({
  page,
  playwright,
  baseURL,
}) => {
  const email = `script-${Date.now()}@erasure.test`;
  await signIn(page, "admin", "/admin/users");
  // The list is fetched by the client: once it shows, the form is hydrated and submits via fetch.
  await expect(
    page.getByRole("cell", { name: "viewer@erasure.demo", exact: true }),
  ).toBeVisible();

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("operator");
  await page.getByLabel("Initial password").fill("a-long-initial-password");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText(`Added ${email}`);
  await expect(
    page.getByRole("cell", { name: email, exact: true }),
  ).toBeVisible();

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Tokens" })
    .click();
  await page.getByLabel("Token name").fill("nightly-cleanup");
  await page
    .getByLabel("Acts as")
    .selectOption({ label: `${email} (Operator)` });
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = await page.getByLabel("New API token").inputValue();
  expect(secret).toMatch(/^era_/);

  const api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${secret}` },
  });
  const me = await api.get("/api/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({
    email,
    role: "operator",
    via: { kind: "token", tokenName: "nightly-cleanup" },
  });

  const row = page
    .getByRole("row")
    .filter({ hasText: "nightly-cleanup" })
    .filter({ hasText: email });
  await row.getByRole("button", { name: "Revoke" }).click();
  await page
    .getByRole("dialog", { name: "Revoke “nightly-cleanup”?" })
    .getByRole("button", { name: "Revoke", exact: true })
    .click();
  await expect(row.getByText("Revoked")).toBeVisible();
  expect((await api.get("/api/me")).status()).toBe(401);
  await api.dispose();
});
