// "Retry these later": a video Akool refuses while it is processing is re-attempted by the
// worker until it deletes, and its row shows when the next attempt is.
import { expect, it } from "vitest";
import { GET as getItems } from "@/app/api/runs/[runId]/items/route";
import { GET as getRun } from "@/app/api/runs/[runId]/route";
import { startedRunId } from "@/app/api/runs/testing";
import { request, routeContext } from "@/lib/testing/fixtures";
import { setUpRuns, until } from "@/lib/testing/runs-harness";
import { POST as retryProcessing } from "./route";

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
  const after = await harness.sandbox.control<
    { id: string; deleted: boolean }[]
  >("GET", "videos?provider=akool");
  expect(after.find((video) => video.id === processing.id)?.deleted).toBe(true);
}, 60_000);
