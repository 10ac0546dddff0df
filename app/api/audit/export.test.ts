import { beforeAll, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { resolveApiToken } from "@/lib/auth/api-tokens";
import { createRun } from "@/lib/runs/create-run";
import {
  auditActor,
  bearer,
  bearerHeaders,
  makeUser,
  request,
  routeContext,
  UNCALLED_VOD_ENV,
} from "@/lib/testing/fixtures";
import { GET as exportEvents } from "./export/route";
import { GET as exportSearch } from "./video-search/export/route";

let auth: Record<string, string>;
const videoId = "9".repeat(32);

beforeAll(async () => {
  Object.assign(process.env, UNCALLED_VOD_ENV);
  const viewer = await makeUser("viewer");
  auth = await bearerHeaders(viewer.id);
  const operator = await makeUser("operator");
  await createRun(
    (await resolveApiToken(await bearer(operator.id)))!,
    { provider: "vod", ids: [videoId], confirmation: "delete 1 video" },
    {},
  );
});

it("streams the audit events of a date range with their hashes, and records the export", async () => {
  await recordAuditEvent({
    ...auditActor("=cmd|' /C calc'!A0"),
    action: "auth.sign_in_failed",
  });
  const from = new Date(Date.now() - 60_000).toISOString();
  const to = new Date(Date.now() + 60_000).toISOString();
  const json = await exportEvents(
    request(`/api/audit/export?from=${from}&to=${to}&format=json`, {
      headers: auth,
    }),
    routeContext(),
  );
  expect(json.headers.get("content-disposition")).toMatch(
    /erasure-audit-events-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.json/,
  );
  const events = (await json.json()) as {
    position: number;
    action: string;
    hash: string;
    at: string;
  }[];
  expect(events.length).toBeGreaterThanOrEqual(3);
  expect(events.map((event) => event.position)).toEqual(
    [...events.map((event) => event.position)].sort((a, b) => a - b),
  );
  expect(
    events.every(
      (event) =>
        /^[0-9a-f]{64}$/.test(event.hash) && event.at >= from && event.at < to,
    ),
  ).toBe(true);
  expect(events.map((event) => event.action)).toContain("run.started");

  const csv = await (
    await exportEvents(
      request(`/api/audit/export?from=${from}&to=${to}`, { headers: auth }),
      routeContext(),
    )
  ).text();
  expect(csv.split("\r\n")[0]).toBe(
    "position,at,actor,action,targetType,targetId,details,requestId,ip,userAgent,prevHash,hash",
  );
  expect(csv).toContain("'=cmd|"); // a formula-looking cell is neutralised
  // Both exports were themselves recorded.
  const after = (await (
    await exportEvents(
      request(
        `/api/audit/export?from=${from}&to=${new Date(Date.now() + 60_000).toISOString()}&format=json`,
        { headers: auth },
      ),
      routeContext(),
    )
  ).json()) as { action: string; details: { kind?: string } }[];
  expect(
    after.filter(
      (event) =>
        event.action === "export.downloaded" && event.details.kind === "events",
    ).length,
  ).toBeGreaterThanOrEqual(2);
});

it("refuses an empty or reversed range with a clear error", async () => {
  const response = await exportEvents(
    request("/api/audit/export?from=2026-02-01&to=2026-01-01", {
      headers: auth,
    }),
    routeContext(),
  );
  expect(response.status).toBe(422);
  expect((await response.json()).error.message).toContain(
    "`from` must be before `to`",
  );
});

it("exports a video search result, saying which IDs no run touched", async () => {
  const response = await exportSearch(
    request(
      `/api/audit/video-search/export?ids=${videoId},never-seen&format=json`,
      { headers: auth },
    ),
    routeContext(),
  );
  const rows = (await response.json()) as {
    videoId: string;
    touched: boolean;
    confirmation?: string;
  }[];
  expect(rows).toEqual([
    expect.objectContaining({
      videoId,
      touched: true,
      confirmation: "delete 1 video",
    }),
    { videoId: "never-seen", touched: false },
  ]);
});
