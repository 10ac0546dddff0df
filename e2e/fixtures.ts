import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_PORT } from "../playwright.config";
import { demoAccounts } from "../scripts/demo-accounts";

/** The console the global setup started, and its provider sandbox's control API. */
export const BASE_URL = `http://localhost:${E2E_PORT}`;
export const SANDBOX = `http://127.0.0.1:${E2E_PORT + 10}/__sandbox`;

export type DemoRole = "admin" | "operator" | "viewer";

export function account(role: DemoRole) {
  const found = demoAccounts.find((candidate) => candidate.role === role);
  if (!found) throw new Error(`no demo account for ${role}`);
  return found;
}

/** Signs in through the real form, as an operator would. */
export async function signIn(
  page: Page,
  role: DemoRole,
  path = "/runs/new",
): Promise<void> {
  const { email, password } = account(role);
  await signInAs(page, email, password, path);
}

/** Signs in through the form as any user (`signIn` knows only the demo accounts). */
export async function signInAs(
  page: Page,
  email: string,
  password: string,
  path = "/runs/new",
): Promise<void> {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText(email);
}

/** Waits until the run has finished (every row has its outcome), through the API. */
export async function waitForRunEnd(
  request: APIRequestContext,
  runId: string,
  timeout = 90_000,
): Promise<void> {
  await expect
    .poll(
      async () =>
        (await (await request.get(`/api/runs/${runId}`)).json()).finishedAt,
      { timeout },
    )
    .not.toBeNull();
}
