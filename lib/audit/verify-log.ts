import "server-only";
import {
  verifyCheckpoint,
  verifyPublishedCheckpoint,
  type Checkpoint,
} from "./checkpoint";
import {
  verifyChain,
  type VerifiedEnd,
  type VerifyResult,
} from "./verify-chain";

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

// The end of the log as this process last verified it in full. Kept in memory, never in the
// database, which is what it vouches for: after a restart the first Verify is a full one again.
const globalForVerify = globalThis as typeof globalThis & {
  __erasureVerifiedEnd?: VerifiedEnd;
};

/**
 * Everything Verify answers: the chain (an edited or missing event), then the end of the log
 * against the latest published checkpoint and, if given, an uploaded one (events cut from the
 * end, which the chain alone cannot show). The chain is recomputed from the end this process
 * last verified in full, so repeated Verify costs only what was appended since; `full` (and the
 * first Verify after a start) recomputes it from the first event.
 */
export async function verifyLog(
  uploaded?: Checkpoint,
  options: { full?: boolean } = {},
): Promise<LogVerification & { since: number | null }> {
  const verifiedEnd = globalForVerify.__erasureVerifiedEnd;
  const from = options.full ? undefined : verifiedEnd;
  const chain = await verifyChain(from);
  // The log now ends before an event this process once verified: its tail was cut.
  const shortened =
    chain.ok && verifiedEnd && chain.lastPosition < verifiedEnd.position
      ? {
          ok: false,
          message: `The log ends at event ${chain.lastPosition}, but event ${verifiedEnd.position} was verified earlier: events were removed from the end`,
        }
      : null;
  const incremental = chain.ok && from && chain.lastPosition >= from.position;
  if (chain.ok)
    globalForVerify.__erasureVerifiedEnd = {
      position: chain.lastPosition,
      hash: chain.lastHash,
    };
  else globalForVerify.__erasureVerifiedEnd = undefined;
  const published = await verifyPublishedCheckpoint();
  const checkpoint = uploaded ? await verifyCheckpoint(uploaded) : null;
  const chainSentence = chain.ok
    ? incremental
      ? `${chain.count} events verified since event ${from.position} (verified in full before), chain intact`
      : `${chain.count} events verified, chain intact`
    : `Chain broken at event ${chain.position}: ${chain.problem}`;
  const more = [shortened, published, checkpoint].flatMap((result) =>
    result ? [result.message] : [],
  );
  return {
    ...chain,
    since: incremental ? from.position : null,
    ok:
      chain.ok &&
      !shortened &&
      (published?.ok ?? true) &&
      (checkpoint?.ok ?? true),
    checkpoint,
    published,
    message: [chainSentence, ...more].join(". "),
  };
}
