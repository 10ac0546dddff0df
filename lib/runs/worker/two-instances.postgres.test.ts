// Two console worker processes on one PostgreSQL, one VOD account: together they stay within
// VOD's 30 DeleteVideo calls per second (the shared token bucket), and no item is sent twice
// (SKIP LOCKED leases).
import type { ChildProcess } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { resolveApiToken } from "@/lib/auth/api-tokens";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { bearer, makeUser } from "@/lib/testing/fixtures";
import {
  startSandboxProcess,
  type SandboxProcess,
} from "@/lib/testing/sandbox-process";
import { startWorkerProcess, stopProcess } from "@/lib/testing/worker-process";
import { createRun } from "../create-run";

let sandbox: SandboxProcess;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  sandbox = await startSandboxProcess({ SANDBOX_COUNT: "0" });
  const env = {
    DATABASE_URL: process.env.DATABASE_URL!,
    ...(await sandbox.providerEnv()).vod,
  };
  Object.assign(process.env, env);
  workers.push(await startWorkerProcess(env), await startWorkerProcess(env));
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => stopProcess(worker)));
  await sandbox.stop();
});

it("keeps two instances within 30 DeleteVideo calls per second and never sends an ID twice", async () => {
  const { ids } = await sandbox.control<{ ids: string[] }>("POST", "seed", {
    provider: "vod",
    count: 1500,
  });
  const user = await makeUser("operator");
  const operator = (await resolveApiToken(await bearer(user.id)))!;
  const { id: runId } = await createRun(
    operator,
    { provider: "vod", ids, confirmation: "delete 1,500 videos" },
    {},
  );

  const db = await getDb();
  const deadline = Date.now() + 90_000;
  for (;;) {
    const [run] = await executeRows<{ finished: boolean }>(
      db,
      sql`select finished_at is not null as finished from runs where id = ${runId}`,
    );
    if (run?.finished) break;
    if (Date.now() > deadline) throw new Error("run did not finish");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  const calls = (
    await sandbox.control<
      {
        operation: string;
        at: number;
        ids: string[];
        status: number;
        fault?: string;
      }[]
    >("GET", "calls?provider=vod")
  ).filter((call) => call.operation === "DeleteVideo");
  expect(calls.length).toBeGreaterThanOrEqual(75);
  const times = calls.map((call) => call.at).sort((a, b) => a - b);
  let maxInWindow = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= 1000) start++;
    maxInWindow = Math.max(maxInWindow, end - start + 1);
  }
  expect(maxInWindow).toBeLessThanOrEqual(30);
  expect(calls.filter((call) => call.status === 400)).toHaveLength(0); // never throttled by VOD

  const sends = new Map<string, number>();
  for (const call of calls)
    for (const id of call.ids) sends.set(id, (sends.get(id) ?? 0) + 1);
  expect([...sends.values()].every((count) => count === 1)).toBe(true);

  const rows = await executeRows<{ outcome: string; n: number }>(
    db,
    sql`select outcome, count(*)::int as n from run_items where run_id = ${runId} group by 1`,
  );
  expect(rows.reduce((sum, row) => sum + Number(row.n), 0)).toBe(1500);
  expect(rows.find((row) => row.outcome === "pending")).toBeUndefined();
}, 120_000);
