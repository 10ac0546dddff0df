// Failing queries are logged with their error, and drizzle's error carries the query's parameters
// (token hashes, session IDs, password hashes) in its message, PostgreSQL's in its detail. None
// of that may reach the log; the SQL and the error code, which say what went wrong, do. Runs on
// PGlite and on PostgreSQL, whose errors differ.
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens";
import { hashPassword } from "@/lib/auth/passwords";
import { createSession } from "@/lib/auth/sessions";
import { createLogger } from "@/lib/log/logger";
import { makeUser } from "@/lib/testing/fixtures";
import { getDb } from "./client";
import { apiTokens, sessions, users } from "./schema";

function capturedLogger() {
  const lines: string[] = [];
  const log = createLogger(
    { level: "info" },
    { write: (line) => lines.push(line) },
  );
  return { log, output: () => lines.join("") };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("the query was expected to fail");
    },
    (error: unknown) => error,
  );

it("logs failing queries without their parameters, PostgreSQL's detail or any secret they echo", async () => {
  const { log, output } = capturedLogger();
  const db = await getDb();
  const user = await makeUser("operator");

  // A token hash twice: unique violation, the hash in the parameters and in the detail.
  const { token } = await createApiToken({ userId: user.id, name: "leak" });
  const tokenHash = createHash("sha256").update(token).digest("hex");
  const duplicate = await failure(
    db.insert(apiTokens).values({
      userId: user.id,
      name: "copy",
      tokenHash,
      prefix: "era_copy",
      scope: "read",
      expiresAt: new Date(),
    }),
  );
  log.error({ err: duplicate }, "token insert failed");
  log.error(duplicate as Error); // pino takes the message from the error itself

  // A password hash for an email that exists.
  const passwordHash = await hashPassword("another-long-password");
  const taken = await failure(
    db.insert(users).values({
      email: user.email,
      name: "twin",
      role: "viewer",
      passwordHash,
    }),
  );
  log.error(
    { err: taken, nested: { deeper: { cause: taken } } },
    "user insert failed",
  );

  // A session ID where a number is expected: PostgreSQL quotes the value in its message.
  const sessionId = await createSession(user.id, {});
  const badCast = await failure(db.execute(sql`select ${sessionId}::int`));
  log.warn(badCast as Error, "cast failed");

  // And the bearer token itself, in a query that fails for another reason.
  const wrongType = await failure(
    db
      .select()
      .from(sessions)
      .where(eq(sessions.expiresAt, sql`${token}::timestamptz`)),
  );
  log.error({ err: wrongType }, "lookup failed");

  const text = output();
  for (const secret of [tokenHash, token, passwordHash, sessionId])
    expect(text, secret).not.toContain(secret);
  // Still useful: what failed, and PostgreSQL's code.
  expect(text).toContain('insert into \\"api_tokens\\"');
  expect(text).toContain('"code":"23505"');
  expect(text).toContain('"code":"22P02"');
  expect(text.split("\n").filter(Boolean)).toHaveLength(5);
});
