import "server-only";
import { and, desc, eq, gt } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { loginAttempts } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";

const BASE_DELAY_MS = 30_000;

/**
 * How long this email must wait before the next attempt. After the allowed number of failures
 * in the window (counted since the last success), each further failure doubles the wait,
 * capped at the window itself: a person who mistyped waits seconds, a guesser is slowed to a crawl.
 */
export async function signInDelayMs(
  email: string,
  now = Date.now(),
): Promise<number> {
  const env = getEnv();
  const windowMs = env.ERASURE_LOGIN_WINDOW_MINUTES * 60_000;
  const db = await getDb();
  const recent = await db
    .select({ succeeded: loginAttempts.succeeded, at: loginAttempts.at })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        gt(loginAttempts.at, new Date(now - windowMs)),
      ),
    )
    .orderBy(desc(loginAttempts.at))
    .limit(64);
  const lastSuccess = recent.findIndex((attempt) => attempt.succeeded);
  const failures = lastSuccess === -1 ? recent : recent.slice(0, lastSuccess);
  const excess = failures.length - env.ERASURE_LOGIN_MAX_FAILURES;
  if (excess < 0 || failures.length === 0) return 0;
  const delay = Math.min(BASE_DELAY_MS * 2 ** Math.min(excess, 20), windowMs);
  return Math.max(0, failures[0]!.at.getTime() + delay - now);
}

export async function recordSignInAttempt(
  email: string,
  ip: string | undefined,
  succeeded: boolean,
): Promise<void> {
  const db = await getDb();
  await db.insert(loginAttempts).values({ email, ip, succeeded });
}
