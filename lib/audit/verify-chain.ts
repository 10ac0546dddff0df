import "server-only";
import { asc, eq, gt } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { eventHash, GENESIS_HASH } from "./chain";

export type VerifyResult =
  | { ok: true; count: number; lastPosition: number; lastHash: string }
  | { ok: false; count: number; position: number; problem: string };

const PAGE = 5000;

/** Where a verification may start: an event whose hash an earlier full verification recomputed. */
export interface VerifiedEnd {
  position: number;
  hash: string;
}

/**
 * Recomputes the chain in position order, page by page: positions must run 1, 2, 3… (a deleted
 * middle row leaves a gap), each prev_hash must equal the previous hash, and each hash must match
 * its recomputation (an edited row does not). With `from`, only the events after that verified
 * end are recomputed, once the event there still holds the hash it was verified with.
 */
export async function verifyChain(from?: VerifiedEnd): Promise<VerifyResult> {
  const db = await getDb();
  let expectedPosition = 1;
  let previous = GENESIS_HASH;
  let count = 0;
  if (from) {
    const [anchor] = await db
      .select({ hash: auditEvents.hash })
      .from(auditEvents)
      .where(eq(auditEvents.position, from.position));
    // Gone altogether: recompute from the first event; the caller reports the shortened log.
    if (!anchor) return verifyChain();
    if (anchor.hash !== from.hash)
      return {
        ok: false,
        count,
        position: from.position,
        problem: `event ${from.position} no longer holds the hash it had when the log was last verified in full`,
      };
    expectedPosition = from.position + 1;
    previous = from.hash;
  }
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
