import "server-only";
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "@/lib/db/open-db";
import type { IdKind, ProviderId } from "@/lib/providers/types";

export interface ClaimedItem {
  runId: string;
  videoId: string;
  /** This claim's attempt number: the fencing token for writing the outcome. */
  attempt: number;
  /** A previous attempt's lease expired while it was in flight: the provider may have acted. */
  interrupted: boolean;
  /** `processing` when this is a scheduled re-attempt of a still-processing video. */
  priorOutcome: "pending" | "processing";
  /** Re-attempt interval while the run's processing window is open, else null. */
  processingRetrySeconds: number | null;
  /** What the ID names; every item of one claim has the same kind (one provider call). */
  idKind: IdKind;
}

/**
 * Leases up to `limit` due pending items of one provider, oldest run first, and commits the
 * lease (attempt + 1) BEFORE any provider call. `SKIP LOCKED` lets several console processes
 * claim disjoint batches from one PostgreSQL. A batch holds one kind of ID (the provider's call
 * differs per kind): the kind of the oldest due item, so runs are served first come, first served.
 */
export async function claimItems(
  db: Db,
  input: {
    provider: ProviderId;
    limit: number;
    owner: string;
    leaseSeconds: number;
  },
): Promise<ClaimedItem[]> {
  const due = sql`r.provider = ${input.provider}
             and ((r.status in ('queued', 'running') and i.outcome = 'pending')
                  or (i.outcome = 'processing' and r.processing_retry_until > now() and r.cancel_requested_at is null))
             and i.next_attempt_at <= now()
             and (i.lease_until is null or i.lease_until < now())`;
  const rows = await executeRows<{
    run_id: string;
    video_id: string;
    attempts: number;
    interrupted: boolean;
    outcome: "pending" | "processing";
    retry_seconds: number | null;
    id_kind: IdKind;
  }>(
    db,
    sql`with oldest as (
          select r.id_kind
            from run_items i
            join runs r on r.id = i.run_id
           where ${due}
           order by r.created_at, i.video_id
           limit 1
        ), picked as (
          select i.run_id, i.video_id, i.outcome, (i.lease_until is not null) as interrupted,
                 case when r.processing_retry_until > now() then r.processing_retry_interval_seconds end as retry_seconds,
                 r.id_kind
            from run_items i
            join runs r on r.id = i.run_id
           where ${due} and r.id_kind = (select id_kind from oldest)
           order by r.created_at, i.video_id
           limit ${input.limit}
             for update of i skip locked
        )
        update run_items i
           set attempts = i.attempts + 1,
               lease_owner = ${input.owner},
               lease_until = now() + make_interval(secs => ${input.leaseSeconds}),
               updated_at = now()
          from picked
         where i.run_id = picked.run_id and i.video_id = picked.video_id
     returning i.run_id, i.video_id, i.attempts, picked.interrupted, picked.outcome, picked.retry_seconds, picked.id_kind`,
  );
  if (rows.length > 0) {
    const runIds = [...new Set(rows.map((row) => row.run_id))];
    await db.execute(
      sql`update runs set status = 'running', started_at = coalesce(started_at, now())
           where status = 'queued' and id in (${sql.join(
             runIds.map((id) => sql`${id}::uuid`),
             sql`, `,
           )})`,
    );
  }
  return rows.map((row) => ({
    runId: row.run_id,
    videoId: row.video_id,
    attempt: Number(row.attempts),
    interrupted: Boolean(row.interrupted),
    priorOutcome: row.outcome,
    processingRetrySeconds:
      row.retry_seconds === null ? null : Number(row.retry_seconds),
    idKind: row.id_kind,
  }));
}

/** Resumes paused runs whose pause is over; a paused run never needs an operator to restart it. */
export async function resumePausedRuns(db: Db): Promise<void> {
  await db.execute(
    sql`update runs set status = 'running', status_reason = null, resume_at = null
         where status = 'paused' and resume_at <= now()`,
  );
}

/**
 * With embedded PGlite only this process can have held a lease, so at start-up every lease is
 * from a dead process: expire them now (they stay marked as interrupted) instead of waiting.
 */
export async function expireOwnLeases(db: Db): Promise<void> {
  await db.execute(
    sql`update run_items set lease_until = now() - interval '1 second'
         where outcome in ('pending', 'processing') and lease_until > now()`,
  );
}
