import "server-only";
import {
  verifyCheckpoint,
  verifyPublishedCheckpoint,
  type Checkpoint,
} from "./checkpoint";
import { verifyChain, type VerifyResult } from "./verify-chain";

type CheckpointResult = { ok: boolean; message: string };

// The chain's own `ok` becomes the overall one.
type ChainPart<T> = T extends unknown ? Omit<T, "ok"> : never;

export type LogVerification = ChainPart<VerifyResult> & {
  ok: boolean;
  message: string;
  /** The checkpoint the caller uploaded, if any. */
  checkpoint: CheckpointResult | null;
  /** The latest checkpoint in ERASURE_CHECKPOINT_DIR; null without a signing key. */
  published: CheckpointResult | null;
};

/**
 * Everything Verify answers: the recomputed chain (an edited or missing event), then the end of
 * the log against the latest published checkpoint and, if given, an uploaded one (events cut
 * from the end, which the chain alone cannot show).
 */
export async function verifyLog(
  uploaded?: Checkpoint,
): Promise<LogVerification> {
  const chain = await verifyChain();
  const published = await verifyPublishedCheckpoint();
  const checkpoint = uploaded ? await verifyCheckpoint(uploaded) : null;
  const chainSentence = chain.ok
    ? `${chain.count} events verified, chain intact`
    : `Chain broken at event ${chain.position}: ${chain.problem}`;
  const more = [published, checkpoint].flatMap((result) =>
    result ? [result.message] : [],
  );
  return {
    ...chain,
    ok: chain.ok && (published?.ok ?? true) && (checkpoint?.ok ?? true),
    checkpoint,
    published,
    message: [chainSentence, ...more].join(". "),
  };
}
