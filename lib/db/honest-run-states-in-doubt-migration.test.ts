// Review finding: migration 0009 moves `failed`/`cancelled` rows with attempts = 0 to `skipped`
// ("never sent, the video is as it was"). attempts = 0 does not prove that: a sent delete answered
// `throttled` or `auth` refunds its attempt (record-outcome.ts, attemptDelta -1) and leaves the row
// in doubt. The old cancel then wrote failed/cancelled with attempts still 0.
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { migrationsBefore, rawDbForTests } from "@/lib/testing/raw-migrations";

const db = rawDbForTests();

it("keeps a cancelled row that a call may have reached failed, even with its attempt refunded", async () => {
  await db.migrate(migrationsBefore("0009_honest_run_states"));
  const [user] = await db.rows<{ id: string }>(sql`
    insert into users (email, name, role, password_hash)
    values ('op@example.com', 'Op', 'operator', 'x') returning id`);
  const [run] = await db.rows<{ id: string }>(sql`
    insert into runs (provider, status, total, confirmation, created_by, started_via, request_hash, finished_at)
    values ('memories', 'cancelled', 1, 'x', ${user!.id}, 'browser', 'h', now()) returning id`);
  // memories.ai accepted the delete, the look-up after it was throttled: in doubt, attempt refunded.
  await db.rows(sql`
    insert into run_items (run_id, video_id, outcome, code, message, attempts, pre_state, in_doubt)
    values (${run!.id}, 'v1', 'failed', 'cancelled', 'Run cancelled before this video was attempted.', 0, 'present', true)`);

  await db.migrate("drizzle");

  const [row] = await db.rows<{ outcome: string }>(
    sql`select outcome::text from run_items where run_id = ${run!.id}`,
  );
  expect(row!.outcome).toBe("failed");
});
