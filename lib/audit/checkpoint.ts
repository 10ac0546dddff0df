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
import { EnvError, getEnv, type Env } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { canonicalJson } from "./canonical-json";
import {
  latestPublishedCheckpoint,
  publishCheckpoint,
} from "./published-checkpoints";

export const checkpointSchema = z.object({
  position: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  publicKey: z.string(),
  signature: z.string(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

const KEY_HELP =
  "an Ed25519 private key, PEM or base64 of PKCS#8 DER; `openssl genpkey -algorithm ed25519` makes one";

/** The Ed25519 key in `raw`, or null when it is not one. */
function parseSigningKey(raw: string): KeyObject | null {
  try {
    const key = raw.includes("BEGIN")
      ? createPrivateKey(raw)
      : createPrivateKey({
          key: Buffer.from(raw, "base64"),
          format: "der",
          type: "pkcs8",
        });
    return key.asymmetricKeyType === "ed25519" ? key : null;
  } catch {
    return null;
  }
}

/**
 * Start-up check. Without a signing key nothing outside the database records where the log
 * ended, so events cut from its end would go unnoticed: production refuses to start without
 * one (the demo makes its own). A key that is set must be usable everywhere.
 */
export function assertAuditSigningConfigured(env: Env): void {
  const raw = env.ERASURE_AUDIT_SIGNING_KEY;
  if (!raw) {
    if (env.NODE_ENV === "production")
      throw new EnvError(
        `Invalid environment configuration:\n  ERASURE_AUDIT_SIGNING_KEY: is required in production (${KEY_HELP}); without it nobody can prove that no events were cut from the end of the audit log`,
      );
    return;
  }
  if (!parseSigningKey(raw))
    throw new EnvError(
      `Invalid environment configuration:\n  ERASURE_AUDIT_SIGNING_KEY: is not an Ed25519 private key (${KEY_HELP})`,
    );
}

function signingKey(): KeyObject {
  const raw = getEnv().ERASURE_AUDIT_SIGNING_KEY;
  if (!raw)
    throw new ApiError(
      "conflict",
      "Set ERASURE_AUDIT_SIGNING_KEY (an Ed25519 private key) to sign checkpoints.",
    );
  const key = parseSigningKey(raw);
  if (!key)
    throw new ApiError(
      "conflict",
      "ERASURE_AUDIT_SIGNING_KEY is not an Ed25519 key.",
    );
  return key;
}

const publicKeyOf = (key: KeyObject) =>
  createPublicKey(key)
    .export({ format: "der", type: "spki" })
    .toString("base64");

const payload = (checkpoint: Pick<Checkpoint, "position" | "hash" | "at">) =>
  Buffer.from(
    canonicalJson({
      position: checkpoint.position,
      hash: checkpoint.hash,
      at: checkpoint.at,
    }),
  );

/**
 * The chain's latest position and hash, signed, and published as a file in ERASURE_CHECKPOINT_DIR
 * (once per position) so that a copy lives outside the database whoever asked for it.
 */
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
  const checkpoint = {
    ...body,
    publicKey: publicKeyOf(key),
    signature: sign(null, payload(body), key).toString("base64"),
  };
  await publishCheckpoint(checkpoint);
  return checkpoint;
}

/**
 * Checks a checkpoint against the log: its signature must be ours (made with the configured
 * key), and the event at its position must still carry its hash. A truncated tail — events
 * removed from the end, which the chain alone cannot reveal — fails here. `label` names the
 * checkpoint in the answer.
 */
export async function verifyCheckpoint(
  checkpoint: Checkpoint,
  label = "checkpoint",
): Promise<{ ok: boolean; message: string }> {
  const ours = publicKeyOf(signingKey());
  if (checkpoint.publicKey !== ours)
    return {
      ok: false,
      message: `The ${label} was signed with another key.`,
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
      message: `The ${label}'s signature does not match its content.`,
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
      message: `The log ends at event ${last?.position ?? 0}, but the ${label} of ${checkpoint.at} recorded event ${checkpoint.position}: events were removed from the end.`,
    };
  }
  if (event.hash !== checkpoint.hash)
    return {
      ok: false,
      message: `Event ${checkpoint.position} no longer has the hash the ${label} of ${checkpoint.at} recorded.`,
    };
  return {
    ok: true,
    message: `Matches the ${label} of event ${checkpoint.position} (${checkpoint.at}).`,
  };
}

/**
 * Compares the log with the latest checkpoint in ERASURE_CHECKPOINT_DIR, so that Verify notices a
 * cut tail without anyone uploading a file. Null without a signing key (development).
 */
export async function verifyPublishedCheckpoint(): Promise<{
  ok: boolean;
  message: string;
} | null> {
  if (!getEnv().ERASURE_AUDIT_SIGNING_KEY) return null;
  const latest = await latestPublishedCheckpoint();
  if (!latest)
    return {
      ok: true,
      message:
        "No checkpoint has been published yet to compare the end of the log with.",
    };
  const parsed = checkpointSchema.safeParse(
    (() => {
      try {
        return JSON.parse(latest.content);
      } catch {
        return null;
      }
    })(),
  );
  if (!parsed.success)
    return {
      ok: false,
      message: `The published checkpoint ${latest.file} is not a checkpoint file.`,
    };
  return verifyCheckpoint(parsed.data, "published checkpoint");
}
