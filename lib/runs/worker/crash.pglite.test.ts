// The promise of docs/design.md §1.2 under a crash: a 5,000-ID run, the worker process SIGKILLed
// mid-run and restarted; every ID ends with exactly one outcome that agrees with the provider's
// true state, and only IDs in flight at the kill were sent to the provider twice.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { resolveApiToken } from "@/lib/auth/api-tokens";
import { closeDb, getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { bearer, makeUser } from "@/lib/testing/fixtures";
import {
  startSandboxProcess,
  type SandboxProcess,
} from "@/lib/testing/sandbox-process";
import { startWorkerProcess, stopProcess } from "@/lib/testing/worker-process";
import { createRun } from "../create-run";

let sandbox: SandboxProcess;
let workerEnv: Record<string, string>;

beforeAll(async () => {
  sandbox = await startSandboxProcess({ SANDBOX_COUNT: "10" });
  workerEnv = {
    ERASURE_DATA_DIR: process.env.ERASURE_DATA_DIR!,
    ...(await sandbox.providerEnv()).vod,
  };
  Object.assign(process.env, workerEnv);
});

afterAll(() => sandbox.stop());

interface Call {
  operation: string;
  ids: string[];
  status: number;
  fault?: string;
}

it("survives SIGKILL mid-run: one outcome per ID, agreeing with the provider, no blind re-deletes", async () => {
  const { ids } = await sandbox.control<{ ids: string[] }>("POST", "seed", {
    provider: "vod",
    count: 5000,
  });
  await sandbox.control("PUT", "faults", { provider: "vod", latencyMs: 150 });
  const user = await makeUser("operator");
  const operator = (await resolveApiToken(await bearer(user.id)))!;
  const { id: runId } = await createRun(
    operator,
    { provider: "vod", ids, confirmation: "delete 5,000 videos" },
    {},
  );
  await closeDb(); // hand the PGlite folder to the worker process

  const first = await startWorkerProcess(workerEnv);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const calls = await sandbox.control<Call[]>("GET", "calls?provider=vod");
    if (calls.filter((call) => call.operation === "DeleteVideo").length >= 40)
      break;
    if (Date.now() > deadline) throw new Error("worker made no progress");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stopProcess(first, "SIGKILL");

  const db = await getDb();
  const inFlight = new Set(
    (
      await executeRows<{ video_id: string }>(
        db,
        sql`select video_id from run_items where run_id = ${runId} and outcome = 'pending' and lease_until is not null`,
      )
    ).map((row) => row.video_id),
  );
  const doneAtKill = await executeRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from run_items where run_id = ${runId} and outcome <> 'pending'`,
  );
  expect(Number(doneAtKill[0]!.n)).toBeGreaterThan(0);
  expect(Number(doneAtKill[0]!.n)).toBeLessThan(5000);
  await closeDb();

  await sandbox.control("PUT", "faults", { provider: "vod", latencyMs: 0 });
  const second = await startWorkerProcess(workerEnv);
  try {
    // The worker owns the PGlite folder while it runs: watch the provider instead, then stop it
    // gracefully once every video is gone and the call log has been quiet for a while.
    const until = Date.now() + 40_000;
    let quietSince = Date.now();
    let lastCount = -1;
    for (;;) {
      const videos = await sandbox.control<
        { id: string; deleted: boolean; owner: string }[]
      >("GET", "videos?provider=vod");
      const wanted = new Set(ids);
      // Seeded videos include other accounts' (they stay, as `forbidden`).
      const remaining = videos.filter(
        (video) =>
          wanted.has(video.id) && !video.deleted && video.owner !== "other",
      ).length;
      const count = (await sandbox.control<Call[]>("GET", "calls?provider=vod"))
        .length;
      if (count !== lastCount) {
        lastCount = count;
        quietSince = Date.now();
      }
      if (remaining === 0 && Date.now() - quietSince > 3000) break;
      if (Date.now() > until) {
        await stopProcess(second);
        const debugDb = await getDb();
        const summary = await executeRows(
          debugDb,
          sql`select outcome, code, count(*)::int as n, min(attempts) as a, max(next_attempt_at) as nx, count(lease_until) as leased from run_items where run_id = ${runId} group by 1, 2`,
        );
        const runRow = await executeRows(
          debugDb,
          sql`select status, status_reason from runs where id = ${runId}`,
        );
        throw new Error(
          `run did not finish after restart (${remaining} left): ${JSON.stringify(summary)} ${JSON.stringify(runRow)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await stopProcess(second);
  }

  const finalDb = await getDb();
  const rows = await executeRows<{ video_id: string; outcome: string }>(
    finalDb,
    sql`select video_id, outcome from run_items where run_id = ${runId}`,
  );
  expect(rows).toHaveLength(5000);
  expect(rows.filter((row) => row.outcome === "pending")).toHaveLength(0);
  const truth = new Map(
    (
      await sandbox.control<{ id: string; deleted: boolean; owner: string }[]>(
        "GET",
        "videos?provider=vod",
      )
    ).map((video) => [video.id, video]),
  );
  for (const row of rows) {
    const video = truth.get(row.video_id)!;
    expect(row.outcome, row.video_id).toBe(
      video.owner === "other" ? "forbidden" : "deleted",
    );
    expect(video.deleted, row.video_id).toBe(row.outcome === "deleted");
  }
  expect(
    rows.filter((row) => row.outcome === "deleted").length,
  ).toBeGreaterThan(3000);

  const sends = new Map<string, number>();
  for (const call of await sandbox.control<Call[]>(
    "GET",
    "calls?provider=vod",
  )) {
    if (call.operation !== "DeleteVideo" || call.status !== 200 || call.fault)
      continue;
    for (const id of call.ids) sends.set(id, (sends.get(id) ?? 0) + 1);
  }
  const twice = [...sends].filter(([, count]) => count > 1).map(([id]) => id);
  for (const id of twice)
    expect(
      inFlight.has(id),
      `${id} was sent twice but was not in flight at the kill`,
    ).toBe(true);
}, 240_000);
