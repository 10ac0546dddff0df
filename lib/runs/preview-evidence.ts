import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { getAuthSecret } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import type { IdKind, ProviderId } from "@/lib/providers/types";
import {
  excludableExpectations,
  exclusionCodes,
  type ExcludableExpectation,
  type PreviewItem,
} from "./schemas";

// Exclusions rest on what a preview found, and the server keeps no preview: a preview of 5,000
// Imagine IDs takes over an hour of look-ups, so looking them up again when the run starts is
// not an option, and a stored preview would need a table shared by every instance. Instead the
// preview signs what it found (HMAC with a key derived from AUTH_SECRET, which every instance
// shares) and the caller sends it back. A caller can drop evidence (and so exclude less) but
// cannot add an ID to it. Evidence only ever skips videos, so its age can only leave a video
// undeleted that became deletable since, never delete one; it still expires, so a run's record
// never rests on a look-up from long ago.

/** How long a preview's evidence may be used to exclude IDs. */
export const EVIDENCE_MAX_AGE_MS = 6 * 60 * 60 * 1000;

const payloadSchema = z.object({
  v: z.literal(1),
  provider: z.string(),
  idKind: z.string(),
  userId: z.string(),
  /** When the look-ups answered, epoch ms. */
  at: z.number(),
  ids: z.partialRecord(z.enum(excludableExpectations), z.array(z.string())),
});
type Payload = z.infer<typeof payloadSchema>;

function key(): Buffer {
  return createHmac("sha256", getAuthSecret())
    .update("erasure preview evidence v1")
    .digest();
}

const mac = (body: string) =>
  createHmac("sha256", key()).update(body).digest("base64url");

interface EvidenceScope {
  provider: ProviderId;
  idKind: IdKind;
  userId: string;
}

/** Evidence for the excludable rows of `items`; undefined when there are none. */
export function signEvidence(
  scope: EvidenceScope,
  items: readonly PreviewItem[],
  at = Date.now(),
): string | undefined {
  const ids: Payload["ids"] = {};
  for (const item of items) {
    const expectation = item.expectation as ExcludableExpectation;
    if (!excludableExpectations.includes(expectation)) continue;
    (ids[expectation] ??= []).push(item.id);
  }
  if (Object.keys(ids).length === 0) return undefined;
  const payload: Payload = { v: 1, ...scope, at, ids };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(body)}`;
}

function refuse(message: string): never {
  throw new ApiError(
    "unprocessable",
    `Exclusions refused: ${message} Preview the list again.`,
  );
}

function open(token: string, scope: EvidenceScope, now: number): Payload {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined)
    refuse("the evidence is not a preview's.");
  const expected = Buffer.from(mac(body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    refuse("the evidence was not signed by this console or was changed.");
  const parsed = payloadSchema.safeParse(
    JSON.parse(Buffer.from(body, "base64url").toString("utf8")),
  );
  if (!parsed.success) refuse("the evidence is not a preview's.");
  const payload = parsed.data;
  if (payload.provider !== scope.provider || payload.idKind !== scope.idKind)
    refuse("the evidence comes from a preview of another provider or ID kind.");
  if (payload.userId !== scope.userId)
    refuse("the evidence comes from another user's preview.");
  if (now - payload.at > EVIDENCE_MAX_AGE_MS)
    refuse("the preview is more than 6 hours old.");
  return payload;
}

export interface Excluded {
  /** Why each excluded ID is skipped. */
  byId: Map<string, ExcludableExpectation>;
  /** When the oldest look-up used answered. */
  previewedAt: Date | null;
}

/**
 * The IDs of `valid` that signed preview evidence classified as one of `expectations`; nothing
 * else is ever excluded. Throws 422 for evidence this console did not sign for this user,
 * provider and ID kind in the last 6 hours.
 */
export function excludedByEvidence(
  scope: EvidenceScope,
  valid: readonly string[],
  exclusion: {
    expectations: readonly ExcludableExpectation[];
    evidence: readonly string[];
  },
  now = Date.now(),
): Excluded {
  const wanted = new Set(valid);
  const byId = new Map<string, ExcludableExpectation>();
  let oldest: number | null = null;
  for (const token of exclusion.evidence) {
    const payload = open(token, scope, now);
    oldest = Math.min(oldest ?? payload.at, payload.at);
    for (const expectation of exclusion.expectations)
      for (const id of payload.ids[expectation] ?? [])
        if (wanted.has(id) && !byId.has(id)) byId.set(id, expectation);
  }
  return { byId, previewedAt: oldest === null ? null : new Date(oldest) };
}

const exclusionMessages = {
  already_gone: "excluded at start: the preview found no such video",
  processing: "excluded at start: the preview found it still processing",
  not_yours: "excluded at start: the preview found it is not this account's",
} as const;

/** The `skipped` rows and the `run.started` account of what was excluded and why. */
export function exclusionRecord(excluded: Excluded) {
  const byCode: Record<string, string[]> = {};
  for (const [videoId, expectation] of excluded.byId)
    (byCode[exclusionCodes[expectation]] ??= []).push(videoId);
  return {
    rows: [...excluded.byId].map(([videoId, expectation]) => ({
      videoId,
      outcome: "skipped" as const,
      code: exclusionCodes[expectation],
      message: exclusionMessages[expectation],
    })),
    audit: {
      count: excluded.byId.size,
      reason:
        "the operator chose to skip IDs the preview found already gone, still processing or not this account's; they are recorded skipped and never sent",
      previewedAt: excluded.previewedAt?.toISOString() ?? null,
      counts: Object.fromEntries(
        Object.entries(byCode).map(([code, ids]) => [code, ids.length]),
      ),
      ids: byCode,
    },
  };
}
