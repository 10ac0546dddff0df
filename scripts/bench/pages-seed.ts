// `npm run bench:pages`: 10,000 runs of the last 60 days written straight into a fresh PGlite
// folder before the console opens it, with the demo accounts (so the console's demo start accepts
// the folder). Only runs rows, their items_* counters filled in as the trigger would keep them;
// the home page never reads run_items, so none are written.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db/client";
import { runs, users } from "@/lib/db/schema";
import { demoAccounts } from "../demo-accounts";
import { seedDemoAccounts } from "../seed-demo-accounts";

const DAY_MS = 86_400_000;
const CHUNK = 500;

/** mulberry32: the same 10,000 runs on every machine. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type RunRow = typeof runs.$inferInsert;

function seededRun(next: () => number, createdBy: string, now: number): RunRow {
  const createdAt = new Date(now - next() * 60 * DAY_MS - 3_600_000);
  const total = 1 + Math.floor(next() ** 3 * 5000);
  const kind = next();
  const base: RunRow = {
    provider: (["vod", "memories", "akool", "imagine"] as const)[
      Math.floor(next() * 4)
    ]!,
    total,
    confirmation: `delete ${total.toLocaleString("en-US")} videos`,
    createdBy,
    startedVia: next() < 0.7 ? "browser" : "nightly-cleanup",
    requestHash: randomBytes(16).toString("hex"),
    createdAt,
    startedAt: createdAt,
    finishedAt: new Date(createdAt.getTime() + 60_000 + next() * 7_200_000),
    status: "completed",
  };
  const notFound = Math.floor(total * next() * 0.1);
  if (kind < 0.8)
    return {
      ...base,
      itemsDeleted: total - notFound,
      itemsNotFound: notFound,
    };
  if (kind < 0.92) {
    const forbidden = Math.floor((total - notFound) * next() * 0.3);
    const failed = Math.floor((total - notFound - forbidden) * next() * 0.05);
    const processing = next() < 0.3 ? Math.min(3, total - notFound) : 0;
    return {
      ...base,
      status:
        forbidden + failed + processing > 0
          ? "completed_with_issues"
          : "completed",
      itemsDeleted: total - notFound - forbidden - failed - processing,
      itemsNotFound: notFound,
      itemsForbidden: forbidden,
      itemsFailed: failed,
      itemsProcessing: processing,
    };
  }
  if (kind < 0.95)
    return {
      ...base,
      status: "aborted",
      statusReason: "the provider answered 500 to every request",
      itemsDeleted: Math.floor(total / 3),
      itemsFailed: total - Math.floor(total / 3),
    };
  // Cancelled after its last batch: every row it sent has its outcome.
  return { ...base, status: "cancelled", itemsDeleted: total };
}

/** Seeds ERASURE_DATA_DIR (set by the caller) and closes it, so the console can open it. */
export async function seedRuns(count: number): Promise<void> {
  await seedDemoAccounts();
  const db = await getDb();
  const operator = demoAccounts.find((account) => account.role === "operator")!;
  const [owner] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, operator.email));
  const next = random(20261207);
  const now = Date.now();
  const rows = Array.from({ length: count }, () =>
    seededRun(next, owner!.id, now),
  );
  // Two runs waiting for their automatic resume, as the home page's "Awaiting" card shows them.
  for (const row of rows.slice(0, 2))
    Object.assign(row, {
      status: "paused",
      statusReason: "credentials rejected by the provider",
      resumeAt: new Date(now + 15 * 60_000),
      finishedAt: null,
      itemsPending: row.total,
      itemsDeleted: 0,
      itemsNotFound: 0,
      itemsForbidden: 0,
      itemsFailed: 0,
      itemsProcessing: 0,
    });
  for (let i = 0; i < rows.length; i += CHUNK)
    await db.insert(runs).values(rows.slice(i, i + CHUNK));
  await closeDb();
}
