// Tunables of the AKOOL fake: caps and switches between readings of docs/providers/akool.md where
// it says [unknown], so adapters can be tested against each reading. Defaults are in fake.ts's
// header comment.
import { z } from "zod";
import type { AkoolStatus } from "./store";

const idMode = z.enum(["no_permission", "omit"]);

export const akoolLimitsSchema = z
  .strictObject({
    /** IDs per delbyids / resultsByIds call; 0 = no cap. */
    batchCap: z.number().int().min(0).max(1_000_000),
    tokenTtlMs: z.number().int().min(1),
    /** Unknown or already-deleted IDs: in `noPermissionItems`, or in neither list. */
    missingIdMode: idMode,
    missingIdMsg: z.string().min(1),
    /** Another account's IDs, likewise. */
    foreignIdMode: idMode,
    foreignIdMsg: z.string().min(1),
    /** Statuses refused with the processing message. */
    blockedStatuses: z.array(
      z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    ),
    bearerAcceptsApiKey: z.boolean(),
    /** Every authenticated call answers 1200 (§5: account is banned). */
    banned: z.boolean(),
  })
  .partial();

export interface AkoolLimits {
  batchCap: number;
  tokenTtlMs: number;
  missingIdMode: "no_permission" | "omit";
  missingIdMsg: string;
  foreignIdMode: "no_permission" | "omit";
  foreignIdMsg: string;
  blockedStatuses: AkoolStatus[];
  bearerAcceptsApiKey: boolean;
  banned: boolean;
}

export const AKOOL_DEFAULT_BATCH_CAP = 100;

export const DEFAULT_AKOOL_LIMITS: AkoolLimits = {
  batchCap: AKOOL_DEFAULT_BATCH_CAP,
  tokenTtlMs: 366 * 24 * 60 * 60 * 1000,
  missingIdMode: "no_permission",
  missingIdMsg: "video resource does not exist",
  foreignIdMode: "no_permission",
  foreignIdMsg: "no permission to operate this video resource",
  blockedStatuses: [2],
  bearerAcceptsApiKey: false,
  banned: false,
};
