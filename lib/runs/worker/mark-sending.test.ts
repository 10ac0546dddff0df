// The write-ahead before a provider call is fenced by a live lease: a row whose lease ran out
// (a lane stalled, say behind the rate gate) may already be another worker's, and sending it
// again could reach the provider after that worker recorded its final outcome (G4).
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { resolveApiToken } from "@/lib/auth/api-tokens";
import { getDb } from "@/lib/db/client";
import { bearer, makeUser } from "@/lib/testing/fixtures";
import { sleep } from "@/lib/utils";
import { createRun } from "../create-run";
import { claimItems } from "./claim-items";
import { markSending } from "./process-batch";

// VOD counts as configured with any credentials; nothing is sent (no worker runs here).
process.env.VOD_ACCESS_KEY_ID = "test-access-key";
process.env.VOD_ACCESS_KEY_SECRET = "test-access-secret";
process.env.VOD_ENDPOINT = "http://127.0.0.1:9/vod/";

it("sends only rows whose lease is still this worker's and unexpired, and restarts that lease", async () => {
  const user = await makeUser("operator");
  const operator = (await resolveApiToken(await bearer(user.id)))!;
  const ids = Array.from({ length: 2 }, () => randomUUID().replace(/-/g, ""));
  await createRun(
    operator,
    { provider: "vod", ids, confirmation: "delete 2 videos" },
    {},
  );
  const db = await getDb();
  const claim = (owner: string, leaseSeconds: number) =>
    claimItems(db, { provider: "vod", limit: 20, owner, leaseSeconds });

  const stale = await claim("lane-a", 1);
  expect(stale).toHaveLength(2);
  await sleep(1_200);
  // The lease ran out: nothing may be sent, even though nobody has claimed the rows yet.
  const sends = stale.map((item) => ({ item, preState: "present" as const }));
  expect(await markSending(db, "lane-a", 60, sends)).toEqual(new Set());

  const fresh = await claim("lane-b", 60);
  expect(fresh.map((item) => item.attempt)).toEqual([2, 2]);
  // The old holder is fenced out by attempt and owner; the new one may send.
  expect(await markSending(db, "lane-a", 60, sends)).toEqual(new Set());
  const marked = await markSending(
    db,
    "lane-b",
    60,
    fresh.map((item) => ({ item, preState: "present" as const })),
  );
  expect(marked.size).toBe(2);
  // In doubt with its evidence, and leased again from now: no other lane can claim it.
  expect(await claim("lane-c", 60)).toEqual([]);
});
