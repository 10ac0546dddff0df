// Migration 0009 on a database that already has runs: cancelled rows never attempted become
// `skipped`, finished runs with unresolved rows read "completed with issues", a cancel still in
// flight reads "cancelling", and the counters keep `skipped` from then on (PGlite, and
// PostgreSQL in the postgres project).
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { migrationsBefore, rawDbForTests } from "@/lib/testing/raw-migrations";

const db = rawDbForTests();

type Counts = Record<string, number>;

async function insertRun(
  userId: string,
  status: string,
  finished: boolean,
  items: [string, string, string | null, number][],
): Promise<string> {
  const [run] = await db.rows<{ id: string }>(sql`
    insert into runs (provider, status, total, confirmation, created_by, started_via, request_hash, finished_at)
    values ('vod', ${status}::run_status, ${items.length}, 'x', ${userId}, 'browser', 'h',
            ${finished ? sql`now()` : sql`null`})
    returning id`);
  for (const [videoId, outcome, code, attempts] of items)
    await db.rows(sql`
      insert into run_items (run_id, video_id, outcome, code, attempts)
      values (${run!.id}, ${videoId}, ${outcome}::row_outcome, ${code}, ${attempts})`);
  return run!.id;
}

const runState = async (id: string) =>
  (
    await db.rows<Counts & { status: string }>(sql`
      select status::text, items_pending, items_deleted, items_forbidden, items_not_found,
             items_processing, items_failed, items_skipped
        from runs where id = ${id}`)
  )[0]!;

it("moves never-attempted cancelled rows to skipped, and says which runs finished with issues", async () => {
  await db.migrate(migrationsBefore("0009_honest_run_states"));
  const [user] = await db.rows<{ id: string }>(sql`
    insert into users (email, name, role, password_hash)
    values ('op@example.com', 'Op', 'operator', 'x') returning id`);
  const clean = await insertRun(user!.id, "completed", true, [
    ["a", "deleted", null, 1],
    ["b", "not_found", null, 1],
  ]);
  const refused = await insertRun(user!.id, "completed", true, [
    ["a", "deleted", null, 1],
    ["b", "forbidden", "forbidden", 1],
  ]);
  const cancelled = await insertRun(user!.id, "cancelled", true, [
    ["a", "deleted", null, 1],
    ["b", "failed", "cancelled", 0],
    ["c", "failed", "cancelled", 0],
    ["d", "failed", "cancelled", 2],
  ]);
  const inFlight = await insertRun(user!.id, "cancelled", false, [
    ["a", "pending", null, 1],
    ["b", "failed", "cancelled", 0],
  ]);

  await db.migrate("drizzle");

  expect((await runState(clean)).status).toBe("completed");
  expect((await runState(refused)).status).toBe("completed_with_issues");
  expect(await runState(cancelled)).toEqual({
    status: "cancelled",
    items_pending: 0,
    items_deleted: 1,
    items_forbidden: 0,
    items_not_found: 0,
    items_processing: 0,
    // Attempted before the cancel: its call may have reached the provider, so it stays failed.
    items_failed: 1,
    items_skipped: 2,
  });
  expect(await runState(inFlight)).toMatchObject({
    status: "cancelling",
    items_pending: 1,
    items_skipped: 1,
  });

  // From now on the trigger counts skipped rows like any other outcome.
  await db.rows(sql`update run_items set outcome = 'skipped', code = 'cancelled'
    where run_id = ${inFlight} and video_id = 'a'`);
  expect(await runState(inFlight)).toMatchObject({
    items_pending: 0,
    items_skipped: 2,
  });
  // The re-created partial index still serves the claim's pending rows.
  const [index] = await db.rows<{ def: string }>(
    sql`select indexdef as def from pg_indexes where indexname = 'run_items_pending_due_idx'`,
  );
  expect(index!.def).toContain("'pending'::row_outcome");
});
