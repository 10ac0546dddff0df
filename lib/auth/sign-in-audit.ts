import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { executeRows, type Db } from "@/lib/db/open-db";
import { getEnv } from "@/lib/env";

// Anyone can fail a sign-in, and every audit append takes the lock the worker needs to record
// deletions. So failures are folded: one event per email and address per window, carrying how
// many failures it stands for, and all callers together share a small budget of such events.
// The state lives in `rate_buckets`: per email and address, `tokens` counts failures not yet in
// an event and `updated_at` is when the last event was written; one bucket holds the budget.

/** The token bucket every failed-sign-in event draws from. */
export const SIGN_IN_AUDIT_BUDGET_KEY = "sign-in-failed:all";
const BUDGET_CAPACITY = 30;
const BUDGET_REFILL_PER_MS = 1 / 2_000;

/** Names the email and address by a hash, so the table shows no one's email. */
function foldKey(email: string, ip: string | null): string {
  const digest = createHash("sha256")
    .update(`${email}\n${ip ?? ""}`)
    .digest("hex");
  return `sign-in-failed:${digest.slice(0, 32)}`;
}

/** Counts one more failure; says how many are unreported and whether the window has ended. */
async function foldFailure(tx: Db, key: string, windowMs: number) {
  const [row] = await executeRows<{ pending: number; due: boolean }>(
    tx,
    sql`insert into rate_buckets (key, tokens, updated_at)
        values (${key}, 1, to_timestamp(0))
        on conflict (key) do update set tokens = rate_buckets.tokens + 1
        returning tokens::int as pending,
                  updated_at <= clock_timestamp() - make_interval(secs => ${windowMs / 1000}) as due`,
  );
  return row!;
}

/** Takes one event from the shared budget, or says it is spent. */
async function takeBudget(tx: Db): Promise<boolean> {
  await tx.execute(
    sql`insert into rate_buckets (key, tokens, updated_at)
        values (${SIGN_IN_AUDIT_BUDGET_KEY}, ${BUDGET_CAPACITY}, clock_timestamp())
        on conflict (key) do nothing`,
  );
  const [row] = await executeRows<{ granted: boolean }>(
    tx,
    sql`with current as (
          select least(${BUDGET_CAPACITY}::float8,
                       tokens + extract(epoch from (clock_timestamp() - updated_at)) * 1000
                                * ${BUDGET_REFILL_PER_MS}::float8) as available
            from rate_buckets where key = ${SIGN_IN_AUDIT_BUDGET_KEY} for update
        )
        update rate_buckets
           set tokens = case when current.available >= 1 then current.available - 1
                             else current.available end,
               updated_at = clock_timestamp()
          from current
         where rate_buckets.key = ${SIGN_IN_AUDIT_BUDGET_KEY}
     returning current.available >= 1 as granted`,
  );
  return row?.granted ?? false;
}

/**
 * Accounts for one failed sign-in (or one refused for waiting). The first failure of an email
 * and address in a window (ERASURE_LOGIN_WINDOW_MINUTES) appends an `auth.sign_in_failed`
 * event whose `failures` counts it and every failure of that pair since the previous event; the
 * others only add to that count. When the shared budget is spent nothing is appended and the
 * failure waits, counted, for the pair's next event. Only an event takes the audit lock.
 */
export async function recordSignInFailure(input: {
  email: string;
  ip: string | undefined;
  userAgent: string | undefined;
  reason: string;
}): Promise<void> {
  const windowMs = getEnv().ERASURE_LOGIN_WINDOW_MINUTES * 60_000;
  const ip = input.ip ?? null;
  const key = foldKey(input.email, ip);
  const db = await getDb();
  await db.transaction(async (inner) => {
    const tx = inner as unknown as Db;
    const { pending, due } = await foldFailure(tx, key, windowMs);
    if (!due || !(await takeBudget(tx))) return;
    await tx.execute(
      sql`update rate_buckets set tokens = 0, updated_at = clock_timestamp() where key = ${key}`,
    );
    await recordAuditEvent(
      {
        action: "auth.sign_in_failed",
        actorId: null,
        actor: input.email,
        targetType: "user",
        targetId: input.email,
        details: { reason: input.reason, failures: pending },
        requestId: null,
        ip,
        userAgent: input.userAgent ?? null,
      },
      tx,
    );
  });
}
