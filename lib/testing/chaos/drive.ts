// Test-only: the worker process under chaos. SIGKILLed at random moments while it works, then
// restarted until no row is pending, with a log of its starts and stops for the timelines.
import type { ProviderId } from "@/lib/providers/types";
import { sleep } from "@/lib/utils";
import type { SandboxProcess } from "../sandbox-process";
import { startWorkerProcess, stopProcess } from "../worker-process";
import { readPending, type PendingState } from "./record";
import type { ChaosSettings } from "./settings";
import { callFollower } from "./truth";

export interface WorkerEvent {
  at: number;
  what: string;
}

/** The runs being driven; only their provider (for the log) and ID matter here. */
interface DrivenRun {
  provider: ProviderId;
  runId: string;
}

export interface DriveResult {
  /** Kills that hit each run while it still had pending rows. */
  killsByRun: Map<string, number>;
  kills: number;
  restarts: number;
  events: WorkerEvent[];
}

const pendingByProvider = (runs: DrivenRun[], state: PendingState) =>
  runs
    .map((run) => `${run.provider} ${state.pending.get(run.runId) ?? 0}`)
    .join(", ");

/**
 * Drives the worker process: `kills` SIGKILLs at random moments while it works, then restarts
 * (stopped with SIGTERM once the call log is quiet and every backoff has passed) until no row is
 * pending. Returns the kills that hit each run while it had pending rows.
 */
export async function driveWorker(
  sandbox: SandboxProcess,
  workerEnv: Record<string, string>,
  runs: DrivenRun[],
  settings: ChaosSettings,
  rng: () => number,
  seqStart: number,
): Promise<DriveResult> {
  const events: WorkerEvent[] = [];
  const start = async () => {
    const worker = await startWorkerProcess(workerEnv);
    events.push({ at: Date.now(), what: `worker ${worker.pid} started` });
    return worker;
  };
  const stop = async (
    worker: Awaited<ReturnType<typeof startWorkerProcess>>,
    signal: "SIGKILL" | "SIGTERM",
  ) => {
    events.push({ at: Date.now(), what: `${signal} to worker ${worker.pid}` });
    await stopProcess(worker, signal);
  };
  const runIds = runs.map((run) => run.runId);
  const killsByRun = new Map(runIds.map((id) => [id, 0]));
  const follower = callFollower(sandbox, seqStart);
  const deadline = Date.now() + settings.timeoutMs;
  const [minDelay, maxDelay] = settings.killDelayMs;
  let state = await readPending(runIds);
  let kills = 0;

  for (let n = 1; n <= settings.kills; n++) {
    const worker = await start();
    await follower.poll();
    // Kill while it works: after its first provider call, then a random delay.
    for (const waitUntil = Date.now() + 20_000; Date.now() < waitUntil;) {
      if ((await follower.poll()) > 0) break;
      await sleep(100);
    }
    // A random delay, cut short once a run has sent its share of what it has left, so that a fast
    // provider's run still has pending rows at every kill however busy the machine is.
    const delay = Math.round(minDelay + rng() * (maxDelay - minDelay));
    const killsLeft = settings.kills - n + 1;
    const share = (run: DrivenRun) =>
      Math.max(
        1,
        Math.floor((state.pending.get(run.runId) ?? 0) / (killsLeft + 1)),
      );
    follower.resetSent();
    let cutShort = false;
    for (const killAt = Date.now() + delay; Date.now() < killAt;) {
      await sleep(Math.min(100, Math.max(0, killAt - Date.now())));
      await follower.poll();
      cutShort = runs.some(
        (run) =>
          (state.pending.get(run.runId) ?? 0) > 0 &&
          follower.sent(run.provider) >= share(run),
      );
      if (cutShort) break;
    }
    await stop(worker, "SIGKILL");
    kills++;
    state = await readPending(runIds);
    for (const [runId, pending] of state.pending)
      if (pending > 0) killsByRun.set(runId, killsByRun.get(runId)! + 1);
    const left = [...state.pending.values()].reduce((a, b) => a + b, 0);
    settings.log(
      `kill ${n}/${settings.kills}: SIGKILL ${cutShort ? "once a run had sent its share" : `${delay} ms`} after the worker's first call; pending ${pendingByProvider(runs, state)}`,
    );
    if (left === 0) break;
  }

  let restarts = 0;
  while ([...state.pending.values()].some((pending) => pending > 0)) {
    if (Date.now() > deadline) {
      throw new Error(
        `chaos runs did not finish in ${settings.timeoutMs} ms: pending ${JSON.stringify(Object.fromEntries(state.pending))}`,
      );
    }
    const worker = await start();
    restarts++;
    follower.markNow();
    const dueAt = state.dueAt;
    for (;;) {
      await sleep(500);
      await follower.poll();
      if (follower.quietFor() >= 2_500 && Date.now() >= dueAt + 1_000) break;
      if (Date.now() > deadline) break;
    }
    await stop(worker, "SIGTERM");
    state = await readPending(runIds);
    const left = [...state.pending.values()].reduce((a, b) => a + b, 0);
    settings.log(
      `restart ${restarts}: stopped (SIGTERM) when quiet; pending ${pendingByProvider(runs, state)}${left > 0 ? `, last due in ${Math.max(0, Math.round((state.dueAt - Date.now()) / 1000))} s` : ""}`,
    );
  }
  return { killsByRun, kills, restarts, events };
}
