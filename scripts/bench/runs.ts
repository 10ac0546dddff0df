// `npm run bench:runs [-- SIZES] [--provider vod|memories] [--poll-ms N] [--worker-only]`:
// deletion runs of each size (default 5000,20000,100000) through the console as a user runs them
// (runs-console.ts: the production build, PGlite, the worker inside the console process, the run
// page's polls), against the sandbox at the provider's real limits (VOD 30 DeleteVideo/s,
// memories.ai 5 calls/s per endpoint). Per size: IDs/s, the bound the run's calls allow and the
// share of it reached, throttled answers, the busiest second of delete calls, and the console's
// peak resident memory. `--worker-only` runs the worker alone in this process instead
// (runs-worker-only.ts), to tell its own ceiling from what serving the console costs it.
// Figures are printed and compared with the issue's targets; nothing fails on a missed target.
import { cpus, loadavg } from "node:os";
import {
  cpuSeconds,
  runQueueSeconds,
  sampleResidentMemory,
} from "./process-stats";
import {
  providerLimits,
  rateSpread,
  runCallFigures,
  type BenchProvider,
  type LoggedCall,
  type RunCallFigures,
} from "./run-figures";
import type { BenchHarness, PollStats, RunOutcome } from "./runs-harness";

const USAGE =
  "usage: npm run bench:runs [-- 5000,20000,100000] [--provider vod|memories] [--poll-ms 1000] [--worker-only]";
/** POST /__sandbox/seed adds at most this many videos per call (sandbox/control.ts). */
const SEED_CHUNK = 100_000;
/** ERASURE_MAX_IDS_PER_RUN's default: the console refuses larger runs. */
const MAX_IDS_PER_RUN = 100_000;
/**
 * A first small run, not reported: a fresh server loads each route's code and the database its
 * first pages on first use, which would count against whichever size came first.
 */
const WARM_UP_IDS = 500;

function parseArgs(argv: string[]) {
  let provider: BenchProvider = "vod";
  let pollMs = 1000;
  let workerOnly = false;
  const sizes: number[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string?];
    const value = () => inline ?? argv[++i] ?? "";
    if (flag === "--provider") {
      const name = value();
      if (!(name in providerLimits)) throw new Error(USAGE);
      provider = name as BenchProvider;
    } else if (flag === "--poll-ms") pollMs = Number(value());
    else if (flag === "--worker-only") workerOnly = true;
    else if (/^[\d,_ ]+$/.test(flag))
      sizes.push(
        ...flag
          .split(",")
          .filter(Boolean)
          .map((size) => Number(size.replaceAll("_", ""))),
      );
    else throw new Error(`${USAGE}\nunknown argument ${argv[i]}`);
  }
  if (
    sizes.some(
      (size) => !Number.isInteger(size) || size < 1 || size > MAX_IDS_PER_RUN,
    ) ||
    !(pollMs > 0)
  )
    throw new Error(`${USAGE}\nsizes are 1 to ${MAX_IDS_PER_RUN} IDs`);
  return {
    provider,
    pollMs,
    workerOnly,
    sizes: sizes.length > 0 ? sizes : [5_000, 20_000, 100_000],
  };
}

async function control<T>(
  sandboxUrl: string,
  method: string,
  pathname: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${sandboxUrl}/__sandbox/${pathname}`, {
    method,
    headers: body ? { "content-type": "application/json" } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok)
    throw new Error(
      `sandbox ${method} ${pathname} → ${response.status}: ${await response.text()}`,
    );
  return (await response.json()) as T;
}

async function seed(
  sandboxUrl: string,
  provider: BenchProvider,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let left = count; left > 0; left -= SEED_CHUNK) {
    const { ids: added } = await control<{ ids: string[] }>(
      sandboxUrl,
      "POST",
      "seed",
      { provider, count: Math.min(left, SEED_CHUNK) },
    );
    ids.push(...added);
  }
  return ids;
}

const n = (value: number) => Math.round(value).toLocaleString("en-US");
const pad = (value: string | number, width: number) =>
  String(value).padStart(width);
const mb = (bytes: number) => bytes / 2 ** 20;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0
  );
};

interface Measured {
  size: number;
  outcome: RunOutcome;
  figures: RunCallFigures;
  seconds: number;
  rate: number;
  peakRss: number;
  /** CPU time and time waiting for a CPU, over the wall time from sending the IDs to the end. */
  cpuShare: number;
  waitedShare: number;
}

async function measure(
  harness: BenchHarness,
  provider: BenchProvider,
  size: number,
  limits: Record<string, unknown>,
): Promise<Measured> {
  const ids = await seed(harness.sandboxUrl, provider, size);
  // The log is this run's alone: the console's health checks and earlier runs are cleared.
  await control(harness.sandboxUrl, "DELETE", "calls");
  const cpuBefore = cpuSeconds(harness.consolePids());
  const waitedBefore = runQueueSeconds(harness.consolePids());
  const memory = sampleResidentMemory(() => harness.consolePids(), 500);
  const wallStart = performance.now();
  const outcome = await harness.run(provider, ids);
  const peakRss = memory.stop();
  const wall = (performance.now() - wallStart) / 1000;
  const cpu = cpuSeconds(harness.consolePids()) - cpuBefore;
  const waited = runQueueSeconds(harness.consolePids()) - waitedBefore;
  const calls = await control<LoggedCall[]>(
    harness.sandboxUrl,
    "GET",
    `calls?provider=${provider}`,
  );
  const seconds =
    (outcome.finishedAt.getTime() - outcome.startedAt.getTime()) / 1000;
  return {
    size,
    outcome,
    figures: runCallFigures(provider, calls, limits, size),
    seconds,
    rate: size / seconds,
    peakRss,
    cpuShare: cpu / wall,
    waitedShare: waited / wall,
  };
}

function printRow(m: Measured, widths: number[]) {
  const { figures: f } = m;
  const cells = [
    n(m.size),
    (m.outcome.createMs / 1000).toFixed(1),
    m.seconds.toFixed(1),
    m.rate.toFixed(0),
    f.boundIdsPerSecond.toFixed(0),
    `${((100 * m.rate) / f.boundIdsPerSecond).toFixed(1)}%`,
    n(f.throttled),
    `${f.busiestDeleteWindow}/${f.deleteLimit}`,
    mb(m.peakRss).toFixed(0),
    `${(100 * m.cpuShare).toFixed(0)}%`,
    `${(100 * m.waitedShare).toFixed(0)}%`,
  ];
  console.log(cells.map((cell, i) => pad(cell, widths[i]!)).join("  "));
}

function printPolls(label: string, polls: PollStats[]) {
  if (polls.length === 0) return;
  const parts = polls.map(
    ({ name, latencies }) =>
      `${name} ×${latencies.length} p50 ${percentile(latencies, 0.5).toFixed(0)} / p95 ${percentile(latencies, 0.95).toFixed(0)} / max ${Math.max(...latencies).toFixed(0)} ms`,
  );
  console.log(`  ${label} page polls: ${parts.join("; ")}`);
}

function printTargets(provider: BenchProvider, results: Measured[]) {
  const verdict = (ok: boolean) => (ok ? "met   " : "MISSED");
  const spread = rateSpread(results.map((m) => m.rate));
  const largest = results.reduce((a, b) => (b.size > a.size ? b : a));
  const lines: [boolean, string][] = [
    ...results.map((m): [boolean, string] => [
      m.rate >= 0.95 * m.figures.boundIdsPerSecond,
      `≥ 95% of the bound at ${n(m.size)}: ${m.rate.toFixed(0)} of ${m.figures.boundIdsPerSecond.toFixed(0)} IDs/s (${provider === "vod" ? "VOD: ≥ 570" : "memories.ai: the issue asks it at 20,000"})`,
    ]),
    [
      results.every((m) => m.figures.throttled === 0),
      `no throttled answers: ${results.map((m) => m.figures.throttled).join(", ")}`,
    ],
    [
      results.every(
        (m) => m.figures.busiestDeleteWindow <= m.figures.deleteLimit,
      ),
      `no second above ${results[0]!.figures.deleteLimit} delete calls: busiest ${results.map((m) => m.figures.busiestDeleteWindow).join(", ")}`,
    ],
    [
      spread <= 0.05,
      `rates within 5% of each other: spread ${(100 * spread).toFixed(1)}% (fastest − slowest) ÷ fastest`,
    ],
    [
      mb(largest.peakRss) < 600,
      `peak RSS < 600 MB during the ${n(largest.size)} run: ${mb(largest.peakRss).toFixed(0)} MB`,
    ],
  ];
  console.log("\nTargets (issue):");
  for (const [ok, text] of lines) console.log(`  ${verdict(ok)}  ${text}`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  // Import only the harness asked for: the worker-only one loads the server modules.
  const harness = options.workerOnly
    ? await (await import("./runs-worker-only")).startWorkerOnlyHarness()
    : await (
        await import("./runs-console")
      ).startConsoleHarness({ pollMs: options.pollMs });
  try {
    const limits = (
      await control<Record<string, Record<string, unknown>>>(
        harness.sandboxUrl,
        "GET",
        "limits",
      )
    )[options.provider]!;
    const perSecond = providerLimits[options.provider].perSecond(limits);
    console.log(
      `Deletion runs on ${options.provider} — ${harness.description}\n` +
        `sandbox limits per second: ${Object.entries(perSecond)
          .filter(([, limit]) => limit > 0)
          .map(([endpoint, limit]) => `${endpoint} ${limit}`)
          .join(", ")}; ` +
        `${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)} at start\n`,
    );
    const warmUp = await harness.run(
      options.provider,
      await seed(harness.sandboxUrl, options.provider, WARM_UP_IDS),
    );
    // The bench's videos include other accounts' (they end forbidden): "with issues" is its end.
    if (!["completed", "completed_with_issues"].includes(warmUp.status))
      throw new Error(`the warm-up run ended ${warmUp.status}`);
    console.log(`(after a warm-up run of ${WARM_UP_IDS} IDs, not reported)`);
    const header = [
      "IDs",
      "create s",
      "run s",
      "IDs/s",
      "bound",
      "of bound",
      "throttled",
      "busiest s",
      "peak RSS MB",
      "console CPU",
      "waited for CPU",
    ];
    const widths = header.map((title) => Math.max(title.length, 7));
    console.log(header.map((title, i) => pad(title, widths[i]!)).join("  "));
    const results: Measured[] = [];
    for (const size of options.sizes) {
      const measured = await measure(harness, options.provider, size, limits);
      results.push(measured);
      printRow(measured, widths);
    }
    console.log("");
    for (const m of results) {
      const f = m.figures;
      const counts = Object.entries(m.outcome.counts)
        .filter(([, count]) => count > 0)
        .map(([outcome, count]) => `${outcome} ${n(count)}`)
        .join(", ");
      const perDelete = (count: number) =>
        f.deleteCalls > 0
          ? ` (${(count / f.deleteCalls).toFixed(2)} per delete)`
          : "";
      const calls = Object.entries(f.callsByEndpoint)
        .map(
          ([endpoint, count]) =>
            `${endpoint} ${n(count)}${endpoint === providerLimits[options.provider].deleteOperation ? "" : perDelete(count)}`,
        )
        .join(", ");
      console.log(
        `${n(m.size)} IDs: run ${m.outcome.status} (${counts}); answered calls ${calls}; bound set by ${f.boundBy}`,
      );
      printPolls(n(m.size), m.outcome.polls);
    }
    printTargets(options.provider, results);
    console.log(
      "\nrun s: the run's first claim to its end (server clock); bound: the run's IDs over the least time its answered calls need at the sandbox's limits; busiest s: delete calls in the busiest one-second window / the limit; peak RSS: next-server and its children, sampled every 500 ms; console CPU: its CPU time from sending the IDs to the end ÷ that time; waited for CPU: how long its threads were runnable but not running (other work on the machine) ÷ that time.",
    );
  } finally {
    await harness.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
