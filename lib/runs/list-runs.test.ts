// The runs history (GET /api/runs): every filter, each sort key in both directions, and paging.
// Runs are created through createRun and stay queued (no worker); statuses, times and outcomes
// are then set with SQL to describe finished, running and failed runs.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveApiToken } from "@/lib/auth/api-tokens";
import type { Operator } from "@/lib/auth/operator";
import type { PublicUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { bearer, makeUser } from "@/lib/testing/fixtures";
import { createRun } from "./create-run";
import { finishRuns } from "./finish-runs";
import { listRuns } from "./list-runs";
import { listRunItems } from "./read-runs";
import {
  confirmationPhrase,
  runItemsQuerySchema,
  runsListResponseSchema,
  runsQuerySchema,
} from "./schemas";

// VOD counts as configured with any credentials; nothing is ever sent (no worker runs).
process.env.VOD_ACCESS_KEY_ID = "test-access-key";
process.env.VOD_ACCESS_KEY_SECRET = "test-access-secret";
process.env.VOD_ENDPOINT = "http://127.0.0.1:9/vod/";

const list = (query: Record<string, string> = {}) =>
  listRuns(runsQuerySchema.parse(query));
const ids = (result: { runs: { id: string }[] }) =>
  result.runs.map((run) => run.id);
const vodId = () => randomUUID().replace(/-/g, "");

let alice: PublicUser;
let bob: PublicUser;
let tokenName: string;
/** r1 oldest … r3 newest; see beforeAll for each one's story. */
let r1: string, r2: string, r3: string, r4: string;

async function startRun(operator: Operator, count: number): Promise<string> {
  const videoIds = Array.from({ length: count }, vodId);
  const { id } = await createRun(
    operator,
    { provider: "vod", ids: videoIds, confirmation: confirmationPhrase(count) },
    {},
  );
  return id;
}

async function setOutcomes(runId: string, outcome: string, count: number) {
  const db = await getDb();
  await db.execute(sql`update run_items set outcome = ${outcome}::row_outcome
    where (run_id, video_id) in (
      select run_id, video_id from run_items
       where run_id = ${runId} and outcome = 'pending' order by video_id limit ${count})`);
}

async function setRun(
  runId: string,
  values: {
    status: string;
    createdAt: string;
    startedAt?: string | null;
    finishedAt?: string | null;
    provider?: string;
  },
) {
  const db = await getDb();
  await db.execute(sql`update runs set
      status = ${values.status}::run_status,
      created_at = ${values.createdAt}::timestamptz,
      started_at = ${values.startedAt ?? null}::timestamptz,
      finished_at = ${values.finishedAt ?? null}::timestamptz,
      provider = coalesce(${values.provider ?? null}, provider)
    where id = ${runId}`);
}

beforeAll(async () => {
  alice = await makeUser("operator");
  bob = await makeUser("operator");
  const aliceOperator: Operator = {
    ...alice,
    via: { kind: "session", sessionId: "test-session" },
  };
  const bobOperator = (await resolveApiToken(await bearer(bob.id)))!;
  if (bobOperator.via.kind !== "token") throw new Error("expected a token");
  tokenName = bobOperator.via.tokenName;

  // r1: Alice in the browser, 3 IDs, completed in 100 s with one failed row.
  r1 = await startRun(aliceOperator, 3);
  await setOutcomes(r1, "deleted", 2);
  await setOutcomes(r1, "failed", 1);
  await setRun(r1, {
    status: "completed",
    createdAt: "2026-01-10T12:00:00Z",
    startedAt: "2026-01-10T12:00:05Z",
    finishedAt: "2026-01-10T12:01:45Z",
  });
  // r4: Bob with a token, 5 IDs, aborted after an hour: 2 failed, 1 deleted, 2 never sent.
  r4 = await startRun(bobOperator, 5);
  await setOutcomes(r4, "failed", 2);
  await setOutcomes(r4, "deleted", 1);
  await setRun(r4, {
    status: "aborted",
    createdAt: "2026-01-20T23:30:00Z",
    startedAt: "2026-01-20T23:30:00Z",
    finishedAt: "2026-01-21T00:30:00Z",
  });
  // r2: Bob with a token, 1 ID, running for about ten seconds.
  r2 = await startRun(bobOperator, 1);
  await setRun(r2, {
    status: "running",
    createdAt: "2026-02-15T08:00:00Z",
    startedAt: new Date(Date.now() - 10_000).toISOString(),
  });
  // r3: Alice, 2 IDs on another provider, still queued (never started: no duration).
  r3 = await startRun(aliceOperator, 2);
  await setRun(r3, {
    status: "queued",
    createdAt: "2026-03-01T00:30:00Z",
    provider: "akool",
  });
});

describe("listRuns", () => {
  it("lists every run newest first, with counts, operator and how it was started", async () => {
    const result = await list();
    expect(result.total).toBe(4);
    expect(ids(result)).toEqual([r3, r2, r4, r1]);
    const aborted = result.runs.find((run) => run.id === r4)!;
    expect(aborted).toMatchObject({
      provider: "vod",
      status: "aborted",
      total: 5,
      counts: {
        pending: 2,
        deleted: 1,
        failed: 2,
        forbidden: 0,
        not_found: 0,
        processing: 0,
      },
      createdBy: { id: bob.id, email: bob.email, name: bob.name },
      startedVia: `token: ${tokenName}`,
      ratePerSecond: null,
      etaSeconds: null,
    });
    expect(result.runs.find((run) => run.id === r1)!.startedVia).toBe(
      "browser",
    );
    expect(result.runs.find((run) => run.id === r3)!.counts.pending).toBe(2);
    // The response is exactly what the browser parses.
    expect(() =>
      runsListResponseSchema.parse(JSON.parse(JSON.stringify(result))),
    ).not.toThrow();
  });

  it("filters by provider", async () => {
    expect(ids(await list({ provider: "akool" }))).toEqual([r3]);
    expect(ids(await list({ provider: "vod" }))).toEqual([r2, r4, r1]);
    expect((await list({ provider: "memories" })).total).toBe(0);
  });

  it("filters by operator ID or email (case-insensitive), and finds nobody for a stranger", async () => {
    expect(ids(await list({ operator: alice.id }))).toEqual([r3, r1]);
    expect(ids(await list({ operator: bob.email.toUpperCase() }))).toEqual([
      r2,
      r4,
    ]);
    expect((await list({ operator: "nobody@erasure.test" })).total).toBe(0);
    expect((await list({ operator: randomUUID() })).total).toBe(0);
  });

  it("filters by status", async () => {
    expect(ids(await list({ status: "completed" }))).toEqual([r1]);
    expect(ids(await list({ status: "running" }))).toEqual([r2]);
    expect((await list({ status: "paused" })).total).toBe(0);
  });

  it("filters by date range: days are whole UTC days, instants bound exactly", async () => {
    // `to` includes its whole day (r4 started at 23:30 on Jan 20).
    expect(ids(await list({ from: "2026-01-10", to: "2026-01-20" }))).toEqual([
      r4,
      r1,
    ]);
    expect(ids(await list({ from: "2026-01-11" }))).toEqual([r3, r2, r4]);
    expect(ids(await list({ to: "2026-01-19" }))).toEqual([r1]);
    // Instants: `from` inclusive, `to` exclusive.
    expect(
      ids(
        await list({
          from: "2026-01-20T23:30:00Z",
          to: "2026-03-01T00:30:00.000Z",
        }),
      ),
    ).toEqual([r2, r4]);
    expect(
      ids(await list({ from: "2026-01-21T00:30:00+01:00", to: "2026-02-16" })),
    ).toEqual([r2, r4]);
    expect((await list({ from: "2026-03-02" })).total).toBe(0);
  });

  it("keeps only runs with failed rows", async () => {
    expect(ids(await list({ hasFailed: "1" }))).toEqual([r4, r1]);
    expect(
      ids(await list({ hasFailed: "true", operator: alice.email })),
    ).toEqual([r1]);
    expect((await list({ hasFailed: "0" })).total).toBe(4);
  });

  it("finds runs by the start of their ID, case-insensitively and literally", async () => {
    expect(ids(await list({ q: r1.slice(0, 8).toUpperCase() }))).toEqual([r1]);
    expect(ids(await list({ q: r2 }))).toEqual([r2]);
    expect((await list({ q: r1.slice(1, 9) })).runs).not.toContainEqual(
      expect.objectContaining({ id: r1 }),
    );
    expect((await list({ q: "%" })).total).toBe(0);
    expect((await list({ q: "_" })).total).toBe(0);
  });

  it("combines filters with AND", async () => {
    const result = await list({
      provider: "vod",
      operator: bob.email,
      status: "aborted",
      from: "2026-01-01",
      to: "2026-01-31",
      hasFailed: "1",
      q: r4.slice(0, 4),
    });
    expect(ids(result)).toEqual([r4]);
    expect(result.total).toBe(1);
  });

  it.each([
    ["createdAt", "asc", () => [r1, r4, r2, r3]],
    ["createdAt", "desc", () => [r3, r2, r4, r1]],
    ["total", "asc", () => [r2, r3, r1, r4]],
    ["total", "desc", () => [r4, r1, r3, r2]],
    // Ties (three vod runs) fall back to newest first.
    ["provider", "asc", () => [r3, r2, r4, r1]],
    ["provider", "desc", () => [r2, r4, r1, r3]],
    // Statuses sort in their lifecycle order: queued, running, paused, completed, cancelled, aborted.
    ["status", "asc", () => [r3, r2, r1, r4]],
    ["status", "desc", () => [r4, r1, r2, r3]],
    // A run that never started has no duration and comes last either way.
    ["duration", "asc", () => [r2, r1, r4, r3]],
    ["duration", "desc", () => [r4, r1, r2, r3]],
  ])("sorts by %s %s", async (sort, dir, expected) => {
    expect(ids(await list({ sort, dir }))).toEqual(expected());
  });

  it("pages with offset and limit, reporting the total of every page", async () => {
    const first = await list({ limit: "2" });
    const second = await list({ limit: "2", offset: "2" });
    const beyond = await list({ limit: "2", offset: "4" });
    expect(ids(first)).toEqual([r3, r2]);
    expect(ids(second)).toEqual([r4, r1]);
    expect(beyond.runs).toEqual([]);
    expect([first.total, second.total, beyond.total]).toEqual([4, 4, 4]);
    // Paging follows the sort and the filters.
    const sorted = await list({
      sort: "total",
      dir: "asc",
      limit: "3",
      offset: "1",
    });
    expect(ids(sorted)).toEqual([r3, r1, r4]);
    const filtered = await list({ provider: "vod", limit: "1", offset: "1" });
    expect(ids(filtered)).toEqual([r4]);
    expect(filtered.total).toBe(3);
  });
});

describe("runsQuerySchema", () => {
  it("defaults to the 50 newest runs and reads hasFailed=1 as a flag", () => {
    expect(runsQuerySchema.parse({})).toEqual({
      hasFailed: false,
      sort: "createdAt",
      dir: "desc",
      offset: 0,
      limit: 50,
    });
    expect(
      runsQuerySchema.parse({ hasFailed: "1", offset: "50", limit: "25" }),
    ).toMatchObject({ hasFailed: true, offset: 50, limit: 25 });
  });

  // The route answers 422 to each of these (withOperator turns the zod failure into the envelope).
  it.each([
    { sort: "videoId" },
    { dir: "up" },
    { status: "finished" },
    { provider: "youtube" },
    { from: "yesterday" },
    { to: "2026-02-30" },
    { hasFailed: "yes" },
    { q: "x".repeat(37) },
    { limit: "0" },
    { limit: "201" },
    { offset: "-1" },
  ])("rejects %o", (query) => {
    expect(runsQuerySchema.safeParse(query).success).toBe(false);
  });
});

describe("a run's rows sorted by outcome", () => {
  it("follow the order operators read a run in, not the enum's", async () => {
    const operator = (await resolveApiToken(await bearer(alice.id)))!;
    const runId = await startRun(operator, 6);
    await setOutcomes(runId, "deleted", 2);
    await setOutcomes(runId, "failed", 1);
    await setOutcomes(runId, "processing", 1);
    const outcomes = async (dir: "asc" | "desc") =>
      (
        await listRunItems(
          runId,
          runItemsQuerySchema.parse({ sort: "outcome", dir }),
        )
      ).items.map((item) => item.outcome);
    const reading = [
      "deleted",
      "deleted",
      "processing",
      "failed",
      "pending",
      "pending",
    ];
    expect(await outcomes("asc")).toEqual(reading);
    expect(await outcomes("desc")).toEqual([...reading].reverse());
  });
});

describe("runs that finished with refused or failed rows", () => {
  it('read "completed with issues", and "has failed rows" finds refused (forbidden) ones too', async () => {
    const carol = await makeUser("operator");
    const operator = (await resolveApiToken(await bearer(carol.id)))!;
    const refused = await startRun(operator, 3);
    await setOutcomes(refused, "deleted", 2);
    await setOutcomes(refused, "forbidden", 1);
    const clean = await startRun(operator, 2);
    await setOutcomes(clean, "deleted", 1);
    await setOutcomes(clean, "not_found", 1);
    // What the worker does after recording a batch: close runs with nothing pending.
    await finishRuns(await getDb(), [refused, clean]);

    const mine = await list({ operator: carol.email });
    const status = (id: string) =>
      mine.runs.find((run) => run.id === id)?.status;
    expect(status(refused)).toBe("completed_with_issues");
    expect(status(clean)).toBe("completed");
    expect(
      ids(
        await list({ operator: carol.email, status: "completed_with_issues" }),
      ),
    ).toEqual([refused]);
    const withFailed = ids(
      await list({ operator: carol.email, hasFailed: "1" }),
    );
    expect(withFailed).toContain(refused);
    expect(withFailed).not.toContain(clean);
  });
});
