// GET /api/home through its handler: real sessions, runs started by createRun, rows of the runs
// table for states a test cannot wait for (paused, aborted, 40 days old), rate slots reserved by
// the worker's own function, and the database (PGlite or PostgreSQL).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { operatorOf } from "@/lib/auth/operator";
import type { PublicUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { runs } from "@/lib/db/schema";
import { homeOverviewSchema } from "@/lib/home/schemas";
import { slotSpacingMs } from "@/lib/providers/rate-budget";
import { getProvider } from "@/lib/providers/registry";
import { createRun } from "@/lib/runs/create-run";
import { reserveRateSlot } from "@/lib/runs/worker/rate-limit";
import {
  makeUser,
  request,
  routeContext,
  sessionCookie,
} from "@/lib/testing/fixtures";
import { setupSandboxEnv } from "@/lib/testing/provider-sandbox";
import { GET } from "./route";

// Akool is left unconfigured: listed without budgets.
setupSandboxEnv(["vod", "imagine"], { AKOOL_API_KEY: "" });

const DAY_MS = 86_400_000;
const hex32 = () => randomBytes(16).toString("hex");

async function home(userId?: string) {
  const headers: Record<string, string> = userId
    ? { cookie: (await sessionCookie(userId)).cookie }
    : {};
  return GET(request("/api/home", { headers }), routeContext());
}

/** A runs row in a state no test can wait for; its counters as the trigger would have kept them. */
async function insertRun(
  owner: PublicUser,
  fields: Partial<typeof runs.$inferInsert>,
): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(runs)
    .values({
      provider: "vod",
      total: 10,
      status: "completed",
      confirmation: "delete 10 videos",
      createdBy: owner.id,
      startedVia: "browser",
      requestHash: hex32(),
      ...fields,
    })
    .returning({ id: runs.id });
  return row!.id;
}

describe("GET /api/home", () => {
  it("shows every role runs in progress, awaiting, with problems, rate budgets and 30 days of outcomes", async () => {
    const owner = await makeUser("operator");
    const now = Date.now();
    const ago = (days: number, ms = 0) => new Date(now - days * DAY_MS - ms);

    // Queued: created through the real path; nothing works on it in this file.
    const { id: queued } = await createRun(
      operatorOf(owner, { kind: "session", sessionId: "test" }),
      {
        provider: "vod",
        ids: [hex32(), hex32(), hex32()],
        confirmation: "delete 3 videos",
      },
      {},
    );
    const paused = await insertRun(owner, {
      status: "paused",
      statusReason: "credentials rejected by ApsaraVideo VOD",
      resumeAt: new Date(now + 10 * 60_000),
      itemsPending: 6,
      itemsDeleted: 4,
    });
    const retrying = await insertRun(owner, {
      finishedAt: ago(0, 60_000),
      processingRetryUntil: new Date(now + DAY_MS),
      processingRetryIntervalSeconds: 600,
      itemsDeleted: 8,
      itemsProcessing: 2,
    });
    const forbidden = await insertRun(owner, {
      createdAt: ago(1, 60_000),
      finishedAt: ago(1),
      itemsDeleted: 7,
      itemsForbidden: 3,
    });
    const aborted = await insertRun(owner, {
      status: "aborted",
      statusReason: "unrecoverable",
      createdAt: ago(3, 60_000),
      finishedAt: ago(3),
      itemsPending: 0,
      itemsFailed: 10,
    });
    const clean = await insertRun(owner, {
      createdAt: ago(2, 60_000),
      finishedAt: ago(2),
      itemsDeleted: 9,
      itemsNotFound: 1,
    });
    // Too old for the chart and for the problems card.
    const old = await insertRun(owner, {
      createdAt: ago(40, 60_000),
      finishedAt: ago(40),
      itemsForbidden: 10,
    });

    // Ten send slots of the Imagine.art key handed out, as ten worker sends would: at 50 a
    // minute they reach 12 s ahead, far beyond the time the requests below take.
    const budget = getProvider("imagine").adapter!.rateBudgets.delete;
    const db = await getDb();
    for (let i = 0; i < 10; i++) await reserveRateSlot(db, budget);

    expect((await home()).status).toBe(401);
    const answers = [];
    for (const role of ["viewer", "operator", "admin"] as const) {
      const user = await makeUser(role);
      const response = await home(user.id);
      expect(response.status, role).toBe(200);
      answers.push(homeOverviewSchema.parse(await response.json()));
    }
    const [overview] = answers;
    const ids = (list: { id: string }[]) => list.map((run) => run.id);

    expect(ids(overview!.inProgress.runs)).toEqual([queued]);
    expect(overview!.inProgress.runs[0]!.counts.pending).toBe(3);
    expect(overview!.inProgress.total).toBe(1);

    expect(
      overview!.awaiting.runs.map(({ run, reason, until, everySeconds }) => ({
        id: run.id,
        reason,
        until: until?.getTime(),
        everySeconds,
      })),
    ).toEqual(
      expect.arrayContaining([
        {
          id: paused,
          reason: "paused",
          until: now + 10 * 60_000,
          everySeconds: null,
        },
        {
          id: retrying,
          reason: "retrying",
          until: now + DAY_MS,
          everySeconds: 600,
        },
      ]),
    );
    expect(overview!.awaiting.total).toBe(2);

    // Newest first; the run still being retried waits, it is not a problem yet.
    expect(ids(overview!.problems.runs)).toEqual([forbidden, aborted]);
    expect(overview!.problems.total).toBe(2);
    expect(ids(overview!.problems.runs)).not.toContain(clean);
    expect(ids(overview!.problems.runs)).not.toContain(old);

    const days = overview!.days;
    expect(days).toHaveLength(30);
    expect(days.at(-1)!.day).toBe(new Date(now).toISOString().slice(0, 10));
    const on = (date: Date) =>
      days.find((day) => day.day === date.toISOString().slice(0, 10))!;
    expect(on(ago(1))).toMatchObject({ runs: 1, deleted: 7, forbidden: 3 });
    expect(on(ago(2))).toMatchObject({ runs: 1, deleted: 9, notFound: 1 });
    expect(on(ago(3))).toMatchObject({ runs: 1, failed: 10 });
    const sum = (key: "runs" | "forbidden") =>
      days.reduce((total, day) => total + day[key], 0);
    // Today: the queued run (by its start), the paused and the retrying one; the 40-day-old
    // run's forbidden rows are nowhere.
    expect(sum("runs")).toBe(6);
    expect(sum("forbidden")).toBe(3);

    const byId = (id: string) =>
      overview!.providers.find((provider) => provider.id === id)!;
    // One budget per key, whatever the request: Imagine.art limits every call together.
    expect(byId("imagine").budgets).toHaveLength(1);
    const deletes = byId("imagine").budgets[0]!;
    expect(deletes.families).toEqual(["delete", "lookup", "list"]);
    expect(deletes.requests).toBe(budget.requests);
    // Ten slots handed out beyond now (less whatever time the requests above took).
    expect(deletes.bookedMs).toBeGreaterThan(0);
    expect(deletes.bookedMs).toBeLessThanOrEqual(10 * slotSpacingMs(budget));
    expect(deletes.free).toBeLessThan(budget.requests);
    expect(deletes.free).toBeGreaterThanOrEqual(budget.requests - 10);
    expect(deletes.lastUsedAt).not.toBeNull();
    // VOD's endpoints have budgets of their own, none of them used.
    expect(byId("vod").configured).toBe(true);
    expect(byId("vod").budgets.length).toBeGreaterThan(1);
    for (const other of byId("vod").budgets) {
      expect(other.free).toBe(other.requests);
      expect(other.lastUsedAt).toBeNull();
    }
    expect(byId("akool")).toMatchObject({ configured: false, budgets: [] });

    // Every role reads the same figures.
    for (const other of answers.slice(1)) {
      expect(ids(other.inProgress.runs)).toEqual(
        ids(overview!.inProgress.runs),
      );
      expect(ids(other.problems.runs)).toEqual(ids(overview!.problems.runs));
      expect(other.days).toEqual(days);
    }
  });
});
