// The run page's header and rows come from one read (GET /api/runs/{id}/items answers both, in
// one snapshot): however the worker's writes interleave, the run's counts always match the rows
// returned with it. Two separate reads let a row show Deleted under "Queued, 0 of 10, Deleted 0".
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { resolveApiToken } from "@/lib/auth/api-tokens";
import type { Operator } from "@/lib/auth/operator";
import { getDb } from "@/lib/db/client";
import { bearer, makeUser } from "@/lib/testing/fixtures";
import { createRun } from "./create-run";
import { readRunPage } from "./read-runs";
import { confirmationPhrase, runItemsQuerySchema } from "./schemas";

// VOD counts as configured with any credentials; nothing is ever sent (no worker runs).
process.env.VOD_ACCESS_KEY_ID = "test-access-key";
process.env.VOD_ACCESS_KEY_SECRET = "test-access-secret";
process.env.VOD_ENDPOINT = "http://127.0.0.1:9/vod/";

let operator: Operator;
beforeAll(async () => {
  operator = (await resolveApiToken(
    await bearer((await makeUser("operator")).id),
  ))!;
});

it("answers rows and the run's counts from the same moment while a writer records outcomes", async () => {
  const count = 60;
  const ids = Array.from({ length: count }, () =>
    randomUUID().replace(/-/g, ""),
  );
  const { id } = await createRun(
    operator,
    { provider: "vod", ids, confirmation: confirmationPhrase(count) },
    {},
  );
  const db = await getDb();
  // As the worker does: the claim marks the run running, then each recorded outcome commits on
  // its own.
  const writer = (async () => {
    await db.execute(sql`update runs set status = 'running' where id = ${id}`);
    for (const videoId of [...ids].sort())
      await db.execute(sql`update run_items set outcome = 'deleted', updated_at = now()
        where run_id = ${id} and video_id = ${videoId}`);
  })();
  const query = runItemsQuerySchema.parse({ limit: "1000" });
  let reads = 0;
  let done = false;
  void writer.then(() => (done = true));
  while (!done || reads === 0) {
    const page = await readRunPage(id, query);
    const deleted = page.items.filter(
      (item) => item.outcome === "deleted",
    ).length;
    expect(page.run.counts.deleted).toBe(deleted);
    expect(page.run.counts.pending).toBe(count - deleted);
    if (deleted > 0) expect(page.run.status).not.toBe("queued");
    reads++;
  }
  await writer;
  const last = await readRunPage(id, query);
  expect(last.run.counts.deleted).toBe(count);
  expect(reads).toBeGreaterThan(1);
});
