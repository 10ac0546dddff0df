// `npm run bench:runs -- --worker-only`: the deletion worker alone in this process (no web server,
// no polling) on a fresh PGlite folder, against the sandbox in its own process. Tells the worker's
// own ceiling apart from what serving the console costs it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSandboxProcess } from "@/lib/testing/sandbox-process";
import type { BenchProvider } from "./run-figures";
import {
  confirmationPhrase,
  type BenchHarness,
  type RunOutcome,
} from "./runs-harness";

export async function startWorkerOnlyHarness(): Promise<BenchHarness> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "erasure-bench-"));
  process.env.ERASURE_DATA_DIR = dataDir;
  process.env.LOG_LEVEL = "warn";
  const sandbox = await startSandboxProcess({ SANDBOX_COUNT: "0" });
  for (const variables of Object.values(await sandbox.providerEnv()))
    Object.assign(process.env, variables);

  // After the environment is set: lib/env.ts reads it once.
  const { createApiToken, resolveApiToken } =
    await import("@/lib/auth/api-tokens");
  const { createUser } = await import("@/lib/auth/users");
  const { createRun } = await import("@/lib/runs/create-run");
  const { getRun } = await import("@/lib/runs/read-runs");
  const { startWorker, stopWorker } = await import("@/lib/runs/worker/worker");
  const { closeDb } = await import("@/lib/db/client");

  const user = await createUser({
    email: "bench@erasure.test",
    role: "operator",
    password: "bench-password-123",
  });
  const operator = (await resolveApiToken(
    (await createApiToken({ userId: user.id, name: "bench" })).token,
  ))!;
  await startWorker();

  return {
    description:
      "the worker alone in the bench process on PGlite, no web server, no polling",
    sandboxUrl: sandbox.url,
    consolePids: () => [process.pid],
    async run(provider: BenchProvider, ids: string[]): Promise<RunOutcome> {
      const posted = performance.now();
      const { id } = await createRun(
        operator,
        { provider, ids, confirmation: confirmationPhrase(ids.length) },
        {},
      );
      const createMs = performance.now() - posted;
      let run = await getRun(id);
      while (!run.finishedAt) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        run = await getRun(id);
      }
      return {
        runId: id,
        createMs,
        status: run.status,
        counts: run.counts,
        startedAt: run.startedAt!,
        finishedAt: run.finishedAt,
        polls: [],
      };
    },
    async stop() {
      await stopWorker();
      await closeDb();
      await sandbox.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
