// The deployment the README describes under "Audit": the migrations run as the role that owns
// the tables, the console as another role that owns nothing and has only the grants below.
// Such a console works normally but cannot change or remove audit events, nor switch off the
// triggers that guard them: only the owner (or a superuser) can.
//
// Owner: the superuser connection the setup gives this file (a fresh database per file). What
// is exercised is that the console role is not the owner (and not a superuser), which does not
// depend on who the owner is; a dedicated owner role would add a second cluster-wide role to
// clean up without changing any assertion.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyChain } from "@/lib/audit/verify-chain";
import { resolveApiToken } from "@/lib/auth/api-tokens";
import { signIn } from "@/lib/auth/sign-in";
import { bearer, makeUser } from "@/lib/testing/fixtures";
import { closeDb, getDb } from "./client";
import { executeRows, openDb } from "./open-db";

/**
 * The README's grants, run by the owner in the console's database. The console applies
 * pending migrations at every start (lib/db/client.ts): drizzle's `CREATE SCHEMA IF NOT EXISTS` and
 * `CREATE TABLE IF NOT EXISTS` check CREATE on the database and on schema drizzle before they
 * see that both exist, so the console role needs those even though it creates nothing.
 */
function consoleGrants(role: string, database: string): string[] {
  return [
    `GRANT CONNECT, CREATE ON DATABASE ${database} TO ${role};`,
    `GRANT USAGE ON SCHEMA public TO ${role};`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${role};`,
    `GRANT USAGE, CREATE ON SCHEMA drizzle TO ${role};`,
    `GRANT SELECT ON drizzle.__drizzle_migrations TO ${role};`,
  ];
}

const ownerUrl = process.env.DATABASE_URL!;
// Roles are cluster-wide and the server is shared: a name of our own, dropped in afterAll.
const role = `erasure_app_${randomBytes(6).toString("hex")}`;
let owner: pg.Client | undefined;
let app: pg.Client | undefined;

beforeAll(async () => {
  // The owner applies the migrations, through the console's own start-up path.
  const handle = await openDb({ databaseUrl: ownerUrl, dataDir: "unused" });
  await handle.close();

  owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const { rows } = await owner.query<{ name: string }>(
    "select current_database() as name",
  );
  const database = rows[0]!.name;
  expect(database).toMatch(/^[a-z_][a-z0-9_]*$/); // safe to splice unquoted, as in the README
  await owner.query(`CREATE ROLE ${role} LOGIN`);
  // A hardened server may not grant these to PUBLIC; take them away so the grants alone suffice.
  await owner.query(`REVOKE ALL ON DATABASE ${database} FROM PUBLIC`);
  await owner.query("REVOKE ALL ON SCHEMA public FROM PUBLIC");
  for (const statement of consoleGrants(role, database))
    await owner.query(statement);

  // From here on the console (getDb and everything built on it) connects as the role.
  const appUrl = new URL(ownerUrl);
  appUrl.username = role;
  appUrl.password = "";
  process.env.DATABASE_URL = appUrl.toString();
  app = new pg.Client({ connectionString: appUrl.toString() });
  await app.connect();
});

afterAll(async () => {
  await app?.end().catch(() => undefined);
  await closeDb(); // the console's pool connects as the role
  if (!owner) return;
  try {
    const found = await owner.query(
      "select 1 from pg_roles where rolname = $1",
      [role],
    );
    if (found.rowCount) {
      // Revokes its privileges here and on this database; it owns nothing anywhere else.
      await owner.query(`DROP OWNED BY ${role}`);
      await owner.query(`DROP ROLE ${role}`);
    }
  } finally {
    await owner.end();
  }
});

/** Runs `statement` as the console role and returns PostgreSQL's refusal. */
async function refusal(statement: string): Promise<pg.DatabaseError> {
  const error: unknown = await app!.query(statement).then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error, `${statement} was accepted`).toBeInstanceOf(pg.DatabaseError);
  return error as pg.DatabaseError;
}

// PostgreSQL's privilege and ownership checks raise SQLSTATE 42501 from aclcheck_error. The
// triggers raise the same code from PL/pgSQL (routine exec_stmt_raise): the routine shows that
// the grants refused, not the triggers behind them.
const noPrivilege = {
  code: "42501",
  routine: "aclcheck_error",
  message: "permission denied for table audit_events",
};
// "must be owner of table …", or "of relation …" (DROP TRIGGER), or "of function …".
const notOwner = (name: string) => ({
  code: "42501",
  routine: "aclcheck_error",
  message: expect.stringMatching(new RegExp(`^must be owner of \\w+ ${name}$`)),
});

async function auditEventCount(): Promise<number> {
  const { rows } = await owner!.query<{ n: number }>(
    "select count(*)::int as n from audit_events",
  );
  return rows[0]!.n;
}

describe("console running as a role that owns nothing", () => {
  it("starts, signs in, records and verifies audit events", async () => {
    const db = await getDb(); // runs the migrator as the role: nothing pending
    expect(
      await executeRows(
        db,
        sql`select current_user as name, rolsuper as superuser from pg_roles where rolname = current_user`,
      ),
    ).toEqual([{ name: role, superuser: false }]);

    const user = await makeUser("operator", "correct-horse-battery");
    const accepted = await signIn(
      { email: user.email, password: "correct-horse-battery" },
      { ip: "192.0.2.1" },
    );
    expect(accepted.ok).toBe(true);
    expect(await signIn({ email: user.email, password: "wrong" }, {})).toEqual({
      ok: false,
      reason: "invalid",
    });
    const operator = await resolveApiToken(await bearer(user.id));
    expect(operator?.id).toBe(user.id);
    await recordAuditEvent({
      action: "audit.verified",
      actorId: user.id,
      actor: user.email,
      requestId: null,
      ip: null,
      userAgent: null,
    });
    expect(await verifyChain()).toMatchObject({ ok: true, count: 3 });

    // Plain DML on an ordinary table, and reading the log, with node-postgres.
    await app!.query(
      "insert into rate_buckets (key, tokens) values ('owner-role-test', 1)",
    );
    await app!.query(
      "update rate_buckets set tokens = 2 where key = 'owner-role-test'",
    );
    await app!.query("delete from rate_buckets where key = 'owner-role-test'");
    const { rows } = await app!.query<{ n: number }>(
      "select count(*)::int as n from audit_events",
    );
    expect(rows[0]!.n).toBe(3);

    // Starting and working created nothing the role would own.
    const owned = await owner!.query<{ n: number }>(
      `select count(*)::int as n from pg_shdepend
        where refclassid = 'pg_authid'::regclass and deptype = 'o'
          and refobjid = (select oid from pg_roles where rolname = $1)`,
      [role],
    );
    expect(owned.rows[0]!.n).toBe(0);
  });

  it("may not update, delete or truncate audit events", async () => {
    const before = await auditEventCount();
    expect(before).toBeGreaterThan(0); // a row trigger would not fire on an empty table
    expect(
      await refusal("update audit_events set actor = 'forged'"),
    ).toMatchObject(noPrivilege);
    expect(await refusal("delete from audit_events")).toMatchObject(
      noPrivilege,
    );
    expect(await refusal("truncate audit_events")).toMatchObject(noPrivilege);
    expect(await auditEventCount()).toBe(before);
    expect((await verifyChain()).ok).toBe(true);
  });

  it("may not disable, drop or replace the triggers, nor drop the table", async () => {
    for (const statement of [
      "alter table audit_events disable trigger all",
      "alter table audit_events disable trigger user",
      "alter table audit_events disable trigger audit_events_no_update_delete",
      "alter table audit_events enable replica trigger audit_events_no_truncate",
      "drop trigger audit_events_no_update_delete on audit_events",
      "drop trigger audit_events_no_truncate on audit_events",
      `alter table audit_events owner to ${role}`,
      "drop table audit_events",
    ])
      expect(await refusal(statement), statement).toMatchObject(
        notOwner("audit_events"),
      );
    expect(
      await refusal("drop function audit_events_refuse_change() cascade"),
    ).toMatchObject(notOwner("audit_events_refuse_change"));
    // Replacing the function needs CREATE on its schema before ownership is even checked.
    expect(
      await refusal(
        "create or replace function audit_events_refuse_change() returns trigger language plpgsql as $$ begin return null; end $$",
      ),
    ).toMatchObject({
      code: "42501",
      routine: "aclcheck_error",
      message: "permission denied for schema public",
    });
    // Replica mode would skip ordinary triggers; only superusers may switch to it.
    expect(
      await refusal("set session_replication_role = replica"),
    ).toMatchObject({ code: "42501" });

    const triggers = await owner!.query<{ name: string; enabled: string }>(
      `select tgname as name, tgenabled as enabled from pg_trigger
        where tgrelid = 'audit_events'::regclass and not tgisinternal order by tgname`,
    );
    expect(triggers.rows).toEqual([
      { name: "audit_events_no_truncate", enabled: "O" },
      { name: "audit_events_no_update_delete", enabled: "O" },
    ]);
  });

  it("uses exactly the grants the README documents", () => {
    const readme = readFileSync("README.md", "utf8");
    for (const statement of consoleGrants("erasure_app", "erasure"))
      expect(readme.includes(statement), statement).toBe(true);
  });
});
