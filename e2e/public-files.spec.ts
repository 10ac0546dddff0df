import { expect, test } from "@playwright/test";

// Files in public/ answer a signed-out visitor directly: proxy.ts's matcher leaves them out, so
// they are never redirected to /login. Robots are told not to index an admin console.

const files = [
  {
    path: "/favicon.ico",
    type: /^image\/(x-icon|vnd\.microsoft\.icon)\b/,
  },
  { path: "/icon.svg", type: /^image\/svg\+xml\b/ },
  { path: "/robots.txt", type: /^text\/plain\b/ },
];

test("public files answer 200 with their content type, without a session", async ({
  request,
}) => {
  for (const { path, type } of files) {
    // No cookie, and no redirect followed: a 307 to /login would fail here, not turn into a 200.
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(type);
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(response.headers()["content-security-policy"], path).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  }

  const icon = await (await request.get("/favicon.ico")).body();
  // ICONDIR: reserved 0, type 1 (icon), then the number of images.
  expect([...icon.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  expect(icon.readUInt16LE(4)).toBeGreaterThan(0);

  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/^User-agent: \*$/m);
  expect(robots).toMatch(/^Disallow: \/$/m);
});

test("pages link the icons", async ({ page }) => {
  await page.goto("/login");
  for (const href of ["/favicon.ico", "/icon.svg"])
    await expect(page.locator(`link[rel="icon"][href="${href}"]`)).toHaveCount(
      1,
    );
});
