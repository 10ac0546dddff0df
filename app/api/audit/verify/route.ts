import { z } from "zod";
import { checkpointSchema } from "@/lib/audit/checkpoint";
import { recordAuditEvent, requestAudit } from "@/lib/audit/record-audit-event";
import { verifyLog } from "@/lib/audit/verify-log";
import { ApiError } from "@/lib/http/errors";
import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

/** `?checkpoint=` carries the downloaded checkpoint file, base64url-encoded. */
function parseCheckpoint(encoded: string) {
  const parsed = checkpointSchema.safeParse(
    (() => {
      try {
        return JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
      } catch {
        return null;
      }
    })(),
  );
  if (!parsed.success)
    throw new ApiError(
      "unprocessable",
      "The checkpoint is not a checkpoint file downloaded from Erasure.",
    );
  return parsed.data;
}

// GET /api/audit/verify – recompute the hash chain: "N events verified, chain intact" or the first
// broken link; then compare the end of the log with the latest published checkpoint and, with
// ?checkpoint=, with a downloaded one (a truncated tail). Only what was appended since this
// process last verified the chain in full is recomputed, unless ?full=1.
export const GET = withOperator(
  async (ctx) => {
    const encoded = ctx.query.checkpoint;
    const result = await verifyLog(
      encoded ? parseCheckpoint(encoded) : undefined,
      { full: ctx.query.full !== undefined },
    );
    const { checkpoint, published, ...chain } = result;
    await recordAuditEvent({
      ...requestAudit(ctx),
      action: "audit.verified",
      details: {
        ...chain,
        ...(published ? { published } : {}),
        ...(checkpoint ? { checkpoint } : {}),
      },
    });
    return result;
  },
  {
    role: "viewer",
    query: z.object({
      checkpoint: z.string().max(4000).optional(),
      full: z.enum(["1", "true"]).optional(),
    }),
    recordsEvent: true,
  },
);
