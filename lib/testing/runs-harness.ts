// Test-only: the set-up every runs integration test shares. A sandbox process, the console's
// adapters pointed at it, an operator with an API token, and this process's worker, started
// before the file's tests and stopped after them. Real modules throughout, no mocks.
import { afterAll, beforeAll } from "vitest";
import type { ProviderId } from "@/lib/providers/types";
import { getRun } from "@/lib/runs/read-runs";
import type { Run } from "@/lib/runs/schemas";
import { startWorker, stopWorker } from "@/lib/runs/worker/worker";
import { bearerHeaders, makeUser } from "./fixtures";
import { startSandboxProcess, type SandboxProcess } from "./sandbox-process";

export interface RunsHarness {
  sandbox: SandboxProcess;
  /** `Authorization` header of an operator's API token. */
  auth: Record<string, string>;
}

export function setUpRuns(options: {
  providers: ProviderId[];
  sandboxEnv?: Record<string, string>;
  env?: Record<string, string>;
}): RunsHarness {
  const harness = {} as RunsHarness;
  beforeAll(async () => {
    harness.sandbox = await startSandboxProcess(options.sandboxEnv);
    const providerEnv = await harness.sandbox.providerEnv();
    for (const provider of options.providers)
      Object.assign(process.env, providerEnv[provider]);
    Object.assign(process.env, options.env);
    const operator = await makeUser("operator");
    harness.auth = await bearerHeaders(operator.id);
    await startWorker();
  });
  afterAll(async () => {
    await stopWorker();
    await harness.sandbox?.stop();
  });
  return harness;
}

/** Polls `read` until `done` holds; the error shows the last value seen. */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The run once it has finished. A cancelled run still records its batch in flight, so done
 * means `finishedAt` is set, not merely a final-looking status.
 */
export const waitForRun = (id: string, timeoutMs = 30_000): Promise<Run> =>
  until(
    () => getRun(id),
    (run) => run.finishedAt !== null,
    timeoutMs,
  );
