import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { executeRows, type Db } from "@/lib/db/open-db";
import { getEnv } from "@/lib/env";

const BASE_DELAY_MS = 30_000;
// One address may fail this many times the per-caller allowance across all emails before it
// waits: enough for an office behind one NAT, far too few to spray a list of accounts.
const ADDRESS_FACTOR = 10;
// All addresses together may fail this many times the allowance on one account before
// addresses its owner never signed in from must wait too (many machines guessing one password).
const ACCOUNT_FACTOR = 4;
// pg_advisory_xact_lock(namespace, hashtext(key)): attempts on one email, and attempts from one
// address, are counted and recorded one at a time across every console instance.
const EMAIL_LOCK = 720_194_611;
const ADDRESS_LOCK = 720_194_612;

export type SignInAttempt =
  | { throttled: false; id: number }
  | { throttled: true; retryAfterSeconds: number };

interface Counts {
  caller_failures: number;
  caller_last: number | null;
  account_failures: number;
  account_last: number | null;
  known_address: boolean;
  address_failures: number;
  address_last: number | null;
  now: number;
}

/**
 * Once `failures` exceed `allowed`, each further one doubles the wait (30 s, 60 s, …, at most the
 * window), counted from the latest: a person who mistyped waits seconds, a guesser crawls.
 */
function waitMs(
  failures: number,
  allowed: number,
  lastAt: number | null,
  now: number,
  windowMs: number,
): number {
  const excess = failures - allowed;
  if (excess < 0 || lastAt === null) return 0;
  const delay = Math.min(BASE_DELAY_MS * 2 ** Math.min(excess, 20), windowMs);
  return Math.max(0, lastAt + delay - now);
}

async function countFailures(
  tx: Db,
  email: string,
  ip: string | null,
  windowMs: number,
): Promise<Counts> {
  const since = sql`now() - make_interval(secs => ${windowMs / 1000})`;
  const epochMs = (value: ReturnType<typeof sql>) =>
    sql`(extract(epoch from ${value}) * 1000)::float8`;
  // Failures on this account since its owner last got in (a success ends a guessing streak).
  const [counts] = await executeRows<Counts>(
    tx,
    sql`with reset as (
          select coalesce(max(at), '-infinity'::timestamptz) as at
            from login_attempts where email = ${email} and succeeded
        ), account as (
          select attempt.ip, attempt.at from login_attempts attempt, reset
           where attempt.email = ${email} and not attempt.succeeded
             and attempt.at > greatest(reset.at, ${since})
        ), address as (
          select at from login_attempts
           where ip = ${ip} and not succeeded and at > ${since}
        )
        select
          (select count(*) from account where ip is not distinct from ${ip})::int as caller_failures,
          ${epochMs(sql`(select max(at) from account where ip is not distinct from ${ip})`)} as caller_last,
          (select count(*) from account)::int as account_failures,
          ${epochMs(sql`(select max(at) from account)`)} as account_last,
          exists (select 1 from login_attempts
                   where email = ${email} and ip = ${ip} and succeeded) as known_address,
          (select count(*) from address)::int as address_failures,
          ${epochMs(sql`(select max(at) from address)`)} as address_last,
          ${epochMs(sql`now()`)} as now`,
  );
  return counts!;
}

/**
 * Counts the failures that concern this attempt and, unless it must wait, records it as failed
 * before any password is checked, all under per-email and per-address locks: simultaneous
 * guesses each see the ones before them. Three allowances, each with the same doubling wait:
 * - the caller (this email from this address): ERASURE_LOGIN_MAX_FAILURES, since the last
 *   success; it slows the guesser without locking the owner out from elsewhere;
 * - the address, across every email: ten times that (one machine spraying accounts);
 * - the account, across every address: four times that, except from an address the account
 *   has signed in from before (many machines guessing one password).
 * A known address requires the console to see real addresses (ERASURE_TRUSTED_PROXIES); without
 * them every caller shares one and the caller's allowance is the account's.
 * A throttled attempt is not recorded: hammering does not extend the wait.
 */
export async function beginSignInAttempt(
  email: string,
  ip: string | undefined,
): Promise<SignInAttempt> {
  const env = getEnv();
  const allowed = env.ERASURE_LOGIN_MAX_FAILURES;
  const windowMs = env.ERASURE_LOGIN_WINDOW_MINUTES * 60_000;
  const address = ip ?? null;
  const db = await getDb();
  return db.transaction(async (inner) => {
    const tx = inner as unknown as Db;
    // Always email first, then address: no two attempts wait on each other in a circle.
    await tx.execute(
      sql`select pg_advisory_xact_lock(${EMAIL_LOCK}, hashtext(${email}))`,
    );
    if (address !== null)
      await tx.execute(
        sql`select pg_advisory_xact_lock(${ADDRESS_LOCK}, hashtext(${address}))`,
      );
    const counts = await countFailures(tx, email, address, windowMs);
    const wait = Math.max(
      waitMs(
        counts.caller_failures,
        allowed,
        counts.caller_last,
        counts.now,
        windowMs,
      ),
      address === null
        ? 0
        : waitMs(
            counts.address_failures,
            allowed * ADDRESS_FACTOR,
            counts.address_last,
            counts.now,
            windowMs,
          ),
      counts.known_address
        ? 0
        : waitMs(
            counts.account_failures,
            allowed * ACCOUNT_FACTOR,
            counts.account_last,
            counts.now,
            windowMs,
          ),
    );
    if (wait > 0)
      return { throttled: true, retryAfterSeconds: Math.ceil(wait / 1000) };
    const [row] = await executeRows<{ id: number }>(
      tx,
      sql`insert into login_attempts (email, ip, succeeded)
          values (${email}, ${address}, false) returning id`,
    );
    return { throttled: false, id: row!.id };
  });
}

/** Marks a recorded attempt as successful: the account's failure streak ends here. */
export async function markSignInSucceeded(attemptId: number): Promise<void> {
  const db = await getDb();
  await db.execute(
    sql`update login_attempts set succeeded = true where id = ${attemptId}`,
  );
}

/**
 * Forgets an account's failed attempts (an admin reset its password), so its owner is not kept
 * waiting by someone else's guesses. Pass `db` to join a transaction.
 */
export async function clearSignInFailures(
  email: string,
  db?: Db,
): Promise<void> {
  await (db ?? (await getDb())).execute(
    sql`delete from login_attempts where email = ${email} and not succeeded`,
  );
}
