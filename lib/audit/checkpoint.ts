import "server-only";
import {
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { canonicalJson } from "./canonical-json";

export const checkpointSchema = z.object({
  position: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  publicKey: z.string(),
  signature: z.string(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

function signingKey(): KeyObject {
  const raw = getEnv().ERASURE_AUDIT_SIGNING_KEY;
  if (!raw)
    throw new ApiError(
      "conflict",
      "Set ERASURE_AUDIT_SIGNING_KEY (an Ed25519 private key) to sign checkpoints.",
    );
  const key = raw.includes("BEGIN")
    ? createPrivateKey(raw)
    : createPrivateKey({
        key: Buffer.from(raw, "base64"),
        format: "der",
        type: "pkcs8",
      });
  if (key.asymmetricKeyType !== "ed25519")
    throw new ApiError(
      "conflict",
      "ERASURE_AUDIT_SIGNING_KEY is not an Ed25519 key.",
    );
  return key;
}

const payload = (checkpoint: Pick<Checkpoint, "position" | "hash" | "at">) =>
  Buffer.from(
    canonicalJson({
      position: checkpoint.position,
      hash: checkpoint.hash,
      at: checkpoint.at,
    }),
  );

/** The chain's latest position and hash, signed, to be kept outside the database. */
export async function createCheckpoint(): Promise<Checkpoint> {
  const key = signingKey();
  const db = await getDb();
  const [last] = await db
    .select({ position: auditEvents.position, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.position))
    .limit(1);
  if (!last)
    throw new ApiError(
      "conflict",
      "The audit log is empty; there is nothing to checkpoint yet.",
    );
  const body = {
    position: last.position,
    hash: last.hash,
    at: new Date().toISOString(),
  };
  return {
    ...body,
    publicKey: createPublicKey(key)
      .export({ format: "der", type: "spki" })
      .toString("base64"),
    signature: sign(null, payload(body), key).toString("base64"),
  };
}

/**
 * Checks a checkpoint against the log: its signature must be ours (made with the configured
 * key), and the event at its position must still carry its hash. A truncated tail — events
 * removed from the end, which the chain alone cannot reveal — fails here.
 */
export async function verifyCheckpoint(
  checkpoint: Checkpoint,
): Promise<{ ok: boolean; message: string }> {
  const ours = createPublicKey(signingKey())
    .export({ format: "der", type: "spki" })
    .toString("base64");
  if (checkpoint.publicKey !== ours)
    return {
      ok: false,
      message: "The checkpoint was signed with another key.",
    };
  const valid = verify(
    null,
    payload(checkpoint),
    createPublicKey({
      key: Buffer.from(ours, "base64"),
      format: "der",
      type: "spki",
    }),
    Buffer.from(checkpoint.signature, "base64"),
  );
  if (!valid)
    return {
      ok: false,
      message: "The checkpoint's signature does not match its content.",
    };
  const db = await getDb();
  const [event] = await db
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.position, checkpoint.position));
  if (!event) {
    const [last] = await db
      .select({ position: auditEvents.position })
      .from(auditEvents)
      .orderBy(desc(auditEvents.position))
      .limit(1);
    return {
      ok: false,
      message: `The log ends at event ${last?.position ?? 0}, but the checkpoint of ${checkpoint.at} recorded event ${checkpoint.position}: events were removed from the end.`,
    };
  }
  if (event.hash !== checkpoint.hash)
    return {
      ok: false,
      message: `Event ${checkpoint.position} no longer has the hash the checkpoint recorded.`,
    };
  return {
    ok: true,
    message: `Latest hash matches the checkpoint of ${checkpoint.at} (event ${checkpoint.position}).`,
  };
}
