import "server-only";
import { and, asc, desc, eq, gt, lt } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import type { RunEvent, RunEventsQuery, RunEventsResponse } from "./schemas";

const columns = {
  position: auditEvents.position,
  at: auditEvents.at,
  actor: auditEvents.actor,
  action: auditEvents.action,
  details: auditEvents.details,
  ip: auditEvents.ip,
  userAgent: auditEvents.userAgent,
};

const ofRun = (runId: string) =>
  and(eq(auditEvents.targetType, "run"), eq(auditEvents.targetId, runId))!;

const toEvent = (row: {
  position: number;
  at: string;
  actor: string;
  action: string;
  details: unknown;
  ip: string | null;
  userAgent: string | null;
}): RunEvent => ({
  ...row,
  at: new Date(row.at).toISOString(),
  details: (row.details ?? {}) as Record<string, unknown>,
});

/**
 * One page of a run's audit events, newest first, read through the (target, position) index so a
 * page costs the same for a run of 300 events or 100,000:
 * - no cursor: the newest `limit` events, and the run's `run.started` event (who confirmed what);
 * - `before`: the `limit` events just older than that position ("show older");
 * - `after`: the events newer than that position, oldest `limit` of them, for a live run's poll;
 *   `hasNewer` says more are waiting.
 */
export async function runEvents(
  runId: string,
  query: RunEventsQuery,
): Promise<RunEventsResponse> {
  const db = await getDb();
  if (query.after !== undefined) {
    const rows = await db
      .select(columns)
      .from(auditEvents)
      .where(and(ofRun(runId), gt(auditEvents.position, query.after)))
      .orderBy(asc(auditEvents.position))
      .limit(query.limit + 1);
    return {
      events: rows.slice(0, query.limit).map(toEvent).reverse(),
      started: null,
      hasOlder: true,
      hasNewer: rows.length > query.limit,
    };
  }
  const [rows, started] = await Promise.all([
    db
      .select(columns)
      .from(auditEvents)
      .where(
        query.before === undefined
          ? ofRun(runId)
          : and(ofRun(runId), lt(auditEvents.position, query.before)),
      )
      .orderBy(desc(auditEvents.position))
      .limit(query.limit + 1),
    query.before === undefined
      ? db
          .select(columns)
          .from(auditEvents)
          .where(and(ofRun(runId), eq(auditEvents.action, "run.started")))
          .orderBy(asc(auditEvents.position))
          .limit(1)
      : [],
  ]);
  return {
    events: rows.slice(0, query.limit).map(toEvent),
    started: started[0] ? toEvent(started[0]) : null,
    hasOlder: rows.length > query.limit,
    hasNewer: false,
  };
}
