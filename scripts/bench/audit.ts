// `npm run bench:audit [-- N]`: seeds N recorded items (default 1,000,000) across 100 runs and
// prints p50/p95 of "every run that touched video X" look-ups, on embedded PGlite and, when
// TEST_DATABASE_URL (or DATABASE_URL) is set, on PostgreSQL (in a scratch database it drops).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";

const total = Number(process.argv[2] ?? 1_000_000);
const LOOKUPS = 500;
process.env.LOG_LEVEL = "warn";

async function bench(label: string) {
  const { getDb, closeDb } = await import("@/lib/db/client");
  const { executeRows } = await import("@/lib/db/open-db");
  const { videoHistory } = await import("@/lib/audit/video-history");
  const db = await getDb();
  const seedStart = performance.now();
  await db.execute(sql`insert into users (email, name, role, password_hash)
                       values ('bench@erasure.test', 'bench', 'operator', 'x') on conflict do nothing`);
  await db.execute(sql`insert into runs (provider, total, confirmation, created_by, started_via, request_hash, status)
                       select 'vod', ${total / 100}, 'bench', (select id from users where email = 'bench@erasure.test'),
                              'bench', md5(g::text), 'completed'
                         from generate_series(1, 100) g`);
  // Each video appears in one run; IDs look like VOD's 32-hex IDs.
  await db.execute(sql`insert into run_items (run_id, video_id, outcome, attempts)
                       select r.id, md5(g::text), 'deleted', 1
                         from generate_series(1, ${total}) g
                         join (select id, row_number() over (order by id) - 1 as n from runs) r on r.n = g % 100`);
  await db.execute(sql`analyze run_items`);
  const seedSeconds = (performance.now() - seedStart) / 1000;

  const times: number[] = [];
  for (let i = 0; i < LOOKUPS; i++) {
    const existing = i % 2 === 0;
    const id = existing
      ? md5(1 + Math.floor(Math.random() * total))
      : `missing${i}`.padEnd(32, "0");
    const start = performance.now();
    const history = await videoHistory(id);
    times.push(performance.now() - start);
    if (existing && history.length !== 1) {
      const [{ n }] = (await executeRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from run_items`,
      )) as [{ n: number }];
      throw new Error(
        `expected one run for ${id}, got ${history.length} (${n} items seeded)`,
      );
    }
  }
  times.sort((a, b) => a - b);
  const pick = (q: number) =>
    times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  console.log(
    `${label}: ${total.toLocaleString("en-US")} items seeded in ${seedSeconds.toFixed(1)} s; ` +
      `${LOOKUPS} look-ups p50 ${pick(0.5)} ms, p95 ${pick(0.95)} ms`,
  );
  await closeDb();
}

function md5(n: number): string {
  return createHash("md5").update(String(n)).digest("hex");
}

// The environment is parsed once per process, so each database is measured in a child process.
if (process.env.BENCH_AUDIT_LABEL) {
  await bench(process.env.BENCH_AUDIT_LABEL);
  process.exit(0);
}

function measure(label: string, env: Record<string, string | undefined>) {
  const result = spawnSync(
    process.execPath,
    [...process.execArgv, process.argv[1]!, String(total)],
    {
      env: { ...process.env, ...env, BENCH_AUDIT_LABEL: label },
      stdio: "inherit",
    },
  );
  if (result.status !== 0) throw new Error(`${label} benchmark failed`);
}

const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
measure("PGlite", {
  DATABASE_URL: "",
  ERASURE_DATA_DIR: mkdtempSync(path.join(tmpdir(), "erasure-bench-audit-")),
});

if (adminUrl) {
  const name = `erasure_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    measure("PostgreSQL", { DATABASE_URL: url.toString() });
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
} else {
  console.log("PostgreSQL: skipped (set TEST_DATABASE_URL to include it)");
}
process.exit(0);
