import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";

export const GENESIS_HASH = "0".repeat(64);

/** The hashed fields of an event, exactly as stored. */
export interface ChainedEvent {
  position: number;
  at: string;
  actorId: string | null;
  actor: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** `sha256(prev_hash ‖ canonical JSON of the event)` (docs/design.md §6). */
export function eventHash(prevHash: string, event: ChainedEvent): string {
  const body = canonicalJson({
    ...event,
    at: new Date(event.at).toISOString(),
  });
  return createHash("sha256").update(prevHash).update(body).digest("hex");
}
