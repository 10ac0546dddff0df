// Some GETs record an audit event (exports, verify, checkpoint). A cookie is sent with any
// cross-site request, so another site could make a signed-in browser fill the log with them; a
// browser says where a request comes from in Sec-Fetch-Site. Cookie GETs that record must say
// `same-origin`; scripts with a token are not browsers and are not asked.
import { beforeAll, describe, expect, it } from "vitest";
import { resolveApiToken } from "@/lib/auth/api-tokens";
import { createRun } from "@/lib/runs/create-run";
import { auditEventCount } from "@/lib/testing/audit-faults";
import {
  bearer,
  makeUser,
  request,
  routeContext,
  sessionCookie,
  signingKeyPem,
  UNCALLED_VOD_ENV,
} from "@/lib/testing/fixtures";
import { GET as checkpoint } from "./audit/checkpoint/route";
import { GET as auditExport } from "./audit/export/route";
import { GET as verify } from "./audit/verify/route";
import { GET as videoSearchExport } from "./audit/video-search/export/route";
import { GET as runExport } from "./runs/[runId]/export/route";

type Handler = (
  req: Request,
  ctx: ReturnType<typeof routeContext>,
) => Promise<Response>;

process.env.ERASURE_AUDIT_SIGNING_KEY = signingKeyPem();

let cookie: string;
let token: string;
let runId: string;

beforeAll(async () => {
  Object.assign(process.env, UNCALLED_VOD_ENV);
  const admin = await makeUser("admin");
  cookie = (await sessionCookie(admin.id)).cookie;
  token = await bearer(admin.id);
  const run = await createRun(
    (await resolveApiToken(token))!,
    { provider: "vod", ids: ["7".repeat(32)], confirmation: "delete 1 video" },
    {},
  );
  runId = run.id;
});

const day = 86_400_000;
const cases: [string, Handler, () => string, () => Record<string, string>][] = [
  [
    "runs/{runId}/export",
    runExport,
    () => `/api/runs/${runId}/export?format=json`,
    () => ({ runId }),
  ],
  [
    "audit/export",
    auditExport,
    () =>
      `/api/audit/export?format=json&from=${new Date(Date.now() - day).toISOString()}&to=${new Date(Date.now() + day).toISOString()}`,
    () => ({}),
  ],
  [
    "audit/video-search/export",
    videoSearchExport,
    () => `/api/audit/video-search/export?ids=${"7".repeat(32)}&format=json`,
    () => ({}),
  ],
  ["audit/verify", verify, () => "/api/audit/verify", () => ({})],
  ["audit/checkpoint", checkpoint, () => "/api/audit/checkpoint", () => ({})],
];

describe.each(cases)("GET /api/%s", (_, handler, url, params) => {
  const call = (headers: Record<string, string>) =>
    handler(request(url(), { headers }), routeContext(params()));

  it("by cookie, refuses a request the browser does not call same-origin, and records nothing", async () => {
    for (const site of [undefined, "cross-site", "same-site", "none"]) {
      const before = await auditEventCount();
      const headers: Record<string, string> = { cookie };
      if (site) headers["sec-fetch-site"] = site;
      const response = await call(headers);
      expect(response.status, `Sec-Fetch-Site ${site}`).toBe(403);
      expect((await response.json()).error.message).toContain("Sec-Fetch-Site");
      expect(await auditEventCount()).toBe(before);
    }
  });

  it("answers and records a same-origin request by cookie, and a script's by token", async () => {
    const sameOrigin = { cookie, "sec-fetch-site": "same-origin" };
    const script = { authorization: `Bearer ${token}` };
    for (const headers of [sameOrigin, script]) {
      const before = await auditEventCount();
      const response = await call(headers);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      expect(await auditEventCount()).toBe(before + 1);
    }
  });
});
