import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditActor, signingKeyPem } from "@/lib/testing/fixtures";
import { createCheckpoint, verifyCheckpoint } from "./checkpoint";
import { recordAuditEvent } from "./record-audit-event";
import { verifyChain } from "./verify-chain";

const base = auditActor("admin@erasure.test");

beforeAll(() => {
  process.env.ERASURE_AUDIT_SIGNING_KEY = signingKeyPem();
});

it("signs the latest position and hash, and a later verify accepts it", async () => {
  for (let i = 0; i < 3; i++)
    await recordAuditEvent({ ...base, action: "run.started", details: { i } });
  const checkpoint = await createCheckpoint();
  await recordAuditEvent({ ...base, action: "audit.verified" });
  expect(await verifyCheckpoint(checkpoint)).toMatchObject({ ok: true });
  expect(
    await verifyCheckpoint({ ...checkpoint, hash: "f".repeat(64) }),
  ).toMatchObject({
    ok: false,
    message: expect.stringContaining("signature"),
  });
});

it("detects a truncated tail that the chain alone cannot see", async () => {
  for (let i = 0; i < 3; i++)
    await recordAuditEvent({
      ...base,
      action: "run.started",
      details: { tail: i },
    });
  const checkpoint = await createCheckpoint();
  const db = await getDb();
  await db.execute(sql`alter table audit_events disable trigger user`);
  await db.execute(
    sql`delete from audit_events where position > ${checkpoint.position - 2}`,
  );
  await db.execute(sql`alter table audit_events enable trigger user`);
  expect((await verifyChain()).ok).toBe(true);
  expect(await verifyCheckpoint(checkpoint)).toMatchObject({
    ok: false,
    message: expect.stringContaining("removed from the end"),
  });
});
