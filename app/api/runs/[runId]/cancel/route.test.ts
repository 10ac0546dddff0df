// Cancel, honestly: rows never sent end `skipped` (code `cancelled`) and are still there at the
// provider; the batch in flight is recorded; the run reads `cancelling` until then, and the audit
// timeline reads in order: cancel requested, the in-flight batch (said so), then cancelled. A
// repeated cancel is a harmless 200 that records nothing.
import { sql, type SQL } from "drizzle-orm";
import { expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/runs/[runId]/export/route";
import { startedRunId } from "@/app/api/runs/testing";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { request, routeContext } from "@/lib/testing/fixtures";
import { setUpRuns, until, waitForRun } from "@/lib/testing/runs-harness";
import { POST as cancelRoute } from "./route";

const harness = setUpRuns({
  providers: ["vod"],
  sandboxEnv: { SANDBOX_COUNT: "10" },
});

const rows = async <T>(query: ReturnType<typeof sql>) =>
  executeRows<T>(await getDb(), query);

const cancel = (id: string) =>
  cancelRoute(
    request(`/api/runs/${id}/cancel`, {
      method: "POST",
      headers: harness.auth,
    }),
    routeContext({ runId: id }),
  );

/** Every VOD call takes 1.5 s while `body` runs, so a cancel lands while batches are out. */
async function withSlowVod(body: () => Promise<void>) {
  await harness.sandbox.control("PUT", "faults", {
    provider: "vod",
    latencyMs: 1500,
  });
  try {
    await body();
  } finally {
    await harness.sandbox.control("PUT", "faults", {
      provider: "vod",
      latencyMs: 0,
    });
  }
}

/** Seeds `count` more videos of this account and starts a run deleting `count` of them. */
async function startRunOfOwnVideos(count: number) {
  await harness.sandbox.control("POST", "seed", { provider: "vod", count });
  const ids = (
    await harness.sandbox.control<
      { id: string; owner: string; deleted: boolean }[]
    >("GET", "videos?provider=vod")
  )
    .filter((video) => video.owner !== "other" && !video.deleted)
    .map((video) => video.id)
    .slice(0, count);
  const id = await startedRunId(harness.auth, {
    provider: "vod",
    ids,
    confirmation: `delete ${ids.length} videos`,
  });
  return { id, ids };
}

/** Waits until a worker holds some of the run's rows that match `where`. */
const untilHeld = (id: string, where: SQL) =>
  until(
    () =>
      rows<{ n: number }>(
        sql`select count(*)::int as n from run_items
             where run_id = ${id} and lease_until > now() and ${where}`,
      ),
    ([held]) => Number(held!.n) > 0,
  );

it("skips rows never sent, records the batch in flight, and tells it in order", async () => {
  await withSlowVod(async () => {
    const { id } = await startRunOfOwnVideos(120);
    // A delete call is out: rows written ahead (in doubt) under a live lease.
    await untilHeld(id, sql`in_doubt`);

    const first = await cancel(id);
    expect(first.status).toBe(200);
    const cancelling = await first.json();
    expect(cancelling.status).toBe("cancelling");
    expect(cancelling.finishedAt).toBeNull();
    expect(cancelling.counts.skipped).toBeGreaterThan(0);

    // A second click, or a script retrying: same answer, nothing recorded twice.
    const second = await cancel(id);
    expect(second.status).toBe(200);
    expect(["cancelling", "cancelled"]).toContain((await second.json()).status);

    const run = await waitForRun(id);
    expect(run.status).toBe("cancelled");
    expect(run.counts.pending).toBe(0);
    expect(run.counts.failed).toBe(0);
    expect(run.counts.skipped).toBeGreaterThanOrEqual(
      cancelling.counts.skipped,
    );
    expect(run.counts.deleted).toBeGreaterThan(0);

    // Skipped rows were never sent: their videos are still there.
    const exported = (await (
      await exportRoute(
        request(`/api/runs/${id}/export?format=json`, {
          headers: harness.auth,
        }),
        routeContext({ runId: id }),
      )
    ).json()) as { videoId: string; outcome: string; code: string }[];
    const skipped = exported.filter((row) => row.outcome === "skipped");
    expect(skipped).toHaveLength(run.counts.skipped);
    expect(skipped.every((row) => row.code === "cancelled")).toBe(true);
    const truth = new Map(
      (
        await harness.sandbox.control<{ id: string; deleted: boolean }[]>(
          "GET",
          "videos?provider=vod",
        )
      ).map((video) => [video.id, video.deleted]),
    );
    for (const row of skipped)
      expect(truth.get(row.videoId), row.videoId).toBe(false);
    const csv = await (
      await exportRoute(
        request(`/api/runs/${id}/export?format=csv&outcome=skipped`, {
          headers: harness.auth,
        }),
        routeContext({ runId: id }),
      )
    ).text();
    expect(csv.trim().split("\n")).toHaveLength(run.counts.skipped + 1);
    expect(csv).toContain(",skipped,cancelled,");

    // The timeline: requested (once), the in-flight batches saying so, then cancelled, last.
    const events = await rows<{
      action: string;
      details: { inFlightWhenCancelRequested?: boolean; skipped?: number };
    }>(
      sql`select action::text, details from audit_events
           where target_type = 'run' and target_id = ${id} and action <> 'export.downloaded'
           order by position`,
    );
    const actions = events.map((event) => event.action);
    expect(actions.filter((a) => a === "run.cancel_requested")).toHaveLength(1);
    expect(actions.filter((a) => a === "run.cancelled")).toHaveLength(1);
    const requestedAt = actions.indexOf("run.cancel_requested");
    expect(actions.at(-1)).toBe("run.cancelled");
    expect(events[requestedAt]!.details.skipped).toBe(
      cancelling.counts.skipped,
    );
    const afterRequest = events.slice(requestedAt + 1, -1);
    expect(afterRequest.length).toBeGreaterThan(0);
    for (const event of afterRequest) {
      expect(event.action).toBe("items.recorded");
      expect(event.details.inFlightWhenCancelRequested).toBe(true);
    }

    // Cancelling a cancelled run: still a 200 with the run, still no new event.
    const third = await cancel(id);
    expect(third.status).toBe(200);
    expect((await third.json()).status).toBe("cancelled");
    const [after] = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_events
           where target_type = 'run' and target_id = ${id} and action <> 'export.downloaded'`,
    );
    expect(Number(after!.n)).toBe(events.length);
  });
}, 90_000);

it("does not send a batch that was still being looked up when the cancel came", async () => {
  await withSlowVod(async () => {
    const { id, ids } = await startRunOfOwnVideos(40);
    // Claimed, not yet written ahead: the look-up is out.
    await untilHeld(id, sql`pre_state is null`);
    expect((await cancel(id)).status).toBe(200);
    const run = await waitForRun(id);
    expect(run.status).toBe("cancelled");
    expect(run.counts.deleted).toBe(0);
    expect(run.counts.skipped).toBe(ids.length);
    const sent = new Set(ids);
    const deletes = (
      await harness.sandbox.control<
        { provider: string; operation: string; ids?: string[] }[]
      >("GET", "calls")
    ).filter(
      (call) =>
        call.provider === "vod" &&
        call.operation === "delete" &&
        (call.ids ?? []).some((videoId) => sent.has(videoId)),
    );
    expect(deletes).toEqual([]);
  });
}, 60_000);

it("cancels a queued run at once: every row skipped, one run.cancelled event", async () => {
  // No worker claims a run whose provider answers this slowly before the cancel lands.
  const ids = (
    await harness.sandbox.control<{ ids: string[] }>(
      "GET",
      "missing?provider=vod&count=3",
    )
  ).ids;
  const id = await startedRunId(harness.auth, {
    provider: "vod",
    ids,
    confirmation: "delete 3 videos",
  });
  const response = await cancel(id);
  expect(response.status).toBe(200);
  const run = await waitForRun(id);
  expect(run.status).toBe("cancelled");
  expect(run.counts.pending).toBe(0);
  const events = await rows<{ action: string }>(
    sql`select action::text from audit_events where target_type = 'run' and target_id = ${id} order by position`,
  );
  expect(events.map((event) => event.action).at(-1)).toBe("run.cancelled");
  expect(
    events.filter((event) => event.action.startsWith("run.cancel")),
  ).toHaveLength(1);
});
