// What an owner who drops the triggers could do, and that verify catches it.
import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditActor } from "@/lib/testing/fixtures";
import { recordAuditEvent } from "./record-audit-event";
import { verifyChain } from "./verify-chain";

const base = auditActor("owner@erasure.test");

async function withoutTriggers(statement: ReturnType<typeof sql>) {
  const db = await getDb();
  await db.execute(sql`alter table audit_events disable trigger user`);
  try {
    await db.execute(statement);
  } finally {
    await db.execute(sql`alter table audit_events enable trigger user`);
  }
}

let positions: number[] = [];
beforeEach(async () => {
  positions = [];
  for (let i = 0; i < 5; i++)
    positions.push(
      await recordAuditEvent({
        ...base,
        action: "run.started",
        details: { i },
      }),
    );
});

it("detects an edited event", async () => {
  await withoutTriggers(
    sql`update audit_events set details = '{"i": 99}' where position = ${positions[2]}`,
  );
  expect(await verifyChain()).toMatchObject({
    ok: false,
    position: positions[2],
    problem: expect.stringContaining("altered"),
  });
  // Restore the exact content so the next case starts from an intact chain.
  await withoutTriggers(
    sql`update audit_events set details = '{"i": 2}' where position = ${positions[2]}`,
  );
  expect((await verifyChain()).ok).toBe(true);
});

it("detects a deleted middle event", async () => {
  await withoutTriggers(
    sql`delete from audit_events where position = ${positions[1]}`,
  );
  expect(await verifyChain()).toMatchObject({
    ok: false,
    position: positions[1],
    problem: expect.stringContaining("missing"),
  });
});
