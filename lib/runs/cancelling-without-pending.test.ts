// Review finding: endAbandonedCancels() only finishes runs in which it ended a row itself. A run
// that reads `cancelling` with no pending row left (migration 0009 turns every old `cancelled`
// run with finished_at null into `cancelling`, e.g. one whose old worker recorded its batch and
// died before finishRuns) is never finished: it reads "Cancelling…" forever.
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { endAbandonedCancels } from "./cancel-run";

it("finishes a cancelling run that has nothing pending", async () => {
  const db = await getDb();
  const [user] = await executeRows<{ id: string }>(
    db,
    sql`insert into users (email, name, role, password_hash)
        values ('op-review@example.com', 'Op', 'operator', 'x') returning id`,
  );
  const [run] = await executeRows<{ id: string }>(
    db,
    sql`insert into runs (provider, status, total, confirmation, created_by, started_via, request_hash, cancel_requested_at)
        values ('vod', 'cancelling', 2, 'x', ${user!.id}, 'browser', 'h', now()) returning id`,
  );
  await db.execute(sql`insert into run_items (run_id, video_id, outcome, attempts) values
    (${run!.id}, 'a', 'deleted', 1), (${run!.id}, 'b', 'skipped', 0)`);

  await endAbandonedCancels(db);

  const [after] = await executeRows<{ status: string }>(
    db,
    sql`select status::text from runs where id = ${run!.id}`,
  );
  expect(after!.status).toBe("cancelled");
});
