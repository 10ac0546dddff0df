// GET /api/runs/{runId}/events: the run page's timeline, newest first, paged by chain position,
// and a live run's poll that fetches only what is new. Real events appended to the real chain.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { runEventsResponseSchema } from "@/lib/audit/schemas";
import { operatorOf } from "@/lib/auth/operator";
import { createRun } from "@/lib/runs/create-run";
import {
  makeUser,
  request,
  routeContext,
  sessionCookie,
} from "@/lib/testing/fixtures";
import { setupSandboxEnv } from "@/lib/testing/provider-sandbox";
import { GET } from "./route";

setupSandboxEnv(["vod"]);

const hex32 = () => randomBytes(16).toString("hex");

describe("GET /api/runs/{runId}/events", () => {
  it("pages a run's events newest first and, after a cursor, answers only newer ones", async () => {
    const owner = await makeUser("operator");
    const { id: runId } = await createRun(
      operatorOf(owner, { kind: "session", sessionId: "test" }),
      { provider: "vod", ids: [hex32()], confirmation: "delete 1 video" },
      {},
    );
    // Another run's events in between must never show up in this run's pages.
    const { id: otherRun } = await createRun(
      operatorOf(owner, { kind: "session", sessionId: "test" }),
      { provider: "vod", ids: [hex32()], confirmation: "delete 1 video" },
      {},
    );
    const exportEvent = (target: string, n: number) =>
      recordAuditEvent({
        action: "export.downloaded",
        actorId: owner.id,
        actor: owner.email,
        targetType: "run",
        targetId: target,
        details: { format: "csv", n },
        requestId: null,
        ip: null,
        userAgent: null,
      });
    for (let n = 1; n <= 12; n++) {
      await exportEvent(runId, n);
      if (n % 4 === 0) await exportEvent(otherRun, n);
    }

    const viewer = await makeUser("viewer");
    const { cookie } = await sessionCookie(viewer.id);
    const get = async (search: string) => {
      const response = await GET(
        request(`/api/runs/${runId}/events${search}`, { headers: { cookie } }),
        routeContext({ runId }),
      );
      return { status: response.status, body: await response.json() };
    };
    const page = async (search: string) => {
      const { status, body } = await get(search);
      expect(status, search).toBe(200);
      return runEventsResponseSchema.parse(body);
    };
    const numbers = (events: { details: Record<string, unknown> }[]) =>
      events.map((event) => event.details.n ?? "started");

    // First page: the newest five, and the confirmation although it is not among them.
    const first = await page("?limit=5");
    expect(numbers(first.events)).toEqual([12, 11, 10, 9, 8]);
    expect(first.hasOlder).toBe(true);
    expect(first.started).toMatchObject({
      action: "run.started",
      details: { confirmation: "delete 1 video" },
    });
    const positions = first.events.map((event) => event.position);
    expect(positions).toEqual([...positions].sort((a, b) => b - a));

    // "Show older" from the oldest held, until there is nothing older.
    const second = await page(`?limit=5&before=${positions.at(-1)}`);
    expect(numbers(second.events)).toEqual([7, 6, 5, 4, 3]);
    expect(second.started).toBeNull();
    const third = await page(
      `?limit=5&before=${second.events.at(-1)!.position}`,
    );
    expect(numbers(third.events)).toEqual([2, 1, "started"]);
    expect(third.hasOlder).toBe(false);

    // A live poll from the newest held: nothing yet, then only what was added, oldest page first.
    const newest = positions[0]!;
    const none = await page(`?after=${newest}`);
    expect(none.events).toEqual([]);
    expect(none.hasNewer).toBe(false);
    for (let n = 13; n <= 15; n++) await exportEvent(runId, n);
    const partial = await page(`?after=${newest}&limit=2`);
    expect(numbers(partial.events)).toEqual([14, 13]);
    expect(partial.hasNewer).toBe(true);
    const rest = await page(`?after=${partial.events[0]!.position}&limit=2`);
    expect(numbers(rest.events)).toEqual([15]);
    expect(rest.hasNewer).toBe(false);

    // Both cursors at once, or cursors that are not positions, are refused.
    expect((await get(`?after=1&before=5`)).status).toBe(422);
    expect((await get(`?before=0`)).status).toBe(422);
    expect((await get(`?limit=501`)).status).toBe(422);
    expect((await get(`?after=abc`)).status).toBe(422);
  });
});
