// Test-only: a fingerprint of everything a request could change (every table, the published
// checkpoint files), to show that a refused request changed nothing. Never mocks: it reads the
// database the route handlers write to.
import { readdirSync } from "node:fs";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { getEnv } from "@/lib/env";

/**
 * What each table's state is. Left out is bookkeeping that merely reading with valid credentials
 * updates: a session's `last_seen_at` and a token's `last_used_at`. A session's liveness counts,
 * not its `revoked_at`: the console revokes an expired session when it is presented, which ends
 * nothing that had not already ended.
 */
function fingerprints(): Record<string, SQL> {
  const idleMinutes = getEnv().ERASURE_SESSION_IDLE_MINUTES;
  return {
    users: sql`select id, email, name, role, password_hash, disabled, created_at from users`,
    sessions: sql`select id, user_id, created_at, expires_at, ip, user_agent,
        (revoked_at is null and expires_at > now()
          and last_seen_at > now() - make_interval(mins => ${idleMinutes})) as live
        from sessions`,
    api_tokens: sql`select id, user_id, name, token_hash, prefix, created_by, scope, created_at,
        expires_at, revoked_at from api_tokens`,
    login_attempts: sql`select * from login_attempts`,
    database_marks: sql`select * from database_marks`,
    runs: sql`select * from runs`,
    run_items: sql`select * from run_items`,
    rate_buckets: sql`select * from rate_buckets`,
    audit_events: sql`select position, hash from audit_events`,
  };
}

export type DbState = Record<string, string>;

/** Tables in `public` that the fingerprint does not cover: a new table must be added above. */
export async function unfingerprintedTables(): Promise<string[]> {
  const rows = await executeRows<{ name: string }>(
    await getDb(),
    sql`select table_name as name from information_schema.tables
         where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const known = Object.keys(fingerprints());
  return rows.map((row) => row.name).filter((name) => !known.includes(name));
}

/** Row count and an md5 of every row, per table (one statement), plus the published checkpoints. */
export async function dbState(): Promise<DbState> {
  const parts = Object.entries(fingerprints()).map(
    ([table, query]) =>
      sql`select ${table}::text as name, count(*)::int as n,
                 md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash
            from (${query}) t`,
  );
  const rows = await executeRows<{ name: string; n: number; hash: string }>(
    await getDb(),
    sql.join(parts, sql` union all `),
  );
  const state: DbState = {};
  for (const row of rows) state[row.name] = `${row.n} rows, md5 ${row.hash}`;
  let files: string[] = [];
  try {
    files = readdirSync(getEnv().checkpointDir).sort();
  } catch {
    // No checkpoint published yet.
  }
  state.checkpointFiles = files.join(",");
  return state;
}

/** The audit log's last position (0 when empty): cheaper than dbState() for many requests. */
export async function auditHead(): Promise<number> {
  const [row] = await executeRows<{ head: number | string | null }>(
    await getDb(),
    sql`select max(position) as head from audit_events`,
  );
  return Number(row?.head ?? 0);
}
