// Test-only: what the console itself recorded, read straight from the PGlite folder: a run's rows,
// status and audit trail, and how many rows are still pending. The worker must be stopped (or
// the run finished) while this process holds the folder.
import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import type { RowOutcome } from "@/lib/runs/vocabulary";

export interface RowRecord {
  video_id: string;
  outcome: RowOutcome;
  code: string | null;
  attempts: number;
  pre_state: string | null;
  terminal_ms: string;
}

export interface AuditItem {
  videoId: string;
  /** A final outcome, or `retry`. */
  outcome: string;
  attempt?: number;
  code?: string | null;
  /** The event's time (epoch ms) and actor, added when read. */
  at?: number;
  actor?: string;
}

/** Reads one finished run's rows, status and audit trail (this process holds the PGlite folder). */
export async function readRun(runId: string) {
  const db = await getDb();
  const rows = await executeRows<RowRecord>(
    db,
    sql`select video_id, outcome, code, attempts, pre_state, (extract(epoch from updated_at) * 1000)::text as terminal_ms
          from run_items where run_id = ${runId}::uuid`,
  );
  const [run] = await executeRows<{ status: string; finished: boolean }>(
    db,
    sql`select status, finished_at is not null as finished from runs where id = ${runId}::uuid`,
  );
  const events = await executeRows<{
    details: { items?: AuditItem[] };
    at_ms: string;
    actor: string;
  }>(
    db,
    sql`select details, (extract(epoch from at::timestamptz) * 1000)::text as at_ms, actor
          from audit_events
         where action = 'items.recorded' and target_type = 'run' and target_id = ${runId}
         order by position`,
  );
  return {
    rows,
    status: run?.status ?? "missing",
    finished: Boolean(run?.finished),
    audit: events.flatMap((event) =>
      (event.details.items ?? []).map((item) => ({
        ...item,
        at: Number(event.at_ms),
        actor: event.actor,
      })),
    ),
  };
}

export interface PendingState {
  /** Pending rows per run. */
  pending: Map<string, number>;
  /** When the last pending row becomes due (a leased row is due at the next start). */
  dueAt: number;
}

/** Opens the PGlite folder (the worker must be stopped), reads what is left, closes it again. */
export async function readPending(runIds: string[]): Promise<PendingState> {
  const db = await getDb();
  try {
    const rows = await executeRows<{
      run_id: string;
      n: number;
      due: string | null;
    }>(
      db,
      sql`select run_id, count(*)::int as n,
                 max(extract(epoch from case when lease_until is not null then now() else next_attempt_at end) * 1000)::text as due
            from run_items
           where run_id in (${sql.join(
             runIds.map((id) => sql`${id}::uuid`),
             sql`, `,
           )}) and outcome = 'pending'
           group by run_id`,
    );
    return {
      pending: new Map(rows.map((row) => [row.run_id, Number(row.n)])),
      dueAt: Math.max(0, ...rows.map((row) => Number(row.due ?? 0))),
    };
  } finally {
    await closeDb();
  }
}
