// Verify recomputes only what was appended since this process last verified the chain in full,
// and still catches a tampered event after that point; `full` recomputes everything.
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditActor } from "@/lib/testing/fixtures";
import { recordAuditEvent } from "./record-audit-event";
import { verifyLog } from "./verify-log";

const base = auditActor("verifier@erasure.test");

const append = (i: number) =>
  recordAuditEvent({ ...base, action: "run.started", details: { i } });

it("recomputes only the events appended since the last full verification, unless asked for all", async () => {
  for (let i = 0; i < 5; i++) await append(i);
  const first = await verifyLog(undefined, { full: true });
  expect(first).toMatchObject({ ok: true, since: null });
  const total = first.count;
  expect(total).toBeGreaterThanOrEqual(5);

  await append(5);
  await append(6);
  const next = await verifyLog();
  expect(next).toMatchObject({ ok: true, count: 2, since: total });
  expect(next.message).toContain(
    `2 events verified since event ${total} (verified in full before), chain intact`,
  );

  const all = await verifyLog(undefined, { full: true });
  expect(all).toMatchObject({ ok: true, count: total + 2, since: null });
});

it("still finds an event edited after the last full verification", async () => {
  await verifyLog(undefined, { full: true });
  const position = await append(7);
  const db = await getDb();
  await db.execute(sql`alter table audit_events disable trigger user`);
  try {
    await db.execute(
      sql`update audit_events set details = '{"i": 999}'::jsonb where position = ${position}`,
    );
  } finally {
    await db.execute(sql`alter table audit_events enable trigger user`);
  }
  const result = await verifyLog();
  expect(result.ok).toBe(false);
  expect(result.message).toContain(`Chain broken at event ${position}`);
  // A broken chain forgets the verified end: the next Verify starts from the first event again.
  expect((await verifyLog()).since).toBeNull();
});
