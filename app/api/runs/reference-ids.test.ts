// A VOD run by customer-defined ReferenceIds (docs/design.md §4): the kind is validated, previewed,
// stored with the run, used for every provider call and recorded in the audit log. Route
// handlers with real Requests, the worker in this process, the sandbox over HTTP.
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/runs/[runId]/export/route";
import { POST as previewRoute } from "@/app/api/runs/preview/route";
import { POST as startRoute } from "@/app/api/runs/route";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { request, routeContext } from "@/lib/testing/fixtures";
import { setUpRuns, waitForRun } from "@/lib/testing/runs-harness";

interface TrueVideo {
  id: string;
  owner: string;
  deleted: boolean;
  referenceId?: string;
}

const harness = setUpRuns({
  providers: ["vod"],
  sandboxEnv: { SANDBOX_COUNT: "40" },
  env: { AKOOL_API_KEY: "configured-but-unused" },
});

const vodVideos = () =>
  harness.sandbox.control<TrueVideo[]>("GET", "videos?provider=vod");

const post = (
  route: typeof startRoute,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  route(
    request(url, {
      method: "POST",
      headers: { ...harness.auth, ...headers },
      body,
    }),
    routeContext(),
  );

it("deletes by ReferenceId, keeping the kind through preview, run, outcomes and audit", async () => {
  const before = await vodVideos();
  const withRef = before.filter((v) => v.referenceId && !v.deleted);
  const own = withRef.filter((v) => v.owner === "console").slice(0, 2);
  const foreign = withRef.find((v) => v.owner === "other")!;
  // A VideoId is also a well-formed ReferenceId; in a reference run it must name no video.
  const ownByVideoId = before.find(
    (v) => v.owner === "console" && !v.deleted && !own.includes(v),
  )!;
  expect(own).toHaveLength(2);
  const ids = [
    own[0]!.referenceId!,
    own[1]!.referenceId!,
    foreign.referenceId!,
    "no-such-reference-7",
    ownByVideoId.id,
    own[0]!.referenceId!,
    "has,comma",
  ];

  const preview = await post(previewRoute, "/api/runs/preview", {
    provider: "vod",
    idKind: "reference",
    ids,
  });
  expect(preview.status).toBe(200);
  const previewBody = await preview.json();
  expect(previewBody).toMatchObject({
    idKind: "reference",
    validCount: 5,
    duplicateCount: 1,
  });
  // As with video IDs, GetVideoInfos shows another application's video: not yours, as it ends.
  expect(previewBody.counts).toMatchObject({
    will_delete: 2,
    not_yours: 1,
    already_gone: 2,
    malformed: 1,
  });

  const started = await post(
    startRoute,
    "/api/runs",
    {
      provider: "vod",
      idKind: "reference",
      ids,
      confirmation: "delete 5 videos",
    },
    { "idempotency-key": "reference-run-1" },
  );
  expect(started.status).toBe(201);
  const { id } = await started.json();
  // The same key with the same IDs as video IDs is another request.
  const asVideoIds = await post(
    startRoute,
    "/api/runs",
    { provider: "vod", ids, confirmation: "delete 5 videos" },
    { "idempotency-key": "reference-run-1" },
  );
  expect(asVideoIds.status).toBe(409);

  const run = await waitForRun(id);
  // Another application's video is refused (Forbidden): completed, with issues.
  expect(run).toMatchObject({
    idKind: "reference",
    status: "completed_with_issues",
  });
  const rows = (await (
    await exportRoute(
      request(`/api/runs/${id}/export?format=json`, { headers: harness.auth }),
      routeContext({ runId: id }),
    )
  ).json()) as { videoId: string; outcome: string }[];
  expect(
    Object.fromEntries(rows.map((row) => [row.videoId, row.outcome])),
  ).toEqual({
    [own[0]!.referenceId!]: "deleted",
    [own[1]!.referenceId!]: "deleted",
    [foreign.referenceId!]: "forbidden",
    "no-such-reference-7": "not_found",
    [ownByVideoId.id]: "not_found",
  });

  const after = new Map((await vodVideos()).map((v) => [v.id, v]));
  expect(after.get(own[0]!.id)?.deleted).toBe(true);
  expect(after.get(own[1]!.id)?.deleted).toBe(true);
  expect(after.get(foreign.id)?.deleted).toBe(false);
  expect(after.get(ownByVideoId.id)?.deleted).toBe(false);

  const events = await executeRows<{ action: string; details: object }>(
    await getDb(),
    sql`select action, details from audit_events where target_id = ${id} order by position`,
  );
  expect(events[0]).toMatchObject({
    action: "run.started",
    details: { idKind: "reference", total: 5 },
  });
  expect(
    events
      .filter((event) => event.action === "items.recorded")
      .every(
        (event) =>
          (event.details as { idKind?: string }).idKind === "reference",
      ),
  ).toBe(true);
});

it("refuses reference IDs on a provider that has none, changing nothing", async () => {
  const db = await getDb();
  const count = async () =>
    (
      await executeRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from runs`,
      )
    )[0]!.n;
  const runsBefore = await count();
  for (const [route, url, extra] of [
    [previewRoute, "/api/runs/preview", {}],
    [startRoute, "/api/runs", { confirmation: "delete 1 video" }],
  ] as const) {
    const response = await post(route, url, {
      provider: "akool",
      idKind: "reference",
      ids: ["68919a464b4dbdd4ab3d3034"],
      ...extra,
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toContain(
      "has no reference IDs",
    );
  }
  expect(await count()).toBe(runsBefore);
});

it("serves a run of video IDs and a run of reference IDs side by side, each with its own call", async () => {
  const live = (await vodVideos()).filter(
    (v) => v.owner === "console" && !v.deleted,
  );
  const byRef = live.filter((v) => v.referenceId).slice(-3);
  const byId = live.filter((v) => !v.referenceId).slice(-3);
  expect([byRef.length, byId.length]).toEqual([3, 3]);
  const start = async (body: object) =>
    (await (await post(startRoute, "/api/runs", body)).json()).id as string;
  const refRun = await start({
    provider: "vod",
    idKind: "reference",
    ids: byRef.map((v) => v.referenceId),
    confirmation: "delete 3 videos",
  });
  const videoRun = await start({
    provider: "vod",
    ids: byId.map((v) => v.id),
    confirmation: "delete 3 videos",
  });
  for (const id of [refRun, videoRun])
    expect((await waitForRun(id)).counts).toMatchObject({
      deleted: 3,
      pending: 0,
    });
  const after = new Map((await vodVideos()).map((v) => [v.id, v]));
  for (const v of [...byRef, ...byId])
    expect(after.get(v.id)?.deleted).toBe(true);
});
