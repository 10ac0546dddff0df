import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { runItems, runs, users } from "@/lib/db/schema";

export interface VideoHistoryEntry {
  runId: string;
  provider: string;
  /** Whether the run named this ID as a video ID or as a reference ID (VOD). */
  idKind: string;
  outcome: string;
  code: string | null;
  message: string | null;
  attempts: number;
  updatedAt: Date;
  runStartedAt: Date;
  startedBy: string;
  startedVia: string;
  confirmation: string;
}

/** Every run that touched this video ID, newest first (indexed on run_items.video_id). */
export async function videoHistory(
  videoId: string,
): Promise<VideoHistoryEntry[]> {
  const db = await getDb();
  return db
    .select({
      runId: runs.id,
      provider: runs.provider,
      idKind: runs.idKind,
      outcome: runItems.outcome,
      code: runItems.code,
      message: runItems.message,
      attempts: runItems.attempts,
      updatedAt: runItems.updatedAt,
      runStartedAt: runs.createdAt,
      startedBy: users.email,
      startedVia: runs.startedVia,
      confirmation: runs.confirmation,
    })
    .from(runItems)
    .innerJoin(runs, eq(runs.id, runItems.runId))
    .innerJoin(users, eq(users.id, runs.createdBy))
    .where(eq(runItems.videoId, videoId))
    .orderBy(desc(runs.createdAt));
}
