// Runs end to end below the browser: route handlers with real Requests, the worker in this
// process, the sandbox providers over HTTP, and the database (PGlite or PostgreSQL).
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as cancelRoute } from "@/app/api/runs/[runId]/cancel/route";
import { GET as exportRoute } from "@/app/api/runs/[runId]/export/route";
import { POST as previewRoute } from "@/app/api/runs/preview/route";
import { postRun, startedRunId } from "@/app/api/runs/testing";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { request, routeContext } from "@/lib/testing/fixtures";
import { setUpRuns, waitForRun } from "@/lib/testing/runs-harness";

interface TrueVideo {
  id: string;
  status: string;
  owner: string;
  deleted: boolean;
}

const harness = setUpRuns({
  providers: ["vod"],
  sandboxEnv: { SANDBOX_COUNT: "40" },
  env: { ERASURE_MAX_ATTEMPTS: "8" },
});

async function vodVideos(): Promise<TrueVideo[]> {
  return harness.sandbox.control<TrueVideo[]>("GET", "videos?provider=vod");
}

async function exportRows(id: string) {
  const response = await exportRoute(
    request(`/api/runs/${id}/export?format=json`, { headers: harness.auth }),
    routeContext({ runId: id }),
  );
  return (await response.json()) as {
    videoId: string;
    outcome: string;
    code: string | null;
  }[];
}

describe("a VOD run", () => {
  it("previews, starts, and ends with every row matching the provider's true state", async () => {
    const before = await vodVideos();
    const mine = before
      .filter((video) => video.owner !== "other" && !video.deleted)
      .slice(0, 25);
    const foreign = before.find(
      (video) => video.owner === "other" && !video.deleted,
    )!;
    const { ids: missing } = await harness.sandbox.control<{ ids: string[] }>(
      "GET",
      "missing?provider=vod&count=3",
    );
    const ids = [
      ...mine.map((video) => video.id),
      foreign.id,
      ...missing,
      mine[0]!.id,
      "not-an-id",
    ];

    const preview = await previewRoute(
      request("/api/runs/preview", {
        method: "POST",
        headers: harness.auth,
        body: { provider: "vod", ids },
      }),
      routeContext(),
    );
    expect(preview.status).toBe(200);
    const previewBody = await preview.json();
    expect(previewBody.validCount).toBe(29);
    expect(previewBody.duplicateCount).toBe(1);
    // Another account's video (another VOD application) previews as not yours, as it will end.
    expect(previewBody.counts).toMatchObject({
      will_delete: 25,
      not_yours: 1,
      already_gone: 3,
      malformed: 1,
    });
    expect((await vodVideos()).filter((video) => video.deleted).length).toBe(
      before.filter((video) => video.deleted).length,
    );

    const wrong = await postRun(harness.auth, {
      provider: "vod",
      ids,
      confirmation: "delete 30 videos",
    });
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).error.message).toContain("delete 29 videos");

    const once = { ...harness.auth, "idempotency-key": "vod-run-1" };
    const started = await postRun(once, {
      provider: "vod",
      ids,
      confirmation: "delete 29 videos",
    });
    expect(started.status).toBe(201);
    const { id } = await started.json();

    const replay = await postRun(once, {
      provider: "vod",
      ids,
      confirmation: "delete 29 videos",
    });
    expect(await replay.json()).toEqual({ id });
    const conflict = await postRun(once, {
      provider: "vod",
      ids: ids.slice(0, 10),
      confirmation: "delete 10 videos",
    });
    expect(conflict.status).toBe(409);

    const run = await waitForRun(id);
    // Another account's video was refused: done, but not cleanly.
    expect(run.status).toBe("completed_with_issues");
    expect(run.counts).toMatchObject({
      pending: 0,
      deleted: 25,
      forbidden: 1,
      not_found: 3,
    });

    // The audit log holds the start (with the phrase) and every row's final outcome, batch by batch.
    const db = await getDb();
    const events = await executeRows<{
      action: string;
      details: {
        confirmation?: string;
        items?: { videoId: string; outcome: string }[];
      };
    }>(
      db,
      sql`select action, details from audit_events where target_type = 'run' and target_id = ${id} order by position`,
    );
    expect(events[0]).toMatchObject({
      action: "run.started",
      details: { confirmation: "delete 29 videos" },
    });
    const finals = new Map<string, string>();
    for (const event of events.filter(
      (row) => row.action === "items.recorded",
    )) {
      for (const item of event.details.items ?? [])
        if (item.outcome !== "retry") finals.set(item.videoId, item.outcome);
    }
    expect(finals.size).toBe(29);

    const truth = new Map(
      (await vodVideos()).map((video) => [video.id, video]),
    );
    const rows = await exportRows(id);
    expect(rows).toHaveLength(29);
    for (const row of rows) {
      const video = truth.get(row.videoId);
      if (row.outcome === "deleted")
        expect(video?.deleted, row.videoId).toBe(true);
      if (row.outcome === "forbidden")
        expect(video?.deleted, row.videoId).toBe(false);
      if (row.outcome === "not_found")
        expect(video === undefined || video.deleted).toBe(true);
    }
  });

  it("keeps going through injected throttling and 5xx: no row fails because of them", async () => {
    const before = await vodVideos();
    const ids = before
      .filter((video) => video.owner !== "other" && !video.deleted)
      .slice(0, 10)
      .map((video) => video.id);
    await harness.sandbox.control("PUT", "faults", {
      provider: "vod",
      throttleRate: 0.2,
      errorRate: 0.2,
    });
    try {
      const id = await startedRunId(harness.auth, {
        provider: "vod",
        ids,
        confirmation: `delete ${ids.length} videos`,
      });
      const run = await waitForRun(id, 60_000);
      expect(run.counts, JSON.stringify(await exportRows(id))).toMatchObject({
        deleted: ids.length,
        failed: 0,
        pending: 0,
      });
    } finally {
      await harness.sandbox.control("PUT", "faults", {
        provider: "vod",
        throttleRate: 0,
        errorRate: 0,
      });
    }
    // Every attempt is a look-up and a delete, each faulted 40% of the time, with backoff
    // between: the run may take as long as the wait above allows.
  }, 90_000);

  it("cancel stops further calls and ends untouched rows skipped (code cancelled)", async () => {
    await harness.sandbox.control("PUT", "faults", {
      provider: "vod",
      latencyMs: 400,
    });
    try {
      await harness.sandbox.control("POST", "seed", {
        provider: "vod",
        count: 200,
      });
      const ids = (await vodVideos())
        .filter((video) => video.owner !== "other" && !video.deleted)
        .map((video) => video.id);
      const id = await startedRunId(harness.auth, {
        provider: "vod",
        ids,
        confirmation: `delete ${ids.length} videos`,
      });
      await new Promise((resolve) => setTimeout(resolve, 600));
      const cancelled = await cancelRoute(
        request(`/api/runs/${id}/cancel`, {
          method: "POST",
          headers: harness.auth,
        }),
        routeContext({ runId: id }),
      );
      expect(cancelled.status).toBe(200);
      const run = await waitForRun(id);
      expect(run.status).toBe("cancelled");
      const rows = await exportRows(id);
      const cancelledRows = rows.filter((row) => row.code === "cancelled");
      expect(cancelledRows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.outcome !== "pending")).toBe(true);
      const truth = new Map(
        (await vodVideos()).map((video) => [video.id, video]),
      );
      for (const row of cancelledRows)
        expect(truth.get(row.videoId)?.deleted, row.videoId).toBe(false);
    } finally {
      await harness.sandbox.control("PUT", "faults", {
        provider: "vod",
        latencyMs: 0,
      });
    }
  });
});
