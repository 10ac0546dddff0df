import { z } from "zod";
import { checkpointSchema, verifyCheckpoint } from "@/lib/audit/checkpoint";
import { recordAuditEvent, requestAudit } from "@/lib/audit/record-audit-event";
import { verifyChain } from "@/lib/audit/verify-chain";
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
// broken link; with ?checkpoint= also check a downloaded signed checkpoint (a truncated tail)
export const GET = withOperator(
  async (ctx) => {
    const result = await verifyChain();
    const encoded = ctx.query.checkpoint;
    const checkpoint = encoded
      ? await verifyCheckpoint(parseCheckpoint(encoded))
      : null;
    const chainMessage = result.ok
      ? `${result.count} events verified, chain intact`
      : `Chain broken at event ${result.position}: ${result.problem}`;
    await recordAuditEvent({
      ...requestAudit(ctx),
      action: "audit.verified",
      details: {
        ...(result.ok
          ? { ok: true, count: result.count }
          : { ok: false, position: result.position, problem: result.problem }),
        ...(checkpoint ? { checkpoint } : {}),
      },
    });
    return {
      ...result,
      ok: result.ok && (checkpoint?.ok ?? true),
      checkpoint,
      message: checkpoint
        ? `${chainMessage}. ${checkpoint.message}`
        : chainMessage,
    };
  },
  {
    role: "viewer",
    query: z.object({ checkpoint: z.string().max(4000).optional() }),
  },
);
