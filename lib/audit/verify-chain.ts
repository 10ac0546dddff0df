import "server-only";
import { asc, gt } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { eventHash, GENESIS_HASH } from "./chain";

export type VerifyResult =
  | { ok: true; count: number; lastPosition: number; lastHash: string }
  | { ok: false; count: number; position: number; problem: string };

const PAGE = 5000;

/**
 * Recomputes the whole chain in position order, page by page: positions must run 1, 2, 3…
 * (a deleted middle row leaves a gap), each prev_hash must equal the previous hash, and each
 * hash must match its recomputation (an edited row does not).
 */
export async function verifyChain(): Promise<VerifyResult> {
  const db = await getDb();
  let expectedPosition = 1;
  let previous = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.position, expectedPosition - 1))
      .orderBy(asc(auditEvents.position))
      .limit(PAGE);
    for (const row of rows) {
      if (row.position !== expectedPosition) {
        return {
          ok: false,
          count,
          position: expectedPosition,
          problem: `event ${expectedPosition} is missing (next is ${row.position})`,
        };
      }
      if (row.prevHash !== previous) {
        return {
          ok: false,
          count,
          position: row.position,
          problem: `event ${row.position} does not link to event ${row.position - 1}`,
        };
      }
      const { prevHash, hash, ...event } = row;
      if (eventHash(prevHash, event) !== hash) {
        return {
          ok: false,
          count,
          position: row.position,
          problem: `event ${row.position} was altered: its content no longer matches its hash`,
        };
      }
      previous = hash;
      expectedPosition++;
      count++;
    }
    if (rows.length < PAGE)
      return {
        ok: true,
        count,
        lastPosition: expectedPosition - 1,
        lastHash: previous,
      };
  }
}
