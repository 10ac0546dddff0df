// The operations CLI changes users and tokens; each change commits with its audit event, which
// names the operating-system account and host it was made from (issue 11).
import { randomUUID } from "node:crypto";
import { hostname, userInfo } from "node:os";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens";
import { updateUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import {
  auditEventCount,
  withAuditAppendsRefused,
} from "@/lib/testing/audit-faults";
import { makeUser, sessionCookie } from "@/lib/testing/fixtures";
import { run } from "./cli";

const expectedActor = `cli:${userInfo().username}@${hostname()}`;

beforeAll(() => {
  // The CLI prints passwords and token secrets; the test has no use for them.
  vi.spyOn(console, "log").mockImplementation(() => undefined);
});

const rows = async <T = Record<string, unknown>>(
  query: ReturnType<typeof sql>,
) => executeRows<T>(await getDb(), query);

interface Case {
  argv: string[];
  action: string;
  /** The event's target; undefined when the command creates it. */
  target?: string;
  /** Whatever the command changes, read straight from the database. */
  state(): Promise<unknown>;
}

const userState = (id: string) =>
  rows(
    sql`select u.role, u.disabled, count(s.id) filter (where s.revoked_at is null)::int as open_sessions
          from users u left join sessions s on s.user_id = u.id where u.id = ${id} group by u.id`,
  );

const cases: [string, () => Promise<Case>][] = [
  [
    "user add",
    async () => {
      const email = `cli-${randomUUID()}@erasure.test`;
      return {
        argv: ["user", "add", email, "--role", "operator"],
        action: "user.created",
        state: () => rows(sql`select role from users where email = ${email}`),
      };
    },
  ],
  [
    "user set-role",
    async () => {
      const user = await makeUser("viewer");
      return {
        argv: ["user", "set-role", user.email, "admin"],
        action: "user.updated",
        target: user.id,
        state: () => userState(user.id),
      };
    },
  ],
  [
    "user disable",
    async () => {
      const user = await makeUser("operator");
      await sessionCookie(user.id);
      return {
        argv: ["user", "disable", user.email],
        action: "user.updated",
        target: user.id,
        state: () => userState(user.id),
      };
    },
  ],
  [
    "user enable",
    async () => {
      const user = await makeUser("operator");
      await updateUser(user.id, { disabled: true });
      return {
        argv: ["user", "enable", user.email],
        action: "user.updated",
        target: user.id,
        state: () => userState(user.id),
      };
    },
  ],
  [
    "token create",
    async () => {
      const user = await makeUser("operator");
      return {
        argv: ["token", "create", user.email, "--name", "nightly"],
        action: "token.created",
        state: () =>
          rows(sql`select id from api_tokens where user_id = ${user.id}`),
      };
    },
  ],
  [
    "token revoke",
    async () => {
      const user = await makeUser("operator");
      const { summary } = await createApiToken({
        userId: user.id,
        name: "to-revoke",
      });
      return {
        argv: ["token", "revoke", summary.id],
        action: "token.revoked",
        target: summary.id,
        state: () =>
          rows(sql`select revoked_at from api_tokens where id = ${summary.id}`),
      };
    },
  ],
];

describe.each(cases)("cli %s", (_, prepare) => {
  it("changes nothing when its audit event cannot be written", async () => {
    const command = await prepare();
    const before = await command.state();
    const events = await auditEventCount();
    const failure = await withAuditAppendsRefused(() => run(command.argv)).then(
      () => null,
      (error: Error & { cause?: Error }) => error,
    );
    // drizzle wraps the database error; the trigger's message is on the cause.
    expect(failure?.cause?.message ?? failure?.message).toMatch(
      /audit append refused/,
    );
    expect(await command.state()).toEqual(before);
    expect(await auditEventCount()).toBe(events);
  });

  it("records the change as the operating-system user on this host", async () => {
    const command = await prepare();
    const before = await command.state();
    const [{ last }] = (await rows<{ last: number | null }>(
      sql`select max(position) as last from audit_events`,
    )) as [{ last: number | null }];
    await run(command.argv);
    expect(await command.state()).not.toEqual(before);
    const events = await rows<Record<string, unknown>>(
      sql`select action, actor, actor_id, target_id, request_id, ip, user_agent
            from audit_events where position > ${last ?? 0} order by position`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: command.action,
      actor: expectedActor,
      actor_id: null,
      request_id: null,
      ip: null,
      user_agent: null,
    });
    if (command.target) expect(events[0]!.target_id).toBe(command.target);
  });
});
