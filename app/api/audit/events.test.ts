// Each audited action writes exactly one event with the right actor, action and target.
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { GET as exportAudit } from "@/app/api/audit/export/route";
import { GET as exportVideoSearch } from "@/app/api/audit/video-search/export/route";
import { POST as cancelRun } from "@/app/api/runs/[runId]/cancel/route";
import { GET as exportRun } from "@/app/api/runs/[runId]/export/route";
import { POST as retryProcessing } from "@/app/api/runs/[runId]/retry-processing/route";
import { POST as previewRun } from "@/app/api/runs/preview/route";
import { postRun, startedRunId } from "@/app/api/runs/testing";
import { DELETE as revokeToken } from "@/app/api/tokens/[tokenId]/route";
import { POST as createToken } from "@/app/api/tokens/route";
import { PATCH as updateUser } from "@/app/api/users/[userId]/route";
import { POST as createUser } from "@/app/api/users/route";
import { getAuthOptions } from "@/lib/auth/next-auth";
import { signIn } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { getRun } from "@/lib/runs/read-runs";
import {
  bearerHeaders,
  makeUser,
  QUEUED_RUNS_ENV,
  request,
  routeContext,
  sessionCookie,
} from "@/lib/testing/fixtures";
import { GET as verify } from "./verify/route";

let admin: { id: string; email: string };
let adminAuth: Record<string, string>;

beforeAll(async () => {
  // The X-Forwarded-For entry below is the one the trusted proxy appended.
  Object.assign(process.env, QUEUED_RUNS_ENV);
  admin = await makeUser("admin");
  adminAuth = {
    ...(await bearerHeaders(admin.id)),
    "user-agent": "events-test",
    "x-forwarded-for": "198.51.100.4",
  };
});

interface EventRow {
  action: string;
  actor: string;
  actor_id: string | null;
  target_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

async function eventsDuring(
  action: () => Promise<unknown>,
): Promise<EventRow[]> {
  const db = await getDb();
  const [{ last }] = (await executeRows<{ last: number | null }>(
    db,
    sql`select max(position) as last from audit_events`,
  )) as [{ last: number | null }];
  await action();
  return executeRows<EventRow>(
    db,
    sql`select action, actor, actor_id, target_id, ip, details from audit_events where position > ${last ?? 0} order by position`,
  );
}

/** The admin's run on VOD (never called: no worker runs here). */
const postVodRun = (ids: string[], confirmation = "delete 1 video") =>
  postRun(adminAuth, { provider: "vod", ids, confirmation });

const startedRun = (id: string) =>
  startedRunId(adminAuth, {
    provider: "vod",
    ids: [id],
    confirmation: "delete 1 video",
  });

it.each([
  [
    "auth.signed_out",
    async () => {
      const user = await makeUser("viewer");
      const { sessionId } = await sessionCookie(user.id);
      return {
        run: async () =>
          getAuthOptions().events!.signOut!({
            token: { sid: sessionId },
            session: undefined as never,
          }),
        actor: user.email,
        target: user.id,
      };
    },
  ],
  [
    "run.previewed",
    async () => ({
      // The provider is unreachable: the look-up fails per ID, the preview is still recorded.
      run: () =>
        previewRun(
          request("/api/runs/preview", {
            method: "POST",
            headers: adminAuth,
            body: { provider: "vod", ids: ["f".repeat(32), "not-an-id"] },
          }),
          routeContext(),
        ),
      actor: undefined,
      target: "vod",
    }),
  ],
  [
    "run.retry_scheduled",
    async () => {
      const id = await startedRun("1".repeat(32));
      // As if the provider had refused the video while it was still being generated.
      await executeRows(
        await getDb(),
        sql`update run_items set outcome = 'processing' where run_id = ${id}`,
      );
      return {
        run: () =>
          retryProcessing(
            request(`/api/runs/${id}/retry-processing`, {
              method: "POST",
              headers: adminAuth,
              body: { hours: 1 },
            }),
            routeContext({ runId: id }),
          ),
        actor: undefined,
        target: id,
      };
    },
  ],
  [
    "export.downloaded",
    async () => ({
      run: async () =>
        (
          await exportAudit(
            request(
              "/api/audit/export?from=2000-01-01&to=2100-01-01&format=json",
              { headers: adminAuth },
            ),
            routeContext(),
          )
        ).text(),
      actor: undefined,
      target: undefined,
    }),
  ],
  [
    "export.downloaded",
    async () => ({
      run: async () =>
        (
          await exportVideoSearch(
            request(`/api/audit/video-search/export?ids=${"2".repeat(32)}`, {
              headers: adminAuth,
            }),
            routeContext(),
          )
        ).text(),
      actor: undefined,
      target: undefined,
    }),
  ],
  [
    "auth.signed_in",
    async () => {
      const user = await makeUser("viewer");
      return {
        run: () =>
          signIn(
            { email: user.email, password: "correct-horse-battery" },
            { ip: "192.0.2.1" },
          ),
        actor: user.email,
        target: user.id,
      };
    },
  ],
  [
    "auth.sign_in_failed",
    async () => {
      const user = await makeUser("viewer");
      return {
        run: () =>
          signIn({ email: user.email, password: "wrong" }, { ip: "192.0.2.1" }),
        actor: user.email,
        target: user.email,
      };
    },
  ],
  [
    "user.created",
    async () => ({
      run: () =>
        createUser(
          request("/api/users", {
            method: "POST",
            headers: adminAuth,
            body: {
              email: "new-user@erasure.test",
              role: "viewer",
              password: "a-long-password-1",
            },
          }),
          routeContext(),
        ),
      actor: undefined,
      target: undefined,
    }),
  ],
  [
    "user.updated",
    async () => {
      const user = await makeUser("viewer");
      return {
        run: () =>
          updateUser(
            request(`/api/users/${user.id}`, {
              method: "PATCH",
              headers: adminAuth,
              body: { role: "operator" },
            }),
            routeContext({ userId: user.id }),
          ),
        actor: undefined,
        target: user.id,
      };
    },
  ],
  [
    "token.created",
    async () => ({
      run: () =>
        createToken(
          request("/api/tokens", {
            method: "POST",
            headers: adminAuth,
            body: { name: "audited" },
          }),
          routeContext(),
        ),
      actor: undefined,
      target: undefined,
    }),
  ],
  [
    "token.revoked",
    async () => {
      const response = await createToken(
        request("/api/tokens", {
          method: "POST",
          headers: adminAuth,
          body: { name: "to-revoke" },
        }),
        routeContext(),
      );
      const { summary } = await response.json();
      return {
        run: () =>
          revokeToken(
            request(`/api/tokens/${summary.id}`, {
              method: "DELETE",
              headers: adminAuth,
            }),
            routeContext({ tokenId: summary.id }),
          ),
        actor: undefined,
        target: summary.id,
      };
    },
  ],
  [
    "run.started",
    async () => ({
      run: () => postVodRun(["a".repeat(32)]),
      actor: undefined,
      target: undefined,
    }),
  ],
  [
    "run.cancelled",
    async () => {
      const id = await startedRun("b".repeat(32));
      return {
        run: () =>
          cancelRun(
            request(`/api/runs/${id}/cancel`, {
              method: "POST",
              headers: adminAuth,
            }),
            routeContext({ runId: id }),
          ),
        actor: undefined,
        target: id,
      };
    },
  ],
  [
    "export.downloaded",
    async () => {
      const id = await startedRun("c".repeat(32));
      return {
        run: async () =>
          (
            await exportRun(
              request(`/api/runs/${id}/export?format=csv`, {
                headers: adminAuth,
              }),
              routeContext({ runId: id }),
            )
          ).text(),
        actor: undefined,
        target: id,
      };
    },
  ],
  [
    "audit.verified",
    async () => ({
      run: () =>
        verify(
          request("/api/audit/verify", { headers: adminAuth }),
          routeContext(),
        ),
      actor: undefined,
      target: undefined,
    }),
  ],
] as const)("%s writes exactly one event", async (action, setup) => {
  const { run, actor, target } = await setup();
  const events = await eventsDuring(run);
  expect(events.map((event) => event.action)).toEqual([action]);
  const [event] = events;
  if (actor) expect(event!.actor).toBe(actor);
  else {
    expect(event!.actor_id).toBe(admin.id);
    expect(event!.ip).toBe("198.51.100.4");
  }
  if (target) expect(event!.target_id).toBe(target);
});

it("records the typed confirmation with the run start", async () => {
  const events = await eventsDuring(() =>
    postVodRun(["d".repeat(32), "e".repeat(32)], "delete 2 videos"),
  );
  expect(events[0]!.details).toMatchObject({
    provider: "vod",
    total: 2,
    confirmation: "delete 2 videos",
  });
  // The run itself says where the confirmation came from (the run page's header shows it).
  const run = await getRun(String(events[0]!.target_id));
  expect(run).toMatchObject({
    confirmation: "delete 2 videos",
    startedFromIp: "198.51.100.4",
  });
});

it("a refused retry (nothing processing) answers 409, records nothing and changes nothing", async () => {
  const id = await startedRun("3".repeat(32));
  let status = 0;
  const events = await eventsDuring(async () => {
    status = (
      await retryProcessing(
        request(`/api/runs/${id}/retry-processing`, {
          method: "POST",
          headers: adminAuth,
          body: {},
        }),
        routeContext({ runId: id }),
      )
    ).status;
  });
  expect(status).toBe(409);
  expect(events).toEqual([]);
  const [run] = await executeRows<{ until: string | null }>(
    await getDb(),
    sql`select processing_retry_until as until from runs where id = ${id}`,
  );
  expect(run!.until).toBeNull();
});
