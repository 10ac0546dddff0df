// The authorization matrix (issue 11): every exported method of every route file under app/api,
// found at test time, against every kind of caller. The expected answer comes from the table
// ROUTES below (each method's minimum role and options); a route file or method missing from it
// fails the test, so a new route cannot escape the matrix. On a refusal (401/403) nothing may
// change: no table row, no published checkpoint, no provider call (the sandbox's call log).
// next-auth's own endpoints are public and listed apart, with what they answer anyone.
//
// Must stay the first import: next-auth's handler needs Next's request scope (see the module).
// eslint-disable-next-line import/order
import { inRequestScope } from "@/lib/testing/next-request-scope";
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { operatorOf, type Operator } from "@/lib/auth/operator";
import type { PublicUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import type { Role } from "@/lib/db/schema";
import { createRun } from "@/lib/runs/create-run";
import { dbState, unfingerprintedTables } from "@/lib/testing/db-state";
import {
  makeUser,
  request,
  routeContext,
  sessionCookie,
  signingKeyPem,
  TEST_ORIGIN,
} from "@/lib/testing/fixtures";
import { setupSandboxEnv } from "@/lib/testing/provider-sandbox";
import { newCallsReader } from "@/lib/testing/sandbox-control";

// Read at the first getEnv(): checkpoints need a key; the matrix starts more runs than the
// default 3 per user; NEXTAUTH_URL is the origin our requests come from.
Object.assign(process.env, {
  ERASURE_AUDIT_SIGNING_KEY: signingKeyPem(),
  ERASURE_MAX_ACTIVE_RUNS_PER_USER: "10000",
  NEXTAUTH_URL: TEST_ORIGIN,
});
// VOD only: its budgets (100 look-ups/s, 50 lists/s) never make an allowed request wait.
const sandbox = setupSandboxEnv(["vod"]);

const PASSWORD = "correct-horse-battery";
const METHODS = [
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "OPTIONS",
] as const;
type Method = (typeof METHODS)[number];
const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

// ---------------------------------------------------------------------------------------------
// Who calls. `as` is what the server must make of the credentials: null means "nobody" (401).

type Origin =
  | "same" // Origin: ours, Sec-Fetch-Site: same-origin (the console's own pages)
  | "cross" // Origin: another site, Sec-Fetch-Site: cross-site
  | "null" // Origin: null (a sandboxed frame, a redirect chain)
  | "none" // neither header
  | "fetch-site-only"; // no Origin, Sec-Fetch-Site: same-origin

type Caller =
  | { via: "session"; role: Role; origin: Origin }
  | { via: "token"; role: Role; scope: "read" | "operate" };

interface Principal {
  label: string;
  as: Caller | null;
  /** Its request headers; runs once, before the matrix. */
  make: () => Promise<Record<string, string>>;
}

const ORIGIN_HEADERS: Record<Origin, Record<string, string>> = {
  same: { origin: TEST_ORIGIN, "sec-fetch-site": "same-origin" },
  cross: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  null: { origin: "null", "sec-fetch-site": "cross-site" },
  none: {},
  "fetch-site-only": { "sec-fetch-site": "same-origin" },
};

async function rows<T = Record<string, unknown>>(
  query: ReturnType<typeof sql>,
) {
  return executeRows<T>(await getDb(), query);
}

/** A session of a user of its own (a password change ends that user's other sessions). */
async function session(role: Role, origin: Origin = "same") {
  const user = await makeUser(role, PASSWORD);
  const { cookie, sessionId } = await sessionCookie(user.id);
  return {
    user,
    cookie,
    sessionId,
    headers: { cookie, ...ORIGIN_HEADERS[origin] },
  };
}

async function token(role: Role, scope: "read" | "operate") {
  const user = await makeUser(role, PASSWORD);
  const created = await createApiToken({
    userId: user.id,
    name: `matrix-${scope}`,
    scope,
  });
  return { user, ...created };
}

const bearerOf = (secret: string) => ({ authorization: `Bearer ${secret}` });

const principals: Principal[] = [
  { label: "no credentials", as: null, make: async () => ({}) },
  {
    label: "a session cookie with a broken escape",
    as: null,
    make: async () => ({
      cookie: "next-auth.session-token=%E0%A4%A",
      ...ORIGIN_HEADERS.same,
    }),
  },
  {
    label: "a lone % under the https cookie name",
    as: null,
    make: async () => ({
      cookie: "__Secure-next-auth.session-token=%",
      ...ORIGIN_HEADERS.same,
    }),
  },
  {
    label: "broken cookies around a broken session cookie",
    as: null,
    make: async () => ({
      cookie: "other=%; next-auth.session-token=%",
      ...ORIGIN_HEADERS.same,
    }),
  },
  {
    label: "a session cookie that is not a JWT",
    as: null,
    make: async () => ({
      cookie: "next-auth.session-token=not-a-jwt",
      ...ORIGIN_HEADERS.same,
    }),
  },
  {
    // Over http only the plain name is the deployment's cookie.
    label: "a live admin session under the https cookie name",
    as: null,
    make: async () => {
      const { headers } = await session("admin");
      return {
        ...headers,
        cookie: headers.cookie.replace(/^next-auth/, "__Secure-next-auth"),
      };
    },
  },
  {
    label: "a Bearer token that is not one",
    as: null,
    make: async () => bearerOf("era_not-a-token"),
  },
  {
    label: "Basic credentials",
    as: null,
    make: async () => ({
      authorization: `Basic ${Buffer.from("admin:admin").toString("base64")}`,
    }),
  },
  {
    // An Authorization header means a script: never fall back to the cookie beside it.
    label: "a live admin session next to a bad Bearer token",
    as: null,
    make: async () => ({
      ...(await session("admin")).headers,
      ...bearerOf("era_nope"),
    }),
  },
  {
    label: "an expired session (past its 12 hours)",
    as: null,
    make: async () => {
      const { sessionId, headers } = await session("admin");
      await rows(
        sql`update sessions set expires_at = now() - interval '1 second' where id = ${sessionId}`,
      );
      return headers;
    },
  },
  {
    label: "an idle session (unseen for 31 minutes)",
    as: null,
    make: async () => {
      const { sessionId, headers } = await session("admin");
      await rows(
        sql`update sessions set last_seen_at = now() - interval '31 minutes' where id = ${sessionId}`,
      );
      return headers;
    },
  },
  {
    label: "a revoked (signed-out) session",
    as: null,
    make: async () => {
      const { sessionId, headers } = await session("admin");
      await rows(
        sql`update sessions set revoked_at = now() where id = ${sessionId}`,
      );
      return headers;
    },
  },
  {
    // Disabled behind the console's back: the session itself is still open.
    label: "a disabled admin's open session",
    as: null,
    make: async () => {
      const { user, headers } = await session("admin");
      await rows(sql`update users set disabled = true where id = ${user.id}`);
      return headers;
    },
  },
  {
    label: "viewer session",
    as: { via: "session", role: "viewer", origin: "same" },
    make: async () => (await session("viewer")).headers,
  },
  {
    label: "operator session",
    as: { via: "session", role: "operator", origin: "same" },
    make: async () => (await session("operator")).headers,
  },
  {
    label: "admin session",
    as: { via: "session", role: "admin", origin: "same" },
    make: async () => (await session("admin")).headers,
  },
  ...(["cross", "null", "none", "fetch-site-only"] as const).map(
    (origin): Principal => ({
      label: {
        cross: "admin session, cross-site Origin",
        null: "admin session, Origin: null",
        none: "admin session, no Origin and no Sec-Fetch-Site",
        "fetch-site-only":
          "admin session, no Origin but Sec-Fetch-Site: same-origin",
      }[origin],
      as: { via: "session", role: "admin", origin },
      make: async () => (await session("admin", origin)).headers,
    }),
  ),
  {
    label: "a revoked token (admin's)",
    as: null,
    make: async () => {
      const created = await token("admin", "operate");
      await revokeApiToken(created.summary.id);
      return bearerOf(created.token);
    },
  },
  {
    label: "an expired token (admin's)",
    as: null,
    make: async () => {
      const created = await token("admin", "operate");
      await rows(
        sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${created.summary.id}`,
      );
      return bearerOf(created.token);
    },
  },
  {
    // Disabled behind the console's back: the token itself was never revoked.
    label: "a disabled admin's unrevoked token",
    as: null,
    make: async () => {
      const created = await token("admin", "operate");
      await rows(
        sql`update users set disabled = true where id = ${created.user.id}`,
      );
      return bearerOf(created.token);
    },
  },
  ...(
    [
      ["admin", "read"],
      ["viewer", "operate"],
      ["operator", "operate"],
      ["admin", "operate"],
    ] as const
  ).map(([role, scope]): Principal => ({
    label: `${scope} token (${role}'s)`,
    as: { via: "token", role, scope },
    make: async () => bearerOf((await token(role, scope)).token),
  })),
];

// ---------------------------------------------------------------------------------------------
// What each route requires, and what an allowed caller asks and gets. Requests that an allowed
// caller may make for real act on rows made for the case (a fresh run to cancel, a token to
// revoke), so every case starts from the same situation.

interface Fixtures {
  /** Starts the runs the matrix reads and acts on. */
  owner: Operator;
  /** A run that every read names. */
  runId: string;
  /** A video ID that run holds. */
  videoId: string;
  /** A video of the console's own VOD account, for previews. */
  vodVideoId: string;
  /** The user that admins' user and token requests act on. */
  victim: PublicUser;
}

interface Call {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
}

interface MethodSpec {
  role: Role;
  /** A GET that records an audit event: cookie callers must say Sec-Fetch-Site: same-origin. */
  recordsEvent?: true;
  /** Refused to API tokens by the handler (a token is no proof of the password). */
  sessionOnly?: true;
  /** The role the handler itself requires for this request, above the wrapper's `role`. */
  handlerRole?: Role;
  call: (fx: Fixtures) => Call | Promise<Call>;
  /** What an allowed caller gets. */
  allowed: number;
}

const hex32 = () => randomBytes(16).toString("hex");
const day = 86_400_000;

async function freshRun(fx: Fixtures): Promise<string> {
  const { id } = await createRun(
    fx.owner,
    { provider: "vod", ids: [hex32()], confirmation: "delete 1 video" },
    {},
  );
  return id;
}

const ROUTES: Record<string, Partial<Record<Method, MethodSpec>>> = {
  "audit/checkpoint": {
    GET: { role: "admin", recordsEvent: true, allowed: 200, call: () => ({}) },
  },
  "audit/export": {
    GET: {
      role: "viewer",
      recordsEvent: true,
      allowed: 200,
      call: () => ({
        query: `format=json&from=${new Date(Date.now() - day).toISOString()}&to=${new Date(Date.now() + day).toISOString()}`,
      }),
    },
  },
  "audit/verify": {
    GET: { role: "viewer", recordsEvent: true, allowed: 200, call: () => ({}) },
  },
  "audit/video-search/export": {
    GET: {
      role: "viewer",
      recordsEvent: true,
      allowed: 200,
      call: (fx) => ({ query: `format=json&ids=${fx.videoId}` }),
    },
  },
  "audit/videos/[videoId]": {
    GET: {
      role: "viewer",
      allowed: 200,
      call: (fx) => ({ params: { videoId: fx.videoId } }),
    },
  },
  home: { GET: { role: "viewer", allowed: 200, call: () => ({}) } },
  me: { GET: { role: "viewer", allowed: 200, call: () => ({}) } },
  "me/password": {
    // The caller's own password, set to itself: real work (bcrypt, the event), nothing lost.
    POST: {
      role: "viewer",
      sessionOnly: true,
      allowed: 200,
      call: () => ({
        body: { currentPassword: PASSWORD, newPassword: PASSWORD },
      }),
    },
  },
  "openapi.json": { GET: { role: "viewer", allowed: 200, call: () => ({}) } },
  providers: {
    // A viewer reads the list; refresh=1 runs every configured provider's health check (a
    // provider call, spending rate budgets), which the handler keeps to operators.
    GET: {
      role: "viewer",
      handlerRole: "operator",
      allowed: 200,
      call: () => ({ query: "refresh=1" }),
    },
  },
  "providers/[providerId]/videos": {
    GET: {
      role: "viewer",
      allowed: 200,
      call: () => ({ params: { providerId: "vod" }, query: "pageSize=5" }),
    },
  },
  runs: {
    GET: { role: "viewer", allowed: 200, call: () => ({ query: "limit=5" }) },
    // A real run (no worker runs in this file, so nothing is deleted).
    POST: {
      role: "operator",
      allowed: 201,
      call: () => ({
        body: {
          provider: "vod",
          ids: [hex32()],
          confirmation: "delete 1 video",
        },
      }),
    },
  },
  "runs/preview": {
    POST: {
      role: "operator",
      allowed: 200,
      call: (fx) => ({ body: { provider: "vod", ids: [fx.vodVideoId] } }),
    },
  },
  "runs/[runId]": {
    GET: {
      role: "viewer",
      allowed: 200,
      call: (fx) => ({ params: { runId: fx.runId } }),
    },
  },
  "runs/[runId]/items": {
    GET: {
      role: "viewer",
      allowed: 200,
      call: (fx) => ({ params: { runId: fx.runId } }),
    },
  },
  "runs/[runId]/events": {
    GET: {
      role: "viewer",
      allowed: 200,
      call: (fx) => ({ params: { runId: fx.runId } }),
    },
  },
  "runs/[runId]/export": {
    GET: {
      role: "viewer",
      recordsEvent: true,
      allowed: 200,
      call: (fx) => ({ params: { runId: fx.runId }, query: "format=json" }),
    },
  },
  "runs/[runId]/cancel": {
    POST: {
      role: "operator",
      allowed: 200,
      call: async (fx) => ({ params: { runId: await freshRun(fx) } }),
    },
  },
  "runs/[runId]/resume": {
    POST: {
      role: "operator",
      allowed: 200,
      call: async (fx) => {
        const runId = await freshRun(fx);
        await rows(sql`update runs set status = 'paused', status_reason = 'matrix',
                         resume_at = now() + interval '1 hour' where id = ${runId}`);
        return { params: { runId } };
      },
    },
  },
  "runs/[runId]/retry-processing": {
    POST: {
      role: "operator",
      allowed: 200,
      call: async (fx) => {
        const runId = await freshRun(fx);
        await rows(
          sql`update run_items set outcome = 'processing' where run_id = ${runId}`,
        );
        return { params: { runId }, body: { hours: 1 } };
      },
    },
    DELETE: {
      role: "operator",
      allowed: 200,
      call: async (fx) => {
        const runId = await freshRun(fx);
        await rows(
          sql`update run_items set outcome = 'processing' where run_id = ${runId}`,
        );
        await rows(sql`update runs set processing_retry_until = now() + interval '1 hour',
                         processing_retry_interval_seconds = 300 where id = ${runId}`);
        return { params: { runId } };
      },
    },
  },
  tokens: {
    GET: { role: "admin", allowed: 200, call: () => ({}) },
    POST: {
      role: "admin",
      allowed: 201,
      call: (fx) => ({
        body: {
          name: "matrix",
          userId: fx.victim.id,
          scope: "read",
          expiresInDays: 1,
        },
      }),
    },
  },
  "tokens/[tokenId]": {
    DELETE: {
      role: "admin",
      allowed: 204,
      call: async (fx) => {
        const { summary } = await createApiToken({
          userId: fx.victim.id,
          name: "to-revoke",
        });
        return { params: { tokenId: summary.id } };
      },
    },
  },
  users: {
    GET: { role: "admin", allowed: 200, call: () => ({}) },
    POST: {
      role: "admin",
      allowed: 201,
      call: () => ({
        body: {
          email: `new-${randomUUID()}@erasure.test`,
          role: "viewer",
          password: PASSWORD,
        },
      }),
    },
  },
  "users/[userId]": {
    PATCH: {
      role: "admin",
      allowed: 200,
      call: (fx) => ({
        params: { userId: fx.victim.id },
        body: { name: `renamed ${randomUUID()}` },
      }),
    },
  },
  "users/[userId]/password": {
    POST: {
      role: "admin",
      allowed: 200,
      call: (fx) => ({
        params: { userId: fx.victim.id },
        body: { newPassword: `${PASSWORD}-2` },
      }),
    },
  },
};

// next-auth's endpoints answer anyone alike (they are how one signs in); their POSTs need
// next-auth's own CSRF token, and without it nothing happens: no sign-in attempt, no session,
// no sign-out.
interface PublicRequest {
  method: "GET" | "POST";
  action: string[];
  form?: Record<string, string>;
  check: (response: Response, text: string) => void;
}

const forgedCsrf = (response: Response, text: string) => {
  expect(response.status).toBe(200);
  expect(JSON.parse(text).url).toMatch(/[?&]csrf=true/);
};

const PUBLIC_ROUTES: Record<string, PublicRequest[]> = {
  "auth/[...nextauth]": [
    {
      method: "GET",
      action: ["csrf"],
      check: (response, text) => {
        expect(response.status).toBe(200);
        expect(JSON.parse(text).csrfToken).toMatch(/^[0-9a-f]{64}$/);
      },
    },
    {
      method: "GET",
      action: ["providers"],
      check: (response, text) => {
        expect(response.status).toBe(200);
        expect(Object.keys(JSON.parse(text))).toEqual(["credentials"]);
      },
    },
    {
      method: "POST",
      action: ["callback", "credentials"],
      form: {
        email: "someone@erasure.test",
        password: PASSWORD,
        csrfToken: "forged",
        json: "true",
      },
      check: forgedCsrf,
    },
    {
      method: "POST",
      action: ["signout"],
      form: { csrfToken: "forged", json: "true" },
      check: forgedCsrf,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// The expected answer, from the table alone.

function expectedStatus(
  caller: Caller | null,
  method: Method,
  spec: MethodSpec,
): number {
  if (!caller) return 401;
  const mutation = MUTATIONS.has(method);
  if (caller.via === "session") {
    // CSRF: a cookie mutation comes from our Origin, or says same-origin without one.
    if (mutation && !["same", "fetch-site-only"].includes(caller.origin))
      return 403;
    // A GET that records an event must say Sec-Fetch-Site: same-origin.
    if (
      !mutation &&
      spec.recordsEvent &&
      !["same", "fetch-site-only"].includes(caller.origin)
    )
      return 403;
  } else if (caller.scope === "read" && mutation) return 403;
  if (RANK[caller.role] < RANK[spec.role]) return 403;
  if (spec.handlerRole && RANK[caller.role] < RANK[spec.handlerRole])
    return 403;
  if (spec.sessionOnly && caller.via === "token") return 403;
  return spec.allowed;
}

// ---------------------------------------------------------------------------------------------
// The route files, found on disk, and their handlers.

type Handler = (
  req: Request,
  ctx: { params: Promise<Record<string, unknown>> },
) => Promise<Response>;

const apiDir = import.meta.dirname;
const routeFiles = (readdirSync(apiDir, { recursive: true }) as string[])
  .filter((file) => path.basename(file) === "route.ts")
  .map((file) => path.dirname(file).split(path.sep).join("/"))
  .sort();

const modules = new Map<string, Partial<Record<Method, Handler>>>();
for (const route of routeFiles)
  modules.set(
    route,
    (await import(
      /* @vite-ignore */ path.join(apiDir, route, "route.ts")
    )) as Partial<Record<Method, Handler>>,
  );
const exportedMethods = (route: string) =>
  METHODS.filter(
    (method) => typeof modules.get(route)?.[method] === "function",
  );

interface Case {
  route: string;
  method: Method;
  principal: Principal;
}
const cases: Case[] = routeFiles.flatMap((route) =>
  ROUTES[route]
    ? exportedMethods(route)
        .filter((method) => ROUTES[route]![method])
        .flatMap((method) =>
          principals.map((principal) => ({ route, method, principal })),
        )
    : [],
);
const publicCases = routeFiles.flatMap((route) =>
  (PUBLIC_ROUTES[route] ?? []).map((req) => ({ route, req })),
);
const caseCount = cases.length + publicCases.length * principals.length;

// ---------------------------------------------------------------------------------------------

let fx: Fixtures;
const headersOf = new Map<Principal, Record<string, string>>();
/** Provider calls the sandbox has logged since the last look. */
const newProviderCalls = newCallsReader(sandbox);

beforeAll(async () => {
  const owner = await makeUser("operator");
  const ownerOperator = operatorOf(owner, {
    kind: "session",
    sessionId: (await sessionCookie(owner.id)).sessionId,
  });
  const videoId = hex32();
  const { id: runId } = await createRun(
    ownerOperator,
    { provider: "vod", ids: [videoId], confirmation: "delete 1 video" },
    {},
  );
  const vodVideos = await sandbox().control<
    { id: string; owner: string; deleted: boolean }[]
  >("GET", "videos?provider=vod");
  const vodVideoId = vodVideos.find(
    (video) => video.owner === "console" && !video.deleted,
  )!.id;
  fx = {
    owner: ownerOperator,
    runId,
    videoId,
    vodVideoId,
    victim: await makeUser("viewer"),
  };
  for (const principal of principals)
    headersOf.set(principal, await principal.make());
}, 120_000);

describe("the matrix's tables", () => {
  it("list every route file under app/api, and nothing else", () => {
    const listed = [
      ...Object.keys(ROUTES),
      ...Object.keys(PUBLIC_ROUTES),
    ].sort();
    expect(routeFiles).toContain("me");
    expect(
      routeFiles,
      "add the new route to ROUTES (or PUBLIC_ROUTES)",
    ).toEqual(listed);
  });

  it.each(routeFiles)("list exactly the methods /api/%s exports", (route) => {
    const exported = exportedMethods(route);
    expect(exported.length).toBeGreaterThan(0);
    const listed = ROUTES[route]
      ? Object.keys(ROUTES[route]!)
      : [...new Set((PUBLIC_ROUTES[route] ?? []).map((req) => req.method))];
    expect(exported).toEqual(
      METHODS.filter((method) => listed.includes(method)),
    );
  });

  it("and the state fingerprint covers every table", async () => {
    expect(await unfingerprintedTables()).toEqual([]);
  });
});

describe(`authorization matrix: ${caseCount} cases (${principals.length} callers)`, () => {
  describe.each(routeFiles.filter((route) => ROUTES[route]))(
    "/api/%s",
    (route) => {
      const routeCases = cases.filter((c) => c.route === route);
      it.each(routeCases.map((c) => [c.method, c.principal.label, c] as const))(
        "%s by %s",
        async (_method, _label, { method, principal }) => {
          const spec = ROUTES[route]![method]!;
          const expected = expectedStatus(principal.as, method, spec);
          const call = await spec.call(fx);
          const params = call.params ?? {};
          const url = `/api/${route.replace(/\[([^\]]+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? randomUUID()))}${call.query ? `?${call.query}` : ""}`;
          const refused = expected === 401 || expected === 403;
          const before = refused ? await dbState() : undefined;
          if (refused) await newProviderCalls();

          const response = await modules.get(route)![method]!(
            request(url, {
              method,
              headers: headersOf.get(principal),
              body: call.body,
            }),
            routeContext(params),
          );
          const text = await response.text();
          expect(response.status, text).toBeLessThan(500);
          expect(response.status, text).toBe(expected);
          expect(response.headers.get("x-request-id")).toMatch(
            /^[0-9a-f-]{36}$/,
          );
          if (!refused) return;
          expect(JSON.parse(text).error.code).toBe(
            expected === 401 ? "unauthorized" : "forbidden",
          );
          expect(await dbState(), "a refused request changed nothing").toEqual(
            before,
          );
          expect(
            await newProviderCalls(),
            "a refused request called no provider",
          ).toEqual([]);
        },
      );
    },
  );

  describe.each(Object.keys(PUBLIC_ROUTES))("/api/%s (public)", (route) => {
    it.each(
      PUBLIC_ROUTES[route]!.flatMap((req) =>
        principals.map(
          (principal) =>
            [
              req.method,
              req.action.join("/"),
              principal.label,
              req,
              principal,
            ] as const,
        ),
      ),
    )("%s %s by %s", async (method, _action, _label, req, principal) => {
      const handler = modules.get(route)![method]!;
      const headers = new Headers(headersOf.get(principal));
      if (req.form)
        headers.set("content-type", "application/x-www-form-urlencoded");
      const nextRequest = new NextRequest(
        `${TEST_ORIGIN}/api/auth/${req.action.join("/")}`,
        {
          method,
          headers,
          body: req.form ? new URLSearchParams(req.form).toString() : undefined,
        },
      );
      const before = await dbState();
      await newProviderCalls();
      const response = await inRequestScope(nextRequest, `/api/${route}`, () =>
        handler(nextRequest, {
          params: Promise.resolve({ nextauth: req.action }),
        }),
      );
      const text = await response.text();
      req.check(response, text);
      expect(await dbState()).toEqual(before);
      expect(await newProviderCalls()).toEqual([]);
    });
  });
});
