import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { executeRows, type Db } from "@/lib/db/open-db";
import type { IdKind, ProviderId } from "@/lib/providers/types";
import type { PreState } from "@/lib/runs/vocabulary";

export interface ClaimedItem {
  runId: string;
  videoId: string;
  /** This claim's attempt number: the fencing token for writing the outcome. */
  attempt: number;
  /** An earlier call holding this ID may have reached the provider; its answer was not recorded. */
  inDoubt: boolean;
  /** The look-up recorded before that call (docs/design.md §2), null when none was sent. */
  preState: PreState | null;
  /** `processing` when this is a scheduled re-attempt of a still-processing video. */
  priorOutcome: "pending" | "processing";
  /** Re-attempt interval while the run's processing window is open, else null. */
  processingRetrySeconds: number | null;
  /** What the ID names; every item of one claim has the same kind (one provider call). */
  idKind: IdKind;
}

type ClaimRow = {
  run_id: string;
  video_id: string;
  attempts: number;
  in_doubt: boolean;
  pre_state: PreState | null;
  outcome: "pending" | "processing";
  retry_seconds: number | null;
  id_kind: IdKind;
  run_status: string;
};

const leaseFree = sql`i.next_attempt_at <= now() and (i.lease_until is null or i.lease_until < now())`;
const pendingDue = sql`i.outcome = 'pending' and ${leaseFree}`;
const processingDue = sql`i.outcome = 'processing' and ${leaseFree}`;

/**
 * Leases up to `limit` due items of one provider and commits the lease (attempt + 1) BEFORE any
 * provider call. Runs are served first come, first served: the oldest run with a due item, then
 * its items in due order through the partial index on pending rows, so a claim costs O(batch)
 * however many items wait. A claimed row's next_attempt_at moves to its lease end, out of the
 * way of the next claim. `SKIP LOCKED` lets several console processes claim disjoint batches
 * from one PostgreSQL. A batch holds one run, hence one kind of ID (one provider call).
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
  const claim = (runFilter: SQL, itemFilter: SQL) =>
    executeRows<ClaimRow>(
      db,
      sql`with next_run as (
            select r.id, r.id_kind, r.status,
                   case when r.processing_retry_until > now() then r.processing_retry_interval_seconds end as retry_seconds
              from runs r
             cross join lateral (
                   -- The run's first row in due order, through the partial index: an ordered
                   -- index scan that stops at once, where a bare EXISTS may be planned as a
                   -- bitmap scan of every pending row (and, on PGlite, of their dead versions).
                   select 1 from run_items i where i.run_id = r.id and ${itemFilter}
                    order by i.next_attempt_at limit 1) due
             where r.provider = ${input.provider} and ${runFilter}
             order by r.created_at
             limit 1
          ), picked as (
            select i.run_id, i.video_id, i.outcome
              from run_items i
             where i.run_id = (select id from next_run) and ${itemFilter}
             order by i.next_attempt_at
             limit ${input.limit}
               for update of i skip locked
          )
          update run_items i
             set attempts = i.attempts + 1,
                 lease_owner = ${input.owner},
                 lease_until = now() + make_interval(secs => ${input.leaseSeconds}),
                 next_attempt_at = now() + make_interval(secs => ${input.leaseSeconds}),
                 updated_at = now()
            from picked, next_run
           where i.run_id = picked.run_id and i.video_id = picked.video_id
       returning i.run_id, i.video_id, i.attempts, i.in_doubt, i.pre_state, picked.outcome,
                 next_run.retry_seconds, next_run.id_kind, next_run.status as run_status`,
    );
  let rows = await claim(sql`r.status in ('queued', 'running')`, pendingDue);
  if (rows.length === 0) {
    rows = await claim(
      sql`r.processing_retry_until > now() and r.cancel_requested_at is null`,
      processingDue,
    );
  }
  // Only a run's first claim changes its status: later claims skip the write.
  if (rows[0]?.run_status === "queued") {
    await db.execute(
      sql`update runs set status = 'running', started_at = coalesce(started_at, now())
           where status = 'queued' and id = ${rows[0]!.run_id}::uuid`,
    );
  }
  return rows.map((row) => ({
    runId: row.run_id,
    videoId: row.video_id,
    attempt: Number(row.attempts),
    inDoubt: Boolean(row.in_doubt),
    preState: row.pre_state,
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
 * from a dead process: expire them now (rows it had sent stay in doubt) instead of waiting.
 */
export async function expireOwnLeases(db: Db): Promise<void> {
  await db.execute(
    sql`update run_items set lease_until = now() - interval '1 second',
                             next_attempt_at = least(next_attempt_at, now())
         where outcome in ('pending', 'processing') and lease_until > now()`,
  );
}
