// `npm run chaos [-- --ids 5000 --kills 10 ...]`: the chaos test of lib/runs/worker/chaos.pglite.test.ts
// at a bigger size. One run per provider over a mix of IDs, faults injected on every provider call,
// the worker process SIGKILLed at random moments and restarted until every run has finished; then
// every row is checked against the sandbox's true state (docs/design.md §2, G1–G4). Prints a table
// per provider and exits 1 when any row is wrong. `--help` lists the flags.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ProviderId } from "@/lib/providers/types";
import { checkDescriptions, checks } from "@/lib/testing/chaos/check";
import {
  describeWrong,
  expectedRunStatus,
  formatChaosTable,
} from "@/lib/testing/chaos/report";
import { DEFAULT_FAULTS } from "@/lib/testing/chaos/settings";
import { startSandboxProcess } from "@/lib/testing/sandbox-process";

const { values } = parseArgs({
  options: {
    ids: { type: "string", default: "5000" },
    kills: { type: "string", default: "10" },
    providers: { type: "string", default: "akool,memories,vod,imagine" },
    seed: { type: "string" },
    "kill-delay": { type: "string", default: "2-15" },
    "imagine-rate": { type: "string", default: "3000" },
    "max-attempts": { type: "string", default: "8" },
    "timeout-ms": { type: "string", default: "500" },
    "timeout-min": { type: "string", default: "60" },
    "lease-seconds": { type: "string" },
    "no-case-variants": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  console.log(`npm run chaos -- [flags]
  --ids N            distinct well-formed IDs per provider (default 5000)
  --kills N          SIGKILLs of the worker process (default 10)
  --providers list   comma-separated (default akool,memories,vod,imagine)
  --seed N           seeds the ID mix, the submitted order and the kill moments (default: random)
  --kill-delay A-B   seconds between the restarted worker's first call and the next kill (default 2-15)
  --imagine-rate N   Imagine.art requests a minute, sandbox and adapter (default 3000; documented 50)
  --max-attempts N   ERASURE_MAX_ATTEMPTS (default 8)
  --timeout-ms N     adapter timeout PROVIDER_TIMEOUT_MS (default 500: hangs and late answers)
  --timeout-min N    give up when the runs have not finished after this long (default 60)
  --lease-seconds N  ERASURE_LEASE_SECONDS (default: the console's 120); a lease shorter than a
                     batch lets another lane take over rows still in flight
  --no-case-variants Akool: do not submit upper-case spellings of listed IDs (by default a few
                     are, as duplicates: akool.md §7 IDs are case-insensitive)`);
  process.exit(0);
}

const int = (name: string, value: string | undefined) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got ${value}`);
    process.exit(2);
  }
  return n;
};
const providers = values.providers.split(",").map((p) => p.trim());
const known = ["akool", "memories", "vod", "imagine"];
for (const provider of providers) {
  if (!known.includes(provider)) {
    console.error(`unknown provider ${provider}; one of ${known.join(", ")}`);
    process.exit(2);
  }
}
const [minDelay, maxDelay] = values["kill-delay"]
  .split("-")
  .map((part) => Number(part) * 1000);
if (!(minDelay! >= 0 && maxDelay! >= minDelay!)) {
  console.error(
    `--kill-delay must be A-B seconds, got ${values["kill-delay"]}`,
  );
  process.exit(2);
}
const count = int("ids", values.ids);
const settings = {
  ids: Object.fromEntries(providers.map((p) => [p, count])) as Partial<
    Record<ProviderId, number>
  >,
  kills: int("kills", values.kills),
  killDelayMs: [minDelay!, maxDelay!] as [number, number],
  seed:
    values.seed === undefined
      ? Math.floor(Math.random() * 1_000_000)
      : int("seed", values.seed),
  imagineRatePerMinute: int("imagine-rate", values["imagine-rate"]),
  maxAttempts: int("max-attempts", values["max-attempts"]),
  providerTimeoutMs: int("timeout-ms", values["timeout-ms"]),
  timeoutMs: int("timeout-min", values["timeout-min"]) * 60_000,
  caseVariants: !values["no-case-variants"],
  ...(values["lease-seconds"] === undefined
    ? {}
    : { leaseSeconds: int("lease-seconds", values["lease-seconds"]) }),
};

const dataDir = mkdtempSync(path.join(tmpdir(), "erasure-chaos-"));
process.env.ERASURE_DATA_DIR = dataDir;
process.env.LOG_LEVEL = "warn";
// Imported after the environment is set: the logger reads LOG_LEVEL when it loads. (The chaos
// modules imported above are pure and load neither the logger nor the console's environment.)
const { runChaos } = await import("@/lib/testing/chaos/run-chaos");

const sandbox = await startSandboxProcess({ SANDBOX_COUNT: "10" });
const faulted = (
  [
    "errorRate",
    "throttleRate",
    "malformedRate",
    "hangRate",
    "resetRate",
  ] as const
).reduce((sum, key) => sum + DEFAULT_FAULTS[key], 0);
console.log(
  `chaos: ${count.toLocaleString("en-US")} IDs per provider (${providers.join(", ")}), ${settings.kills} kills ${minDelay! / 1000}–${maxDelay! / 1000} s after the worker's first call, seed ${settings.seed}`,
);
console.log(
  `  faults: ${(faulted * 100).toFixed(1)} % of calls (${JSON.stringify(DEFAULT_FAULTS)}), adapter timeout ${settings.providerTimeoutMs} ms, ERASURE_MAX_ATTEMPTS ${settings.maxAttempts}${"leaseSeconds" in settings ? `, ERASURE_LEASE_SECONDS ${settings.leaseSeconds}` : ""}`,
);
if (providers.includes("imagine"))
  console.log(
    `  Imagine.art rate raised from the documented ~50 to ${settings.imagineRatePerMinute} requests a minute in the sandbox (PUT /__sandbox/limits ratePerMin) and the adapter (IMAGINE_RATE_PER_MINUTE), so that the run finishes in reasonable time`,
  );
console.log(`  PGlite folder ${dataDir}`);

let exitCode = 0;
try {
  const report = await runChaos(sandbox, {
    ...settings,
    dataDir,
    log: (line) => console.log(`  ${line}`),
  });
  console.log(
    `\n${report.kills} kills, ${report.finishRestarts} restarts to finish, ${(report.durationMs / 1000).toFixed(0)} s\n`,
  );
  console.log(formatChaosTable(report));
  for (const p of report.providers) {
    if (!p.finished || p.runStatus !== expectedRunStatus(p)) {
      console.log(
        `\n${p.provider}: run ${p.runId} is ${p.runStatus}, finished ${p.finished}`,
      );
      exitCode = 1;
    }
    for (const check of checks) {
      const wrong = p.wrong[check];
      if (wrong.length === 0) continue;
      exitCode = 1;
      console.log(
        `\n${p.provider} ${check} (${checkDescriptions[check]}): ${wrong.length} wrong\n${describeWrong(wrong, 20, p.timelines)}`,
      );
    }
    if (p.auditGaps.length > 0) {
      exitCode = 1;
      console.log(
        `\n${p.provider}: ${p.auditGaps.length} final rows without an items.recorded audit event (the two commit together): ${p.auditGaps.slice(0, 10).join(", ")}${p.auditGaps.length > 10 ? ", …" : ""}`,
      );
    }
  }
  console.log(exitCode === 0 ? "\nno wrong rows" : "\nWRONG ROWS FOUND");
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await sandbox.stop();
}
process.exit(exitCode);
