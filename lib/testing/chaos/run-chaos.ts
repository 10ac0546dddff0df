// Test-only: the chaos harness for the truth guarantees of docs/design.md §2 (G1–G4). One run per
// provider over a mix of IDs (this account's deletable and still-processing videos, another
// account's, IDs that never existed, plus malformed IDs and duplicates in the submitted list),
// injected faults on every provider call, and the worker process SIGKILLed at random moments and
// restarted until every run has finished. Afterwards every row is compared with the sandbox's
// true state before and after the run, and with its call log. Used by
// lib/runs/worker/chaos.pglite.test.ts (CI size) and scripts/chaos.ts (`npm run chaos`).
import { closeDb } from "@/lib/db/client";
import type { ProviderId } from "@/lib/providers/types";
import type { RowOutcome } from "@/lib/runs/vocabulary";
import { NO_FAULTS, type SandboxProcess } from "../sandbox-process";
import { checkRun, checks } from "./check";
import { createRuns, type RunInfo } from "./create-runs";
import { driveWorker, type DriveResult } from "./drive";
import { makeRng } from "./mix";
import { readRun } from "./record";
import type { ChaosReport, ProviderReport } from "./report";
import { chaosEnv, DEFAULT_SETTINGS, type ChaosSettings } from "./settings";
import { timeline } from "./timeline";
import {
  DELETE_OPERATION,
  lastSeq,
  trueState,
  type SandboxCall,
  type TrueVideo,
} from "./truth";

const IN_DOUBT_CODES = new Set([
  "confirmed_gone",
  "absent_before",
  "foreign_before",
  "in_doubt",
]);

/**
 * The whole chaos run. Must run before anything in this process has read the environment
 * (it points this process's adapters at the sandbox too) and with the PGlite folder closed.
 */
export async function runChaos(
  sandbox: SandboxProcess,
  partial: Partial<ChaosSettings> & { dataDir: string },
): Promise<ChaosReport> {
  const settings: ChaosSettings = { ...DEFAULT_SETTINGS, ...partial };
  const started = Date.now();
  const rng = makeRng(settings.seed);
  const providers = (Object.keys(settings.ids) as ProviderId[]).filter(
    (provider) => (settings.ids[provider] ?? 0) > 0,
  );
  const workerEnv = await chaosEnv(sandbox, settings, partial.dataDir);
  Object.assign(process.env, workerEnv);
  await sandbox.control("PUT", "limits", {
    provider: "imagine",
    ratePerMin: settings.imagineRatePerMinute,
  });

  // 1. The mix, and the true state before anything is sent.
  const { runs, before } = await createRuns(sandbox, providers, settings, rng);
  await closeDb(); // hand the PGlite folder to the worker process

  // 2. Faults on, then kill and restart the worker until every run has finished.
  const seqStart = await lastSeq(sandbox);
  for (const provider of providers)
    await sandbox.control("PUT", "faults", { provider, ...settings.faults });
  let drive;
  try {
    drive = await driveWorker(
      sandbox,
      workerEnv,
      runs,
      settings,
      rng,
      seqStart,
    );
  } finally {
    for (const provider of providers)
      await sandbox.control("PUT", "faults", { provider, ...NO_FAULTS });
  }

  // 3. Compare every row with the truth.
  const calls = (
    await sandbox.control<SandboxCall[]>("GET", `calls?since=${seqStart}`)
  ).filter((call) => providers.includes(call.provider));
  const reports: ProviderReport[] = [];
  for (const run of runs)
    reports.push(
      await reportRun(sandbox, run, before.get(run.provider)!, calls, drive),
    );
  await closeDb();
  return {
    seed: settings.seed,
    kills: drive.kills,
    finishRestarts: drive.restarts,
    durationMs: Date.now() - started,
    providers: reports,
  };
}

/** One finished run compared with the truth, with its counts and the wrong IDs' timelines. */
async function reportRun(
  sandbox: SandboxProcess,
  run: RunInfo,
  before: Map<string, TrueVideo>,
  calls: SandboxCall[],
  drive: DriveResult,
): Promise<ProviderReport> {
  const { provider } = run;
  const data = await readRun(run.runId);
  const mine = calls.filter((call) => call.provider === provider);
  const deleteCalls = mine.filter(
    (call) => call.operation === DELETE_OPERATION[provider],
  );
  const rows = data.rows.map((row) => ({
    videoId: row.video_id,
    outcome: row.outcome,
    code: row.code,
    terminalMs: Number(row.terminal_ms),
  }));
  const { wrong, auditGaps, goneNotDeleted } = checkRun({
    provider,
    requested: run.requested,
    before,
    after: await trueState(sandbox, provider),
    rows,
    deleteCalls,
    audit: data.audit,
  });
  const outcomes: Partial<Record<RowOutcome, number>> = {};
  for (const row of rows)
    outcomes[row.outcome] = (outcomes[row.outcome] ?? 0) + 1;
  const faults: Record<string, number> = {};
  for (const call of mine)
    if (call.fault) faults[call.fault] = (faults[call.fault] ?? 0) + 1;
  return {
    provider,
    runId: run.runId,
    runStatus: data.status,
    finished: data.finished,
    submitted: run.submitted.length,
    requested: run.requested.length,
    mix: run.mix,
    rows: rows.length,
    outcomes,
    settledInDoubt: rows.filter(
      (row) => row.code && IN_DOUBT_CODES.has(row.code),
    ).length,
    kills: drive.killsByRun.get(run.runId) ?? 0,
    calls: mine.length,
    deleteCalls: deleteCalls.length,
    faults,
    wrong,
    auditGaps,
    goneNotDeleted,
    timelines: Object.fromEntries(
      checks
        .flatMap((check) => wrong[check].slice(0, 5).map((w) => w.id))
        .map((id) => [
          id,
          timeline({
            provider,
            id,
            calls: mine,
            audit: data.audit,
            events: drive.events,
            row: data.rows.find((r) => r.video_id === id),
          }),
        ]),
    ),
  };
}
