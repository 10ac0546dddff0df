// Request metadata comes from the client; the audit log bounds and cleans it rather than letting
// it fail the event (issue 11). Whatever is stored is exactly what was hashed.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { auditContext, recordAuditEvent } from "./record-audit-event";
import { recordableText } from "./request-metadata";
import { verifyChain } from "./verify-chain";

async function storedEvent(position: number) {
  const [row] = await executeRows<{
    request_id: string | null;
    ip: string | null;
    user_agent: string | null;
  }>(
    await getDb(),
    sql`select request_id, ip, user_agent from audit_events where position = ${position}`,
  );
  return row!;
}

describe("recordableText", () => {
  it("cuts to the limit and trims", () => {
    expect(recordableText(`  ${"a".repeat(600)}`, 500)).toBe("a".repeat(500));
    expect(recordableText(" curl/8.5 ", 500)).toBe("curl/8.5");
  });

  it("turns control characters into spaces, so a value stays one line", () => {
    expect(recordableText("agent\r\nINFO forged\u0000\u001b[31m", 500)).toBe(
      "agent  INFO forged  [31m",
    );
  });

  it("answers null for nothing worth keeping", () => {
    expect(recordableText(undefined, 10)).toBeNull();
    expect(recordableText(null, 10)).toBeNull();
    expect(recordableText(" \t ", 10)).toBeNull();
  });

  it("never leaves half a surrogate pair, at the cut or elsewhere", () => {
    expect(recordableText(`${"a".repeat(9)}😀`, 10)).toBe(
      `${"a".repeat(9)}\ufffd`,
    );
    expect(recordableText("a\ud800b", 10)).toBe("a\ufffdb");
    expect(recordableText("a😀b", 10)).toBe("a😀b");
  });
});

describe("recordAuditEvent with oversized request metadata", () => {
  it("records the event with the metadata trimmed instead of failing", async () => {
    const position = await recordAuditEvent({
      actorId: null,
      actor: "tester@erasure.test",
      action: "audit.verified",
      requestId: "r".repeat(10_240),
      ip: "x".repeat(10_240),
      userAgent: `Mozilla/5.0 ${"y".repeat(10_240)}`,
    });
    const row = await storedEvent(position);
    expect(row.request_id).toBe("r".repeat(100));
    expect(row.ip).toBe("x".repeat(100));
    expect(row.user_agent).toHaveLength(500);
    expect((await verifyChain()).ok).toBe(true);
  });

  it("stores a user agent cut inside an emoji exactly as it hashed it", async () => {
    const position = await recordAuditEvent({
      ...auditContext(null, {
        requestId: "req-1",
        userAgent: `${"a".repeat(499)}😀 and more`,
      }),
      action: "audit.verified",
    });
    expect((await storedEvent(position)).user_agent).toBe(
      `${"a".repeat(499)}\ufffd`,
    );
    expect((await verifyChain()).ok).toBe(true);
  });
});
