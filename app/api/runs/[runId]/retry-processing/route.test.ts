// "Retry these later": a video Akool refuses while it is processing is re-attempted by the
// worker until it deletes, and its row shows when the next attempt is.
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { GET as getItems } from "@/app/api/runs/[runId]/items/route";
import { GET as getRun } from "@/app/api/runs/[runId]/route";
import { startedRunId } from "@/app/api/runs/testing";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { request, routeContext } from "@/lib/testing/fixtures";
import { setUpRuns, until } from "@/lib/testing/runs-harness";
import { DELETE as stopRetry, POST as retryProcessing } from "./route";

const harness = setUpRuns({
  providers: ["akool"],
  sandboxEnv: { SANDBOX_COUNT: "30" },
});

async function run(id: string) {
  return (
    await getRun(
      request(`/api/runs/${id}`, { headers: harness.auth }),
      routeContext({ runId: id }),
    )
  ).json();
}

it("re-attempts processing rows until they delete, showing the next attempt time", async () => {
  const videos = await harness.sandbox.control<
    { id: string; status: string; owner: string; deleted: boolean }[]
  >("GET", "videos?provider=akool");
  const processing = videos.find(
    (video) =>
      video.status === "2" && video.owner === "console" && !video.deleted,
  )!;
  const ready = videos.find(
    (video) =>
      video.status === "3" && video.owner === "console" && !video.deleted,
  )!;
  const ids = [processing.id, ready.id];
  const id = await startedRunId(harness.auth, {
    provider: "akool",
    ids,
    confirmation: "delete 2 videos",
  });
  const first = await until(
    () => run(id),
    (value) => value.finishedAt !== null,
  );
  expect(first.counts).toMatchObject({ deleted: 1, processing: 1 });
  // A processing row is not a finished deletion: the run says so.
  expect(first.status).toBe("completed_with_issues");

  const scheduled = await retryProcessing(
    request(`/api/runs/${id}/retry-processing`, {
      method: "POST",
      headers: harness.auth,
      body: { intervalMinutes: 0.05, hours: 1 },
    }),
    routeContext({ runId: id }),
  );
  expect(scheduled.status).toBe(200);
  expect(
    new Date((await scheduled.json()).processingRetryUntil).getTime(),
  ).toBeGreaterThan(Date.now() + 59 * 60_000);
  const items = await (
    await getItems(
      request(`/api/runs/${id}/items?outcome=processing`, {
        headers: harness.auth,
      }),
      routeContext({ runId: id }),
    )
  ).json();
  expect(items.items[0].videoId).toBe(processing.id);
  expect(new Date(items.items[0].nextAttemptAt).getTime()).toBeGreaterThan(
    Date.now(),
  );

  // Still processing at the next attempt: the row stays `processing` and is tried again.
  const attemptsBefore = items.items[0].attempts;
  await until(
    async () =>
      (
        await (
          await getItems(
            request(`/api/runs/${id}/items?outcome=processing`, {
              headers: harness.auth,
            }),
            routeContext({ runId: id }),
          )
        ).json()
      ).items[0]?.attempts,
    (attempts) => attempts > attemptsBefore,
  );
  // The video finishes processing at the provider; the next attempt deletes it.
  await harness.sandbox.control("PUT", "limits", {
    provider: "akool",
    blockedStatuses: [],
  });
  const last = await until(
    () => run(id),
    (value) => value.counts.processing === 0,
  );
  expect(last.counts).toMatchObject({ deleted: 2, processing: 0, pending: 0 });
  // Every row resolved after all: the run is plainly completed now.
  expect(last.status).toBe("completed");
  const after = await harness.sandbox.control<
    { id: string; deleted: boolean }[]
  >("GET", "videos?provider=akool");
  expect(after.find((video) => video.id === processing.id)?.deleted).toBe(true);
}, 60_000);

const retryEvents = async (id: string) =>
  executeRows<{ action: string; details: Record<string, unknown> }>(
    await getDb(),
    sql`select action::text, details from audit_events
         where target_type = 'run' and target_id = ${id} and action::text like 'run.retry%'
         order by position`,
  );

it("shows the chosen interval and window, and stops retrying on request, once", async () => {
  // The test above let processing videos delete; here the provider refuses them again.
  await harness.sandbox.control("PUT", "limits", {
    provider: "akool",
    blockedStatuses: [2],
  });
  const videos = await harness.sandbox.control<
    { id: string; status: string; owner: string; deleted: boolean }[]
  >("GET", "videos?provider=akool");
  const processing = videos.filter(
    (video) =>
      video.status === "2" && video.owner === "console" && !video.deleted,
  )[1]!;
  const id = await startedRunId(harness.auth, {
    provider: "akool",
    ids: [processing.id],
    confirmation: "delete 1 video",
  });
  await until(
    () => run(id),
    (value) => value.finishedAt !== null,
  );
  const scheduled = await (
    await retryProcessing(
      request(`/api/runs/${id}/retry-processing`, {
        method: "POST",
        headers: harness.auth,
        body: { intervalMinutes: 15, hours: 6 },
      }),
      routeContext({ runId: id }),
    )
  ).json();
  expect(scheduled.processingRetryIntervalSeconds).toBe(900);
  expect(new Date(scheduled.processingRetryUntil).getTime()).toBeGreaterThan(
    Date.now() + 5.9 * 3600_000,
  );

  const stop = () =>
    stopRetry(
      request(`/api/runs/${id}/retry-processing`, {
        method: "DELETE",
        headers: harness.auth,
      }),
      routeContext({ runId: id }),
    );
  const stopped = await stop();
  expect(stopped.status).toBe(200);
  const body = await stopped.json();
  expect(body.processingRetryUntil).toBeNull();
  expect(body.counts.processing).toBe(1);
  // No next attempt is shown (or made) for the row any more.
  const items = await (
    await getItems(
      request(`/api/runs/${id}/items?outcome=processing`, {
        headers: harness.auth,
      }),
      routeContext({ runId: id }),
    )
  ).json();
  expect(items.items[0].nextAttemptAt).toBeNull();

  // Stopping again changes nothing and records nothing.
  expect((await stop()).status).toBe(200);
  expect(await retryEvents(id)).toEqual([
    {
      action: "run.retry_scheduled",
      details: expect.objectContaining({ intervalSeconds: 900, rows: 1 }),
    },
    { action: "run.retry_stopped", details: { rows: 1 } },
  ]);
}, 60_000);
