import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// Security headers on every kind of response, and a page CSP strict enough that an inline script
// without this request's nonce never runs, while the console itself works under it.

const common = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

function scriptSources(csp: string): string[] {
  const directive = csp
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith("script-src "));
  return directive ? directive.split(/\s+/).slice(1) : [];
}

test("pages carry a per-request nonce CSP; API answers and files carry the common headers", async ({
  request,
}) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  for (const response of [first, second]) {
    expect(response.headers()).toMatchObject(common);
    // `npm run demo` serves a production build: HSTS is on.
    expect(response.headers()["strict-transport-security"]).toContain(
      "max-age=",
    );
  }
  const csp = first.headers()["content-security-policy"]!;
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const sources = scriptSources(csp);
  expect(sources).toContain("'strict-dynamic'");
  expect(sources).not.toContain("'unsafe-inline'");
  expect(sources).not.toContain("'unsafe-eval'");
  const nonce = sources.find((source) => source.startsWith("'nonce-"));
  expect(nonce).toBeDefined();
  // A fresh nonce per request, and Next's own scripts carry it.
  expect(
    scriptSources(second.headers()["content-security-policy"]!),
  ).not.toContain(nonce);
  expect(await first.text()).toContain(`nonce="${nonce!.slice(7, -1)}"`);

  const api = await request.get("/api/me");
  expect(api.status()).toBe(401);
  expect(api.headers()).toMatchObject({
    ...common,
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  });
});

test("the console runs under its CSP, and an injected inline handler does not", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text()))
      violations.push(message.text());
  });
  await signIn(page, "operator");
  // Hydrated and working: the ID parser (a Web Worker) counts a pasted list.
  await page.getByLabel("Provider", { exact: true }).selectOption("vod");
  await page
    .getByLabel("Video IDs")
    .fill(`${"a".repeat(32)}\n${"b".repeat(32)}`);
  await expect(page.getByText("2 valid", { exact: true })).toBeVisible();
  expect(violations).toEqual([]);

  // What markup injection (XSS) would do: an inline handler without the nonce. Without the
  // policy the browser runs it as soon as the broken image fails to load.
  await page.evaluate(() => {
    const holder = document.createElement("div");
    holder.innerHTML =
      '<img alt="" src="/no-such-image.png" onerror="document.body.dataset.injected = \'ran\'">';
    document.body.append(holder);
  });
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => document.body.dataset.injected)).toBe(
    undefined,
  );
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});
