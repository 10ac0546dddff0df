// The deployment the README describes under "Security": the migrations run as the role that owns
// the tables (`npm run migrate`), the console as another role that owns nothing, creates nothing
// and has only the grants below (ERASURE_SKIP_MIGRATIONS=1). Such a console works normally but
// cannot change or remove audit events, nor switch off the triggers that guard them, nor put a
// table of its own in front of them: only the owner (or a superuser) can.
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
 * The README's grants, run by the owner in the console's database. The console does not migrate
 * (ERASURE_SKIP_MIGRATIONS=1): it only reads drizzle's journal to check that the owner has
 * applied every migration it needs. Without CREATE anywhere, and without TEMPORARY, it can make
 * no object at all, so it cannot create a schema named after itself (first in the default
 * search_path) holding a forged `audit_events`.
 */
function consoleGrants(role: string, database: string): string[] {
  return [
    `REVOKE ALL ON DATABASE ${database} FROM PUBLIC;`,
    `REVOKE ALL ON SCHEMA public FROM PUBLIC;`,
    `GRANT CONNECT ON DATABASE ${database} TO ${role};`,
    `GRANT USAGE ON SCHEMA public TO ${role};`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${role};`,
    `GRANT USAGE ON SCHEMA drizzle TO ${role};`,
    `GRANT SELECT ON drizzle.__drizzle_migrations TO ${role};`,
  ];
}

const ownerUrl = process.env.DATABASE_URL!;
// Roles are cluster-wide and the server is shared: a name of our own, dropped in afterAll.
const role = `erasure_app_${randomBytes(6).toString("hex")}`;
let owner: pg.Client | undefined;
let app: pg.Client | undefined;
let appUrl: string;

beforeAll(async () => {
  // The owner applies the migrations, as `npm run migrate` does.
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
  for (const statement of consoleGrants(role, database))
    await owner.query(statement);

  // From here on the console (getDb and everything built on it) connects as the role, and does
  // not migrate.
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = "";
  appUrl = url.toString();
  process.env.DATABASE_URL = appUrl;
  process.env.ERASURE_SKIP_MIGRATIONS = "1";
  app = new pg.Client({ connectionString: appUrl });
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
    const db = await getDb(); // checks, as the role, that nothing is pending
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

  it("may not create a schema, a table or a temporary table", async () => {
    const noCreate = (where: string) => ({
      code: "42501",
      message: `permission denied for ${where}`,
    });
    const database = (
      await owner!.query<{ name: string }>("select current_database() as name")
    ).rows[0]!.name;
    expect(await refusal(`create schema ${role}`)).toMatchObject(
      noCreate(`database ${database}`),
    );
    expect(await refusal("create schema erasure_shadow")).toMatchObject(
      noCreate(`database ${database}`),
    );
    expect(
      await refusal("create table public.audit_shadow (x int)"),
    ).toMatchObject(noCreate("schema public"));
    expect(
      await refusal("create table drizzle.audit_shadow (x int)"),
    ).toMatchObject(noCreate("schema drizzle"));
    expect(
      await refusal("create temporary table audit_events (x int)"),
    ).toMatchObject({
      code: "42501",
      message: `permission denied to create temporary tables in database "${database}"`,
    });
  });

  it("reads the real audit_events even when a schema named after the role holds a forged one", async () => {
    // Someone else (here the owner) creates the shadow the role itself may not: the schema
    // "$user" comes first in PostgreSQL's default search_path.
    await owner!.query(`CREATE SCHEMA ${role}`);
    try {
      await owner!.query(
        `CREATE TABLE ${role}.audit_events (LIKE public.audit_events INCLUDING ALL)`,
      );
      await owner!.query(
        `INSERT INTO ${role}.audit_events (position, at, actor, action, details, prev_hash, hash)
         VALUES (1, now(), 'forged', 'audit.verified', '{}', $1, $1)`,
        ["0".repeat(64)],
      );
      await owner!.query(`GRANT USAGE ON SCHEMA ${role} TO ${role}`);
      await owner!.query(`GRANT SELECT ON ${role}.audit_events TO ${role}`);
      // The shadow works on a connection with the default search_path…
      const plain = await app!.query<{ actor: string }>(
        "select actor from audit_events",
      );
      expect(plain.rows).toEqual([{ actor: "forged" }]);

      // …but not on the console's, whose search_path is pinned to public.
      const real = await auditEventCount();
      expect(real).toBeGreaterThan(1);
      const db = await getDb();
      expect(
        await executeRows(
          db,
          sql`select current_schemas(false)::text as path, count(*)::int as n from audit_events`,
        ),
      ).toEqual([{ path: "{public}", n: real }]);
      expect(await verifyChain()).toMatchObject({ ok: true, count: real });
    } finally {
      await owner!.query(`DROP SCHEMA ${role} CASCADE`);
    }
  });

  it("does not migrate: it refuses to start while the owner has a migration left to apply", async () => {
    // Migrating as the role fails: it may create nothing, not even drizzle's bookkeeping.
    await expect(
      openDb({ databaseUrl: appUrl, dataDir: "unused" }),
    ).rejects.toThrow(/npm run migrate.*ERASURE_SKIP_MIGRATIONS=1/s);

    const { rows } = await owner!.query<{ id: number }>(
      `select id from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    await owner!.query(
      `create table pending_backup as select * from drizzle.__drizzle_migrations where id = $1`,
      [rows[0]!.id],
    );
    await owner!.query(
      `delete from drizzle.__drizzle_migrations where id = $1`,
      [rows[0]!.id],
    );
    try {
      await expect(
        openDb({
          databaseUrl: appUrl,
          dataDir: "unused",
          skipMigrations: true,
        }),
      ).rejects.toThrow(/migration.*npm run migrate/s);
    } finally {
      await owner!.query(
        `insert into drizzle.__drizzle_migrations select * from pending_backup`,
      );
      await owner!.query(`drop table pending_backup`);
    }
    const handle = await openDb({
      databaseUrl: appUrl,
      dataDir: "unused",
      skipMigrations: true,
    });
    await handle.close();
  });

  it("uses exactly the grants the README documents", () => {
    const readme = readFileSync("README.md", "utf8");
    for (const statement of consoleGrants("erasure_app", "erasure"))
      expect(readme.includes(statement), statement).toBe(true);
  });
});
