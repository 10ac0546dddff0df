// Credentials and tunables of the memories.ai fake: its rate limit and switches between the
// readings of docs/providers/memories.md that it marks [unknown] or [doc inconsistency], so an
// adapter can be tested against each. Defaults are in fake.ts's header comment.
import { z } from "zod";

type Env = Readonly<Record<string, string | undefined>>;

export interface MemoriesCredentials {
  apiKey: string;
  /** Owns the `other` videos; the console's key never sees them. */
  otherApiKey: string;
}

export function memoriesCredentialsFromEnv(
  env: Env = process.env,
): MemoriesCredentials {
  return {
    apiKey: env.SANDBOX_MEMORIES_API_KEY || "sk-mavi-sandbox-memories-key",
    otherApiKey:
      env.SANDBOX_MEMORIES_OTHER_API_KEY || "sk-mavi-sandbox-other-account",
  };
}

export const memoriesLimitsSchema = z
  .strictObject({
    /** Requests per second per account, for delete, list and get_metadata each; 0 = unlimited. */
    qps: z.number().int().min(0),
    /** §3: a delete naming an already-deleted video of the caller gets "0000" or "0409". */
    redeleteCode: z.enum(["0000", "0409"]),
    /** §3: successful delete carries `data: null` (prose) or `data: {}` (curl sample). */
    deleteData: z.enum(["null", "object"]),
    /** §7 [unknown]: whether delete_videos removes UNPARSE videos. */
    unparseDeletable: z.boolean(),
    /** §7 [unknown]: whether delete_videos removes `PI-` imports. */
    publicImportDeletable: z.boolean(),
    /** §7 [doc inconsistency]: spelling of the failed status the fake emits. */
    failedStatus: z.enum(["PARSE_ERROR", "FAILED"]),
  })
  .partial();

export type MemoriesLimits = Required<z.infer<typeof memoriesLimitsSchema>>;

/** §6: "Delete QPS 5 per account", "List QPS 5 per account". */
export const MEMORIES_DEFAULT_QPS = 5;

export function memoriesLimitsFromEnv(env: Env = process.env): MemoriesLimits {
  const qps = Number(env.SANDBOX_MEMORIES_QPS);
  const valid = env.SANDBOX_MEMORIES_QPS && Number.isInteger(qps) && qps >= 0;
  return {
    qps: valid ? qps : MEMORIES_DEFAULT_QPS,
    redeleteCode: "0000",
    deleteData: "null",
    unparseDeletable: true,
    publicImportDeletable: false,
    failedStatus: "PARSE_ERROR",
  };
}
