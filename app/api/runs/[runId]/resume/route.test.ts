// A revoked credential pauses a run without spending a single row (docs/design.md §4); once the key
// works again an operator resumes it at once instead of waiting for the automatic resume.
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { GET as getItems } from "@/app/api/runs/[runId]/items/route";
import { GET as getRun } from "@/app/api/runs/[runId]/route";
import { startedRunId } from "@/app/api/runs/testing";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { request, routeContext } from "@/lib/testing/fixtures";
import { setUpRuns, until } from "@/lib/testing/runs-harness";
import { POST as resumeRun } from "./route";

const harness = setUpRuns({
  providers: ["vod"],
  sandboxEnv: { SANDBOX_COUNT: "30" },
});

const readRun = async (id: string) =>
  (
    await getRun(
      request(`/api/runs/${id}`, { headers: harness.auth }),
      routeContext({ runId: id }),
    )
  ).json();

const resume = (id: string) =>
  resumeRun(
    request(`/api/runs/${id}/resume`, {
      method: "POST",
      headers: harness.auth,
    }),
    routeContext({ runId: id }),
  );

it("pauses on a rejected key with every row still pending, and resumes on an operator's word", async () => {
  const videos = await harness.sandbox.control<
    { id: string; owner: string; deleted: boolean }[]
  >("GET", "videos?provider=vod");
  const ids = videos
    .filter((video) => video.owner === "console" && !video.deleted)
    .slice(0, 3)
    .map((video) => video.id);
  // The key stops working: VOD answers InvalidAccessKeyId.NotFound to everything.
  await harness.sandbox.control("PUT", "faults", {
    provider: "vod",
    authRate: 1,
  });

  const id = await startedRunId(harness.auth, {
    provider: "vod",
    ids,
    confirmation: "delete 3 videos",
  });
  const paused = await until(
    () => readRun(id),
    (run) => run.status === "paused",
  );
  expect(paused.statusReason).toMatch(/InvalidAccessKeyId|credentials/i);
  expect(new Date(paused.resumeAt).getTime()).toBeGreaterThan(Date.now());
  const items = await (
    await getItems(
      request(`/api/runs/${id}/items`, { headers: harness.auth }),
      routeContext({ runId: id }),
    )
  ).json();
  expect(
    items.items.map((item: { outcome: string; code: string }) => [
      item.outcome,
      item.code,
    ]),
  ).toEqual([
    ["pending", "auth"],
    ["pending", "auth"],
    ["pending", "auth"],
  ]);

  // The key works again; the operator does not wait for the automatic resume.
  await harness.sandbox.control("PUT", "faults", {
    provider: "vod",
    authRate: 0,
  });
  const resumed = await resume(id);
  expect(resumed.status).toBe(200);
  expect((await resumed.json()).resumeAt).toBeNull();
  const done = await until(
    () => readRun(id),
    (run) => run.finishedAt !== null,
  );
  expect(done.status).toBe("completed");
  expect(done.counts).toMatchObject({ deleted: 3, pending: 0 });
  expect(new Date(done.finishedAt).getTime()).toBeLessThan(
    new Date(paused.resumeAt).getTime(),
  );
  const after = await harness.sandbox.control<
    { id: string; deleted: boolean }[]
  >("GET", "videos?provider=vod");
  expect(
    after.filter((video) => ids.includes(video.id)).every((v) => v.deleted),
  ).toBe(true);

  const [event] = await executeRows<{ details: { pausedBecause: string } }>(
    await getDb(),
    sql`select details from audit_events where action = 'run.resumed' and target_id = ${id}`,
  );
  expect(event!.details.pausedBecause).toBe(paused.statusReason);

  // Only a paused run resumes.
  const again = await resume(id);
  expect(again.status).toBe(409);
  expect((await again.json()).error.message).toContain("completed");
});
