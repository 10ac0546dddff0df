// Cutting the tail of the log leaves a chain that verifies: only a checkpoint kept outside the
// database can tell. Every signed checkpoint is published as a file, and Verify compares the
// log with the latest one, so a cut tail is reported without anyone uploading anything.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  assertAuditSigningConfigured,
  createCheckpoint,
} from "@/lib/audit/checkpoint";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyChain } from "@/lib/audit/verify-chain";
import { getDb } from "@/lib/db/client";
import { EnvError, parseEnv } from "@/lib/env";
import {
  auditActor,
  browserHeaders,
  makeUser,
  request,
  routeContext,
  signingKeyPem,
} from "@/lib/testing/fixtures";
import { GET as downloadCheckpoint } from "./checkpoint/route";
import { GET as verifyRoute } from "./verify/route";

// Read by the first getEnv(), before any test runs.
const checkpointDir = mkdtempSync(path.join(tmpdir(), "erasure-checkpoints-"));
process.env.ERASURE_CHECKPOINT_DIR = checkpointDir;
process.env.ERASURE_AUDIT_SIGNING_KEY = signingKeyPem();

const base = auditActor("admin@erasure.test");

let adminHeaders: Record<string, string>;
beforeAll(async () => {
  const admin = await makeUser("admin");
  adminHeaders = {
    ...(await browserHeaders(admin.id)),
    "sec-fetch-site": "same-origin",
  };
});

const published = () =>
  readdirSync(checkpointDir).filter((file) => file.endsWith(".json"));

async function verify() {
  const response = await verifyRoute(
    request("/api/audit/verify", { headers: adminHeaders }),
    routeContext(),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as { ok: boolean; message: string };
}

describe("start-up", () => {
  it("refuses production without a signing key, or with one that is not Ed25519", () => {
    expect(() =>
      assertAuditSigningConfigured(parseEnv({ NODE_ENV: "production" })),
    ).toThrow(EnvError);
    expect(() =>
      assertAuditSigningConfigured(parseEnv({ NODE_ENV: "production" })),
    ).toThrow(/ERASURE_AUDIT_SIGNING_KEY: is required in production/);
    expect(() =>
      assertAuditSigningConfigured(
        parseEnv({
          NODE_ENV: "production",
          ERASURE_AUDIT_SIGNING_KEY: "x".repeat(64),
        }),
      ),
    ).toThrow(/ERASURE_AUDIT_SIGNING_KEY: is not an Ed25519 private key/);
    expect(() =>
      assertAuditSigningConfigured(
        parseEnv({
          NODE_ENV: "production",
          ERASURE_AUDIT_SIGNING_KEY: signingKeyPem(),
        }),
      ),
    ).not.toThrow();
    // Development and tests may run without one (checkpoints are then unavailable).
    expect(() =>
      assertAuditSigningConfigured(parseEnv({ NODE_ENV: "development" })),
    ).not.toThrow();
  });
});

describe("published checkpoints", () => {
  it("writes every signed checkpoint to ERASURE_CHECKPOINT_DIR, one file per position", async () => {
    await recordAuditEvent({ ...base, action: "run.started" });
    const response = await downloadCheckpoint(
      request("/api/audit/checkpoint", { headers: adminHeaders }),
      routeContext(),
    );
    expect(response.status).toBe(200);
    const downloaded = JSON.parse(await response.text());
    const file = path.join(
      checkpointDir,
      `erasure-checkpoint-${String(downloaded.position).padStart(12, "0")}.json`,
    );
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(downloaded);
    // Signing the same head again publishes nothing new.
    const count = published().length;
    await createCheckpoint();
    await createCheckpoint();
    expect(published().length).toBe(count + 1); // the download's own event moved the head once
  });

  it("Verify compares the log with the latest published checkpoint and reports a cut tail", async () => {
    for (let i = 0; i < 3; i++)
      await recordAuditEvent({
        ...base,
        action: "run.started",
        details: { i },
      });
    const checkpoint = await createCheckpoint();
    const intact = await verify();
    expect(intact).toMatchObject({ ok: true });
    expect(intact.message).toMatch(/events verified, chain intact/);
    expect(intact.message).toContain(
      `published checkpoint of event ${checkpoint.position}`,
    );

    // The owner (here the test's superuser connection) bypasses the append-only triggers and
    // cuts the last events, including the checkpointed one.
    const db = await getDb();
    await db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger user`);
      await tx.execute(
        sql`delete from audit_events where position > ${checkpoint.position - 2}`,
      );
      await tx.execute(sql`alter table audit_events enable trigger user`);
    });
    expect((await verifyChain()).ok).toBe(true); // the chain alone cannot tell

    const cut = await verify();
    expect(cut.ok).toBe(false);
    expect(cut.message).toMatch(/chain intact/);
    expect(cut.message).toContain("events were removed from the end");
  });
});
