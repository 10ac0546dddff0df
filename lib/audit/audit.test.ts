import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { recordAuditEvent } from "./record-audit-event";
import { verifyChain } from "./verify-chain";

const base = {
  actorId: null,
  actor: "tester@erasure.test",
  requestId: null,
  ip: "203.0.113.9",
  userAgent: "vitest",
};

describe("the audit chain", () => {
  it("appends contiguous positions, each linked to the previous hash, and verifies", async () => {
    const first = await recordAuditEvent({
      ...base,
      action: "user.created",
      targetType: "user",
      targetId: "u1",
    });
    const second = await recordAuditEvent({
      ...base,
      action: "token.created",
      details: { name: "nightly" },
    });
    expect(second).toBe(first + 1);
    const db = await getDb();
    const [a, b] = await executeRows<{ hash: string; prev_hash: string }>(
      db,
      sql`select hash, prev_hash from audit_events where position in (${first}, ${second}) order by position`,
    );
    expect(b!.prev_hash).toBe(a!.hash);
    const result = await verifyChain();
    expect(result).toMatchObject({ ok: true, lastPosition: second });
  });

  it("keeps one linear chain under concurrent appends", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordAuditEvent({ ...base, action: "run.previewed", details: { i } }),
      ),
    );
    expect((await verifyChain()).ok).toBe(true);
  });

  it("stores log-injection strings inertly and still verifies", async () => {
    const nasty =
      'evil\r\nINFO forged line \u001b[31mred\u001b[0m "},{"x":1} \u2028';
    const position = await recordAuditEvent({
      ...base,
      actor: nasty,
      action: "auth.sign_in_failed",
      targetId: nasty,
      details: { reason: nasty },
    });
    const db = await getDb();
    const [row] = await executeRows<{
      actor: string;
      target_id: string;
      details: { reason: string };
    }>(
      db,
      sql`select actor, target_id, details from audit_events where position = ${position}`,
    );
    expect(row).toEqual({
      actor: nasty,
      target_id: nasty,
      details: { reason: nasty },
    });
    expect((await verifyChain()).ok).toBe(true);
  });

  it("refuses UPDATE, DELETE and TRUNCATE at the database", async () => {
    await recordAuditEvent({ ...base, action: "audit.verified" });
    const db = await getDb();
    for (const statement of [
      sql`update audit_events set actor = 'someone else'`,
      sql`delete from audit_events where position = 1`,
      sql`truncate audit_events`,
    ]) {
      const error = await db.execute(statement).then(
        () => null,
        (failure: Error & { cause?: Error }) => failure,
      );
      // drizzle wraps the database error; the trigger's message is on the cause.
      expect(error?.cause?.message ?? error?.message).toMatch(/append-only/);
    }
    expect((await verifyChain()).ok).toBe(true);
  });
});
