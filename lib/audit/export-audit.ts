import "server-only";
import { and, asc, gt, gte, lt } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { streamRows } from "@/lib/http/export-stream";
import { videoHistory } from "./video-history";

const PAGE = 2000;

async function* eventsBetween(from: Date, to: Date) {
  const db = await getDb();
  let after = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          gt(auditEvents.position, after),
          gte(auditEvents.at, from.toISOString()),
          lt(auditEvents.at, to.toISOString()),
        ),
      )
      .orderBy(asc(auditEvents.position))
      .limit(PAGE);
    for (const row of page)
      yield { ...row, at: new Date(row.at).toISOString() };
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.position;
  }
}

const eventColumns = [
  "position",
  "at",
  "actor",
  "action",
  "targetType",
  "targetId",
  "details",
  "requestId",
  "ip",
  "userAgent",
  "prevHash",
  "hash",
] as const;

/** Audit events in [from, to), streamed page by page with their hashes (re-verifiable offline). */
export function exportAuditEvents(
  from: Date,
  to: Date,
  format: "csv" | "json",
) {
  return streamRows(eventsBetween(from, to), eventColumns, format);
}

async function* historyRows(videoIds: string[]) {
  for (const videoId of videoIds) {
    const runs = await videoHistory(videoId);
    if (runs.length === 0) yield { videoId, touched: false };
    for (const run of runs) yield { videoId, touched: true, ...run };
  }
}

const historyColumns = [
  "videoId",
  "touched",
  "runId",
  "provider",
  "idKind",
  "outcome",
  "code",
  "message",
  "updatedAt",
  "startedBy",
  "startedVia",
  "confirmation",
] as const;

/** A video search result: one row per (video, run), and one "not touched" row per unknown video. */
export function exportVideoHistory(videoIds: string[], format: "csv" | "json") {
  return streamRows(
    historyRows(videoIds) as AsyncGenerator<Record<string, unknown>>,
    historyColumns,
    format,
  );
}
