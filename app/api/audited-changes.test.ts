// Every change a route makes commits with its audit event or not at all (issue 11): an event
// that cannot be written undoes the change, and oversized request metadata (a 10 KB
// X-Forwarded-For, a long User-Agent) is trimmed for the record instead of failing the event
// after the change was made.
import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as cancelRun } from "@/app/api/runs/[runId]/cancel/route";
import { POST as resumeRun } from "@/app/api/runs/[runId]/resume/route";
import { POST as retryProcessing } from "@/app/api/runs/[runId]/retry-processing/route";
import { startedRunId } from "@/app/api/runs/testing";
import { PATCH as updateUser } from "@/app/api/users/[userId]/route";
import { POST as createUser } from "@/app/api/users/route";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import {
  auditEventCount,
  withAuditAppendsRefused,
} from "@/lib/testing/audit-faults";
import {
  bearerHeaders,
  makeUser,
  QUEUED_RUNS_ENV,
  request,
  routeContext,
  sessionCookie,
} from "@/lib/testing/fixtures";

let adminAuth: Record<string, string>;

beforeAll(async () => {
  Object.assign(process.env, QUEUED_RUNS_ENV);
  const admin = await makeUser("admin");
  adminAuth = await bearerHeaders(admin.id);
});

const rows = async <T = Record<string, unknown>>(
  query: ReturnType<typeof sql>,
) => executeRows<T>(await getDb(), query);

/** A queued run of one VOD video, started through the route (never called: no worker). */
const queuedRun = () =>
  startedRunId(adminAuth, {
    provider: "vod",
    ids: [randomBytes(16).toString("hex")],
    confirmation: "delete 1 video",
  });

interface Case {
  action: string;
  /** Calls the route as the admin, with `headers` added. */
  call(headers: Record<string, string>): Promise<Response>;
  /** Whatever the change touches, read straight from the database. */
  state(): Promise<unknown>;
  /** The event's target; undefined when the route creates it. */
  target?: string;
}

const cases: [string, () => Promise<Case>][] = [
  [
    "POST /api/users",
    async () => {
      const email = `created-${randomUUID()}@erasure.test`;
      return {
        action: "user.created",
        call: (headers) =>
          createUser(
            request("/api/users", {
              method: "POST",
              headers: { ...adminAuth, ...headers },
              body: { email, role: "viewer", password: "a-long-password-1" },
            }),
            routeContext(),
          ),
        state: () => rows(sql`select id from users where email = ${email}`),
      };
    },
  ],
  [
    "PATCH /api/users/{userId}",
    async () => {
      const user = await makeUser("viewer");
      await sessionCookie(user.id);
      return {
        action: "user.updated",
        target: user.id,
        call: (headers) =>
          updateUser(
            request(`/api/users/${user.id}`, {
              method: "PATCH",
              headers: { ...adminAuth, ...headers },
              body: { role: "operator", disabled: true },
            }),
            routeContext({ userId: user.id }),
          ),
        // Disabling also ends the user's sessions; that belongs to the same change.
        state: () =>
          rows(
            sql`select u.role, u.disabled, count(s.id) filter (where s.revoked_at is null)::int as open_sessions
                  from users u left join sessions s on s.user_id = u.id
                 where u.id = ${user.id} group by u.id`,
          ),
      };
    },
  ],
  [
    "POST /api/runs/{runId}/cancel",
    async () => {
      const id = await queuedRun();
      return {
        action: "run.cancelled",
        target: id,
        call: (headers) =>
          cancelRun(
            request(`/api/runs/${id}/cancel`, {
              method: "POST",
              headers: { ...adminAuth, ...headers },
            }),
            routeContext({ runId: id }),
          ),
        state: () =>
          rows(
            sql`select r.status, r.cancel_requested_at, r.finished_at, i.outcome, i.code
                  from runs r join run_items i on i.run_id = r.id where r.id = ${id}`,
          ),
      };
    },
  ],
  [
    "POST /api/runs/{runId}/resume",
    async () => {
      const id = await queuedRun();
      // As the worker leaves a run whose credentials the provider rejected.
      await rows(
        sql`update runs set status = 'paused', status_reason = 'credentials rejected by VOD',
                   resume_at = now() + interval '1 hour' where id = ${id}`,
      );
      await rows(
        sql`update run_items set next_attempt_at = now() + interval '1 hour' where run_id = ${id}`,
      );
      return {
        action: "run.resumed",
        target: id,
        call: (headers) =>
          resumeRun(
            request(`/api/runs/${id}/resume`, {
              method: "POST",
              headers: { ...adminAuth, ...headers },
            }),
            routeContext({ runId: id }),
          ),
        state: () =>
          rows(
            sql`select r.status, r.status_reason, r.resume_at, i.next_attempt_at
                  from runs r join run_items i on i.run_id = r.id where r.id = ${id}`,
          ),
      };
    },
  ],
  [
    "POST /api/runs/{runId}/retry-processing",
    async () => {
      const id = await queuedRun();
      // As if the provider had refused the video while it was still being generated.
      await rows(
        sql`update run_items set outcome = 'processing', code = 'processing' where run_id = ${id}`,
      );
      return {
        action: "run.retry_scheduled",
        target: id,
        call: (headers) =>
          retryProcessing(
            request(`/api/runs/${id}/retry-processing`, {
              method: "POST",
              headers: { ...adminAuth, ...headers },
              body: { hours: 1, intervalMinutes: 5 },
            }),
            routeContext({ runId: id }),
          ),
        state: () =>
          rows(
            sql`select r.processing_retry_until, r.processing_retry_interval_seconds, i.next_attempt_at
                  from runs r join run_items i on i.run_id = r.id where r.id = ${id}`,
          ),
      };
    },
  ],
];

interface EventRow {
  action: string;
  target_id: string | null;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
}

const eventsAfter = (position: number) =>
  rows<EventRow>(
    sql`select action, target_id, request_id, ip, user_agent from audit_events
         where position > ${position} order by position`,
  );

const lastPosition = async () =>
  (
    await rows<{ last: number | null }>(
      sql`select max(position) as last from audit_events`,
    )
  )[0]!.last ?? 0;

describe.each(cases)("%s", (_, prepare) => {
  it("leaves everything as it was when its audit event cannot be written", async () => {
    const route = await prepare();
    const before = await route.state();
    const events = await auditEventCount();
    const response = await withAuditAppendsRefused(() => route.call({}));
    expect(response.status).toBe(500);
    expect(await route.state()).toEqual(before);
    expect(await auditEventCount()).toBe(events);
  });

  it("makes the change and records it, trimming a 10 KB X-Forwarded-For and User-Agent", async () => {
    const route = await prepare();
    const before = await route.state();
    const since = await lastPosition();
    const response = await route.call({
      // The client's own part of the list is junk; the proxy appended the real address.
      "x-forwarded-for": `${"x".repeat(10_240)}, 198.51.100.7`,
      "user-agent": `Mozilla/5.0 ${"y".repeat(10_240)}`,
    });
    expect(response.status).toBeLessThan(300);
    expect(await route.state()).not.toEqual(before);
    const events = await eventsAfter(since);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event!.action).toBe(route.action);
    if (route.target) expect(event!.target_id).toBe(route.target);
    expect(event!.request_id).toBe(response.headers.get("x-request-id"));
    expect(event!.ip).toBe("198.51.100.7");
    expect(event!.user_agent).toHaveLength(500);
    expect(event!.user_agent).toMatch(/^Mozilla\/5\.0 y+$/);
  });
});
