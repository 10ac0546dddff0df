// The counts per outcome on each runs row (migration 0008's statement triggers) always equal a
// count of the run's items, whatever statement wrote them: the run page reads only the row.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { resolveApiToken } from "@/lib/auth/api-tokens";
import type { Operator } from "@/lib/auth/operator";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { bearer, makeUser } from "@/lib/testing/fixtures";
import { createRun } from "./create-run";
import { getRun, listRunItems } from "./read-runs";
import { confirmationPhrase, runItemsQuerySchema } from "./schemas";
import { rowOutcomes } from "./vocabulary";

// VOD counts as configured with any credentials; nothing is ever sent (no worker runs).
process.env.VOD_ACCESS_KEY_ID = "test-access-key";
process.env.VOD_ACCESS_KEY_SECRET = "test-access-secret";
process.env.VOD_ENDPOINT = "http://127.0.0.1:9/vod/";

let operator: Operator;

beforeAll(async () => {
  const user = await makeUser("operator");
  operator = (await resolveApiToken(await bearer(user.id)))!;
});

async function startRun(count: number): Promise<string> {
  const ids = Array.from({ length: count }, () =>
    randomUUID().replace(/-/g, ""),
  );
  const { id } = await createRun(
    operator,
    { provider: "vod", ids, confirmation: confirmationPhrase(count) },
    {},
  );
  return id;
}

/** What a full count of the items says, in the API's shape. */
async function countedFromItems(runId: string) {
  const rows = await executeRows<{ outcome: string; n: number }>(
    await getDb(),
    sql`select outcome, count(*)::int as n from run_items where run_id = ${runId} group by outcome`,
  );
  return Object.fromEntries(
    rowOutcomes.map((outcome) => [
      outcome,
      Number(rows.find((row) => row.outcome === outcome)?.n ?? 0),
    ]),
  );
}

async function expectCountsKept(...runIds: string[]) {
  for (const runId of runIds)
    expect((await getRun(runId)).counts).toEqual(await countedFromItems(runId));
}

it("keeps each run's counts equal to its items through inserts, updates and deletes", async () => {
  const a = await startRun(40);
  const b = await startRun(25);
  await expectCountsKept(a, b);
  expect((await getRun(a)).counts.pending).toBe(40);

  const db = await getDb();
  const move = (runId: string, from: string, to: string, limit: number) =>
    db.execute(sql`update run_items set outcome = ${to}::row_outcome
      where (run_id, video_id) in (select run_id, video_id from run_items
        where run_id = ${runId} and outcome = ${from}::row_outcome order by video_id limit ${limit})`);
  await move(a, "pending", "deleted", 12);
  await move(a, "pending", "processing", 5);
  await move(b, "pending", "failed", 3);
  await expectCountsKept(a, b);

  // Outcomes unchanged (a claim, a write-ahead): counts stay.
  await db.execute(
    sql`update run_items set attempts = attempts + 1 where run_id in (${a}::uuid, ${b}::uuid)`,
  );
  // One statement over two runs, moving several outcomes both ways.
  await db.execute(sql`update run_items set outcome = case outcome
      when 'processing' then 'deleted'::row_outcome
      when 'failed' then 'pending'::row_outcome
      when 'pending' then 'not_found'::row_outcome
      else outcome end
    where run_id in (${a}::uuid, ${b}::uuid) and video_id < '8'`);
  await expectCountsKept(a, b);

  await db.execute(
    sql`delete from run_items where run_id = ${b} and video_id < '4'`,
  );
  await db.execute(
    sql`insert into run_items (run_id, video_id, outcome) values (${b}, 'extra-1', 'forbidden'), (${b}, 'extra-2', 'pending')`,
  );
  await expectCountsKept(a, b);
});

it("answers the rows' total from the kept counts, and counts rows only for a text filter", async () => {
  const runId = await startRun(30);
  const db = await getDb();
  await db.execute(sql`update run_items set outcome = 'deleted'
    where (run_id, video_id) in (select run_id, video_id from run_items where run_id = ${runId} order by video_id limit 7)`);
  const page = (query: Record<string, string>) =>
    listRunItems(runId, runItemsQuerySchema.parse({ limit: "5", ...query }));
  expect((await page({})).total).toBe(30);
  expect((await page({ outcome: "deleted" })).total).toBe(7);
  expect((await page({ outcome: "pending" })).total).toBe(23);
  const [first] = (await page({})).items;
  expect((await page({ q: first!.videoId.slice(0, 30) })).total).toBe(1);
});
