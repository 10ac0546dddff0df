import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";

// Batches of row outcomes can be many; the timeline shows the first ones and says how many more.
const MAX_EVENTS = 500;

/** A run's audit events in chain order: start (with the typed phrase and IP), batches, cancel, exports. */
export async function runEvents(runId: string) {
  const db = await getDb();
  const rows = await db
    .select({
      position: auditEvents.position,
      at: auditEvents.at,
      actor: auditEvents.actor,
      action: auditEvents.action,
      details: auditEvents.details,
      ip: auditEvents.ip,
      userAgent: auditEvents.userAgent,
    })
    .from(auditEvents)
    .where(
      and(eq(auditEvents.targetType, "run"), eq(auditEvents.targetId, runId)),
    )
    .orderBy(asc(auditEvents.position))
    .limit(MAX_EVENTS + 1);
  return {
    events: rows
      .slice(0, MAX_EVENTS)
      .map((row) => ({ ...row, at: new Date(row.at).toISOString() })),
    truncated: rows.length > MAX_EVENTS,
  };
}
