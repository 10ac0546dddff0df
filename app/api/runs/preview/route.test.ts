// POST /api/runs/preview streamed (NDJSON), and runs that exclude what a preview found: route
// handlers with real Requests, the worker in this process, the sandbox over HTTP, real database.
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/runs/[runId]/export/route";
import { POST as previewRoute } from "@/app/api/runs/preview/route";
import { POST as startRoute } from "@/app/api/runs/route";
import type { auditActions } from "@/lib/audit/actions";
import { getDb } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { readNdjson } from "@/lib/http/ndjson";
import type { ProviderId } from "@/lib/providers/types";
import {
  previewResponseSchema,
  previewStreamEventSchema,
  type PreviewStreamEvent,
} from "@/lib/runs/schemas";
import {
  bearer,
  makeUser,
  request,
  routeContext,
} from "@/lib/testing/fixtures";
import { setUpRuns, waitForRun } from "@/lib/testing/runs-harness";
import { sandboxControl } from "@/lib/testing/sandbox-control";

const harness = setUpRuns({
  providers: ["vod", "imagine"],
  sandboxEnv: { SANDBOX_COUNT: "40" },
  // A slow provider, as in production: about one Imagine look-up a second.
  env: { IMAGINE_RATE_PER_MINUTE: "60" },
});

function previewRequest(
  body: { provider: ProviderId; ids: string[] },
  init: { stream?: boolean; signal?: AbortSignal } = {},
) {
  const base = request("/api/runs/preview", {
    method: "POST",
    headers: {
      ...harness.auth,
      ...(init.stream ? { accept: "application/x-ndjson" } : {}),
    },
    body,
  });
  return previewRoute(
    init.signal ? new Request(base, { signal: init.signal }) : base,
    routeContext(),
  );
}

/** NDJSON events as they arrive, with the time each one came. */
async function* eventsOf(response: Response) {
  for await (const line of readNdjson(response))
    yield { event: previewStreamEventSchema.parse(line), at: Date.now() };
}

async function eventsNamed(
  action: (typeof auditActions)[number],
  targetId?: string,
) {
  const db = await getDb();
  return db
    .select({ details: auditEvents.details })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, action),
        targetId ? eq(auditEvents.targetId, targetId) : undefined,
      ),
    )
    .orderBy(asc(auditEvents.position));
}

async function liveIds(provider: ProviderId, owner: "console" | "other") {
  return (await sandboxControl(harness.sandbox, provider).videos())
    .filter((v) => v.owner === owner && !v.deleted && v.status !== "processing")
    .map((v) => v.id);
}

describe("streamed preview", () => {
  it("sends each batch as the provider answers, long before the end", async () => {
    const ids = (await liveIds("imagine", "console")).slice(0, 4);
    const response = await previewRequest(
      { provider: "imagine", ids },
      { stream: true },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain(
      "application/x-ndjson",
    );
    const seen: { event: PreviewStreamEvent; at: number }[] = [];
    for await (const { event, at } of eventsOf(response))
      seen.push({ event, at });
    expect(seen[0]!.event).toMatchObject({
      type: "start",
      validCount: 4,
      toCheck: 4,
    });
    const batches = seen.filter((s) => s.event.type === "items");
    // Imagine looks up one ID a call at about one call a second: an event per answer, or
    // nearly (answers closer than 250 ms apart share one).
    expect(batches.length).toBeGreaterThanOrEqual(3);
    const done = seen.at(-1)!;
    expect(done.event).toMatchObject({
      type: "done",
      checkedCount: 4,
      counts: { will_delete: 4 },
    });
    expect(done.at - batches[0]!.at).toBeGreaterThan(1_500);
  });

  it("stops calling the provider when the caller cancels", async () => {
    const imagine = sandboxControl(harness.sandbox, "imagine");
    const ids = (await liveIds("imagine", "console")).slice(0, 12);
    const before = (await imagine.calls()).at(-1)?.seq ?? 0;
    const abort = new AbortController();
    const response = await previewRequest(
      { provider: "imagine", ids },
      { stream: true, signal: abort.signal },
    );
    for await (const { event } of eventsOf(response)) {
      if (event.type !== "items") continue;
      // The browser's Cancel: the fetch is aborted, and leaving the loop cancels its body.
      abort.abort();
      break;
    }
    const atCancel = (await imagine.calls(before)).length;
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const calls = await imagine.calls(before);
    // At most the one call already past its rate wait; at a call a second, 4 s would make 4.
    expect(calls.length).toBeLessThanOrEqual(atCancel + 1);
    expect(calls.length).toBeLessThan(4);
    const events = await eventsNamed("run.previewed");
    expect(events.at(-1)?.details).toMatchObject({
      cancelled: true,
      validCount: 12,
    });
  });

  it("says how many were checked when the list passes the look-up limit", async () => {
    const ids = await liveIds("vod", "console");
    const preview = previewResponseSchema.parse(
      await (await previewRequest({ provider: "vod", ids })).json(),
    );
    expect(preview.checkedCount).toBe(ids.length);
    expect(preview.lookupLimit).toBe(5_000);
  });
});

interface ExportRow {
  videoId: string;
  outcome: string;
  code: string | null;
}

function startRun(auth: Record<string, string>, body: unknown) {
  return startRoute(
    request("/api/runs", { method: "POST", headers: auth, body }),
    routeContext(),
  );
}

describe("a run that excludes what the preview found", () => {
  it("records excluded IDs as skipped, never sends them, and refuses exclusions the preview did not justify", async () => {
    const vod = sandboxControl(harness.sandbox, "vod");
    const mine = (await liveIds("vod", "console")).slice(0, 6);
    const theirs = (await liveIds("vod", "other")).slice(0, 2);
    const missing = await vod.missing(3);
    const ids = [...mine, ...theirs, ...missing];

    const preview = previewResponseSchema.parse(
      await (await previewRequest({ provider: "vod", ids })).json(),
    );
    expect(preview.counts).toMatchObject({
      will_delete: 6,
      not_yours: 2,
      already_gone: 3,
    });
    const exclude = {
      expectations: ["already_gone", "not_yours"],
      evidence: preview.evidence,
    };

    // The phrase counts what will be sent: 11 IDs less the 5 excluded.
    const wrongCount = await startRun(harness.auth, {
      provider: "vod",
      ids,
      confirmation: "delete 11 videos",
      exclude,
    });
    expect(wrongCount.status).toBe(422);
    expect((await wrongCount.json()).error.message).toContain(
      "delete 6 videos",
    );

    // Evidence altered to call one of ours "already gone" is refused.
    const [body, signature] = preview.evidence[0]!.split(".");
    const payload = JSON.parse(Buffer.from(body!, "base64url").toString());
    payload.ids.already_gone.push(mine[0]);
    const forged = `${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${signature}`;
    const refused = await startRun(harness.auth, {
      provider: "vod",
      ids,
      confirmation: "delete 5 videos",
      exclude: { ...exclude, evidence: [forged] },
    });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.message).toMatch(/was changed/);

    // Another operator cannot use this preview's evidence.
    const other = await makeUser("operator");
    const otherAuth = { authorization: `Bearer ${await bearer(other.id)}` };
    const notTheirs = await startRun(otherAuth, {
      provider: "vod",
      ids,
      confirmation: "delete 6 videos",
      exclude,
    });
    expect(notTheirs.status).toBe(422);

    // Asking to skip "processing" excludes nothing here: no ID was previewed so.
    const nothingProcessing = await startRun(harness.auth, {
      provider: "vod",
      ids,
      confirmation: "delete 6 videos",
      exclude: { expectations: ["processing"], evidence: preview.evidence },
    });
    expect(nothingProcessing.status).toBe(422);

    const callsBefore = (await vod.calls()).at(-1)?.seq ?? 0;
    const started = await startRun(harness.auth, {
      provider: "vod",
      ids,
      confirmation: "delete 6 videos",
      exclude,
    });
    expect(started.status).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const run = await waitForRun(id);
    expect(run.counts).toMatchObject({ deleted: 6, skipped: 5, pending: 0 });

    const rows = (await (
      await exportRoute(
        request(`/api/runs/${id}/export?format=json`, {
          headers: harness.auth,
        }),
        routeContext({ runId: id }),
      )
    ).json()) as ExportRow[];
    const byId = new Map(rows.map((row) => [row.videoId, row]));
    for (const videoId of missing)
      expect(byId.get(videoId)).toMatchObject({
        outcome: "skipped",
        code: "excluded_not_found",
      });
    for (const videoId of theirs)
      expect(byId.get(videoId)).toMatchObject({
        outcome: "skipped",
        code: "excluded_foreign",
      });
    const sent = new Set((await vod.calls(callsBefore)).flatMap((c) => c.ids));
    for (const videoId of [...missing, ...theirs])
      expect(sent.has(videoId), videoId).toBe(false);
    for (const videoId of mine) expect(sent.has(videoId), videoId).toBe(true);

    const [startedEvent] = await eventsNamed("run.started", id);
    expect(startedEvent?.details).toMatchObject({
      total: 11,
      toDelete: 6,
      excluded: {
        count: 5,
        counts: { excluded_not_found: 3, excluded_foreign: 2 },
      },
    });
  });
});
