// Enumerates every route handler and checks the wrapper's promises on each exported method:
// no credentials → 401, revoked token → 401, viewer on a mutation → 403, and a cookie session
// on a mutation from a cross-site or `null` Origin → 403. A new route cannot opt out silently.
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  bearer,
  makeUser,
  request,
  revokedBearer,
  routeContext,
  sessionCookie,
  TEST_ORIGIN,
} from "@/lib/testing/fixtures";

// next-auth's own endpoints are the sign-in mechanism itself (public, with next-auth's CSRF token).
const PUBLIC_ROUTES = new Set(["auth/[...nextauth]"]);
// Mutations every signed-in user may make, each on their own account only.
const SELF_SERVICE = new Set(["me/password"]);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
type Handler = (
  req: Request,
  ctx: ReturnType<typeof routeContext>,
) => Promise<Response>;

const apiDir = path.join(import.meta.dirname);
const routeFiles = (readdirSync(apiDir, { recursive: true }) as string[])
  .filter((file) => path.basename(file) === "route.ts")
  .map((file) => path.dirname(file).split(path.sep).join("/"))
  .filter((route) => !PUBLIC_ROUTES.has(route))
  .sort();

function concretePath(route: string): {
  url: string;
  params: Record<string, string>;
} {
  const params: Record<string, string> = {};
  const url = route.replace(
    /\[([^\]]+)\]/g,
    (_, name: string) => (params[name] = randomUUID()),
  );
  return { url: `/api/${url}`, params };
}

let viewerCookie: string;
let adminCookie: string;
let viewerToken: string;
let revokedToken: string;

beforeAll(async () => {
  const viewer = await makeUser("viewer");
  const admin = await makeUser("admin");
  viewerCookie = (await sessionCookie(viewer.id)).cookie;
  adminCookie = (await sessionCookie(admin.id)).cookie;
  viewerToken = await bearer(viewer.id);
  revokedToken = await revokedBearer(admin.id);
});

it("finds the route handlers", () => {
  expect(routeFiles).toContain("me");
  expect(routeFiles.length).toBeGreaterThanOrEqual(5);
});

describe.each(routeFiles)("/api/%s", (route) => {
  const cases = async () => {
    const mod = (await import(
      /* @vite-ignore */ path.join(apiDir, route, "route.ts")
    )) as Partial<Record<(typeof METHODS)[number], Handler>>;
    return METHODS.filter((method) => typeof mod[method] === "function").map(
      (method) => ({ method, handler: mod[method]! }),
    );
  };

  it("exports at least one method, each wrapped", async () => {
    expect((await cases()).length).toBeGreaterThan(0);
  });

  it("answers 401 without credentials and with a revoked token", async () => {
    const { url, params } = concretePath(route);
    for (const { method, handler } of await cases()) {
      const anonymous = await handler(
        request(url, { method, body: MUTATIONS.has(method) ? {} : undefined }),
        routeContext(params),
      );
      expect(anonymous.status, `${method} anonymous`).toBe(401);
      expect(await anonymous.json()).toMatchObject({
        error: { code: "unauthorized" },
      });
      const revoked = await handler(
        request(url, {
          method,
          headers: { authorization: `Bearer ${revokedToken}` },
        }),
        routeContext(params),
      );
      expect(revoked.status, `${method} revoked token`).toBe(401);
    }
  });

  it.skipIf(SELF_SERVICE.has(route))(
    "answers 403 to a viewer on a mutation, by cookie and by token",
    async () => {
      const { url, params } = concretePath(route);
      for (const { method, handler } of (await cases()).filter(({ method }) =>
        MUTATIONS.has(method),
      )) {
        const byCookie = await handler(
          request(url, {
            method,
            headers: { cookie: viewerCookie, origin: TEST_ORIGIN },
            body: {},
          }),
          routeContext(params),
        );
        expect(byCookie.status, `${method} viewer cookie`).toBe(403);
        const byToken = await handler(
          request(url, {
            method,
            headers: { authorization: `Bearer ${viewerToken}` },
            body: {},
          }),
          routeContext(params),
        );
        expect(byToken.status, `${method} viewer token`).toBe(403);
      }
    },
  );

  it("answers 401 to a session cookie that is not one (bad escapes, wrong name)", async () => {
    const { url, params } = concretePath(route);
    for (const { method, handler } of await cases()) {
      for (const cookie of [
        "next-auth.session-token=%E0%A4%A",
        "__Secure-next-auth.session-token=%",
        "other=%; next-auth.session-token=%",
        adminCookie.replace(/^next-auth/, "__Secure-next-auth"),
      ]) {
        const response = await handler(
          request(url, {
            method,
            headers: { cookie, origin: TEST_ORIGIN },
            body: MUTATIONS.has(method) ? {} : undefined,
          }),
          routeContext(params),
        );
        expect(response.status, `${method} ${cookie.slice(0, 40)}`).toBe(401);
      }
    }
  });

  it("answers 403 to a cookie session on a mutation from a foreign, null or missing Origin", async () => {
    const { url, params } = concretePath(route);
    for (const { method, handler } of (await cases()).filter(({ method }) =>
      MUTATIONS.has(method),
    )) {
      for (const origin of ["https://evil.example", "null", undefined]) {
        const headers: Record<string, string> = { cookie: adminCookie };
        if (origin) headers.origin = origin;
        const response = await handler(
          request(url, { method, headers, body: {} }),
          routeContext(params),
        );
        expect(response.status, `${method} origin ${origin}`).toBe(403);
        expect(await response.json()).toMatchObject({
          error: { code: "forbidden" },
        });
      }
    }
  });
});
