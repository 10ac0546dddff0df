// Two console worker processes on one PostgreSQL, one account per provider, all four providers at
// once, while this process (a third console instance) previews, browses the libraries and checks
// health. Every request of every kind draws from the shared budget of its endpoint in the
// database, so together they stay within each provider's limits: no one-second window (Imagine:
// its 60-second window) holds more calls than the provider allows, and nothing is throttled. No
// item is sent twice (SKIP LOCKED leases), and every row says what happened to its video.
import type { ChildProcess } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { resolveApiToken } from "@/lib/auth/api-tokens";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { describeProviders } from "@/lib/providers/describe-providers";
import { listProviderVideos } from "@/lib/providers/list-videos";
import type { ProviderId } from "@/lib/providers/types";
import { bearer, makeUser } from "@/lib/testing/fixtures";
import {
  startSandboxProcess,
  type SandboxProcess,
} from "@/lib/testing/sandbox-process";
import { startWorkerProcess, stopProcess } from "@/lib/testing/worker-process";
import { createRun } from "../create-run";
import { previewRun } from "../preview-run";
import { installDatabaseRateGate } from "./rate-limit";

/** Imagine's limit is ~50 a minute (imagine.md §6); raised on both sides so the test stays short. */
const IMAGINE_PER_MINUTE = 600;

interface Plan {
  provider: ProviderId;
  seeded: number;
  missing: number;
  /** Call-log operations that share one limit, and that limit per window. */
  limits: { operations: string[]; requests: number; windowMs: number }[];
  /** HTTP status of the provider's throttling answer, where the call log can show it. */
  throttleStatus?: number;
  deleteOperation: string;
}

const plans: Plan[] = [
  {
    // vod.md §8: each Action has its own QPS.
    provider: "vod",
    seeded: 1500,
    missing: 20,
    limits: [
      { operations: ["DeleteVideo"], requests: 30, windowMs: 1000 },
      { operations: ["GetVideoInfos"], requests: 100, windowMs: 1000 },
      { operations: ["SearchMedia"], requests: 50, windowMs: 1000 },
    ],
    throttleStatus: 400, // Throttling.User
    deleteOperation: "DeleteVideo",
  },
  {
    // memories.md §6: delete_videos 5/s; list_videos 5/s, whether it looks IDs up or pages.
    // "0429" travels in an HTTP 200, so the windows themselves (the fake's sliding window) and
    // the audit trail show that none was sent.
    provider: "memories",
    seeded: 1000,
    missing: 20,
    limits: [
      { operations: ["delete"], requests: 5, windowMs: 1000 },
      { operations: ["lookup", "list"], requests: 5, windowMs: 1000 },
    ],
    deleteOperation: "delete",
  },
  {
    // akool.md §6: undocumented; our reading is one call a second per account, every endpoint.
    provider: "akool",
    seeded: 60,
    missing: 5,
    limits: [
      {
        operations: ["delete", "lookup", "token"],
        requests: 1,
        windowMs: 1000,
      },
    ],
    deleteOperation: "delete",
  },
  {
    // imagine.md §6: one limit per key for every call, over a sliding minute. The budget also
    // keeps any one second within a sixtieth of it.
    provider: "imagine",
    seeded: 60,
    missing: 5,
    limits: [
      {
        operations: ["delete", "lookup"],
        requests: IMAGINE_PER_MINUTE,
        windowMs: 60_000,
      },
      {
        operations: ["delete", "lookup"],
        requests: IMAGINE_PER_MINUTE / 60,
        windowMs: 1000,
      },
    ],
    throttleStatus: 429,
    deleteOperation: "delete",
  },
];

interface Call {
  seq: number;
  operation: string;
  at: number;
  ids: string[];
  status: number;
  fault?: string;
  /** The fake's own limit (or an injected fault) answered with the provider's throttle answer. */
  throttled?: boolean;
}

interface VideoState {
  id: string;
  owner: string;
  deleted: boolean;
  status: string;
}

let sandbox: SandboxProcess;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  sandbox = await startSandboxProcess({
    SANDBOX_COUNT: "0",
    SANDBOX_IMAGINE_RATE_PER_MIN: String(IMAGINE_PER_MINUTE),
  });
  const providerEnv = await sandbox.providerEnv();
  const env = {
    DATABASE_URL: process.env.DATABASE_URL!,
    ...providerEnv.vod,
    ...providerEnv.memories,
    ...providerEnv.akool,
    ...providerEnv.imagine,
    IMAGINE_RATE_PER_MINUTE: String(IMAGINE_PER_MINUTE),
  };
  Object.assign(process.env, env);
  // This process is a console instance too: its previews, pages and health checks share the budget.
  installDatabaseRateGate();
  workers.push(await startWorkerProcess(env), await startWorkerProcess(env));
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => stopProcess(worker)));
  await sandbox.stop();
});

/** The most calls that arrived within any `windowMs` (a window holds arrivals less than it apart). */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
}

it("keeps two instances and a browsing third within every endpoint's limit, and every row true", async () => {
  const db = await getDb();

  const runs = new Map<ProviderId, { runId: string; missing: Set<string> }>();
  for (const plan of plans) {
    // One operator per provider: an operator may have only a few runs in progress.
    const user = await makeUser("operator");
    const operator = (await resolveApiToken(await bearer(user.id)))!;
    const { ids } = await sandbox.control<{ ids: string[] }>("POST", "seed", {
      provider: plan.provider,
      count: plan.seeded,
    });
    const { ids: missing } = await sandbox.control<{ ids: string[] }>(
      "GET",
      `missing?provider=${plan.provider}&count=${plan.missing}`,
    );
    const all = [...ids, ...missing];
    const { id: runId } = await createRun(
      operator,
      {
        provider: plan.provider,
        ids: all,
        confirmation: `delete ${all.length.toLocaleString("en-US")} videos`,
      },
      {},
    );
    runs.set(plan.provider, { runId, missing: new Set(missing) });
  }

  const unfinished = async () =>
    (
      await executeRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from runs where finished_at is null`,
      )
    )[0]!.n;

  // Meanwhile this instance does what an operator's browser would: health checks, library pages,
  // a preview. Each request waits for the same budgets as the workers' deletes and look-ups.
  const browse = async () => {
    const memoriesIds = (
      await sandbox.control<VideoState[]>("GET", "videos?provider=memories")
    )
      .slice(0, 100)
      .map((video) => video.id);
    for (let round = 0; round < 4 && (await unfinished()) > 0; round++) {
      const health = await describeProviders({ refresh: true });
      // Named with its message, so a failure says which provider and why.
      expect(
        health
          .filter((provider) => !provider.health?.ok)
          .map((provider) => `${provider.id}: ${provider.health?.message}`),
      ).toEqual([]);
      for (let page = 0; page < 3; page++) {
        await listProviderVideos("memories", { pageSize: 20 });
        await listProviderVideos("vod", { pageSize: 20 });
      }
      await previewRun("memories", memoriesIds);
    }
  };
  const browsing = browse().then(
    () => undefined,
    (error: unknown) => error,
  );

  const deadline = Date.now() + 150_000;
  while ((await unfinished()) > 0) {
    if (Date.now() > deadline) throw new Error("runs did not finish");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const browseError = await browsing;
  if (browseError) throw browseError;

  for (const plan of plans) {
    const calls = await sandbox.control<Call[]>(
      "GET",
      `calls?provider=${plan.provider}`,
    );
    for (const limit of plan.limits) {
      const times = calls
        .filter((call) => limit.operations.includes(call.operation))
        .map((call) => call.at);
      const busiest = busiestWindow(times, limit.windowMs);
      console.log(
        `${plan.provider} ${limit.operations.join("+")}: ${times.length} calls, busiest ${limit.windowMs / 1000}-s window ${busiest} (limit ${limit.requests})`,
      );
      expect(
        busiest,
        `${plan.provider} ${limit.operations}`,
      ).toBeLessThanOrEqual(limit.requests);
    }
    expect(calls.filter((call) => call.fault || call.throttled)).toEqual([]);
    if (plan.throttleStatus !== undefined)
      expect(
        calls.filter((call) => call.status === plan.throttleStatus),
      ).toEqual([]);

    // Each ID was sent in at most one delete call.
    const sends = new Map<string, number>();
    for (const call of calls.filter(
      (call) => call.operation === plan.deleteOperation,
    ))
      for (const id of call.ids) sends.set(id, (sends.get(id) ?? 0) + 1);
    expect(
      [...sends].filter(([, count]) => count > 1),
      plan.provider,
    ).toEqual([]);

    // Every row against the provider's true state.
    const { runId, missing } = runs.get(plan.provider)!;
    const truth = new Map(
      (
        await sandbox.control<VideoState[]>(
          "GET",
          `videos?provider=${plan.provider}`,
        )
      ).map((video) => [video.id, video]),
    );
    const rows = await executeRows<{
      video_id: string;
      outcome: string;
      code: string | null;
    }>(
      db,
      sql`select video_id, outcome, code from run_items where run_id = ${runId}`,
    );
    expect(rows).toHaveLength(plan.seeded + plan.missing);
    const wrong = rows.filter((row) => {
      const video = truth.get(row.video_id);
      if (row.outcome === "pending") return true;
      if (!video)
        return !missing.has(row.video_id) || row.outcome !== "not_found";
      if (video.owner !== "console")
        return (
          video.deleted || !["forbidden", "not_found"].includes(row.outcome)
        );
      return (row.outcome === "deleted") !== video.deleted;
    });
    expect(wrong, plan.provider).toEqual([]);
    const outcomes: Record<string, number> = {};
    for (const row of rows)
      outcomes[row.outcome] = (outcomes[row.outcome] ?? 0) + 1;
    console.log(`${plan.provider} rows: ${JSON.stringify(outcomes)}`);
    expect(outcomes.deleted ?? 0).toBeGreaterThan(0);
  }

  // No throttled answer reached the worker, for any provider (memories.ai's "0429" included).
  const [throttled] = await executeRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from audit_events
         where action = 'items.recorded'
           and jsonb_path_exists(details, '$.items[*] ? (@.code == "throttled")')`,
  );
  expect(throttled!.n).toBe(0);
}, 240_000);
