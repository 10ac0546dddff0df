// `npm run bench:runs [-- N]`: throughput of one VOD deletion run of N IDs (default 5,000)
// through the real worker on embedded PGlite against the sandbox (no injected latency), and the
// busiest one-second window of DeleteVideo calls the sandbox saw (VOD allows 30).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSandbox } from "../../sandbox/server";

const count = Number(process.argv[2] ?? 5000);
process.env.ERASURE_DATA_DIR = mkdtempSync(
  path.join(tmpdir(), "erasure-bench-"),
);
process.env.LOG_LEVEL = "warn";

const sandbox = await startSandbox({ port: 0, count: 0 });
const credentials = (await (
  await fetch(`${sandbox.url}/__sandbox/credentials`)
).json()) as {
  vod: { accessKeyId: string; accessKeySecret: string };
};
Object.assign(process.env, {
  VOD_ENDPOINT: `${sandbox.url}/vod/`,
  VOD_ACCESS_KEY_ID: credentials.vod.accessKeyId,
  VOD_ACCESS_KEY_SECRET: credentials.vod.accessKeySecret,
});

const { createApiToken, resolveApiToken } =
  await import("@/lib/auth/api-tokens");
const { createUser } = await import("@/lib/auth/users");
const { createRun } = await import("@/lib/runs/create-run");
const { getRun } = await import("@/lib/runs/read-runs");
const { startWorker, stopWorker } = await import("@/lib/runs/worker/worker");
const { closeDb } = await import("@/lib/db/client");

const seeded = (await (
  await fetch(`${sandbox.url}/__sandbox/seed`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ provider: "vod", count }),
  })
).json()) as { ids: string[] };
const user = await createUser({
  email: "bench@erasure.test",
  role: "operator",
  password: "bench-password-123",
});
const operator = (await resolveApiToken(
  (await createApiToken({ userId: user.id, name: "bench" })).token,
))!;

const createdAt = performance.now();
const { id } = await createRun(
  operator,
  {
    provider: "vod",
    ids: seeded.ids,
    confirmation: `delete ${count.toLocaleString("en-US")} videos`,
  },
  {},
);
const writeMs = performance.now() - createdAt;
const started = performance.now();
await startWorker();
let run = await getRun(id);
while (!run.finishedAt) {
  await new Promise((resolve) => setTimeout(resolve, 200));
  run = await getRun(id);
}
const seconds = (performance.now() - started) / 1000;
await stopWorker();

const calls = (
  (await (
    await fetch(`${sandbox.url}/__sandbox/calls?provider=vod`)
  ).json()) as { operation: string; at: number }[]
)
  .filter((call) => call.operation === "DeleteVideo")
  .map((call) => call.at)
  .sort((a, b) => a - b);
let busiest = 0;
for (let start = 0, end = 0; end < calls.length; end++) {
  while (calls[end]! - calls[start]! >= 1000) start++;
  busiest = Math.max(busiest, end - start + 1);
}

console.log(`run of ${count} VOD IDs on PGlite`);
console.log(`  write run + items:  ${writeMs.toFixed(0)} ms`);
console.log(
  `  delete all:         ${seconds.toFixed(1)} s  (${(count / seconds).toFixed(0)} IDs/s)`,
);
console.log(
  `  DeleteVideo calls:  ${calls.length}, busiest 1-second window ${busiest} (limit 30)`,
);
console.log(`  outcomes:           ${JSON.stringify(run.counts)}`);
await closeDb();
await sandbox.close();
process.exit(0);
