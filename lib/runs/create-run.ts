import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { auditContext, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Operator } from "@/lib/auth/operator";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open-db";
import { runItems, runs } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { idKindLabels } from "@/lib/providers/id-formats";
import type { IdKind } from "@/lib/providers/types";
import { chunk } from "@/lib/utils";
import { excludedByEvidence, exclusionRecord } from "./preview-evidence";
import { validateIds } from "./preview-run";
import {
  confirmationMatches,
  confirmationPhrase,
  type StartRunBody,
} from "./schemas";
import { requireAdapter } from "./worker/provider-access";

// Two bind parameters per row; 10,000 rows stay far below PostgreSQL's 65,535-parameter limit.
const INSERT_CHUNK = 10_000;
const ACTIVE_STATUSES = ["queued", "running", "paused"] as const;

function hashRequest(body: StartRunBody & { idKind: IdKind }): string {
  const fields: unknown[] = [body.provider, body.ids, body.confirmation];
  // Video-ID runs hash as they did before ID kinds existed, so a retried request still matches.
  if (body.idKind !== "video") fields.push(body.idKind);
  if (body.exclude) fields.push({ exclude: body.exclude });
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}

async function findIdempotent(
  userId: string,
  key: string,
  requestHash: string,
) {
  const db = await getDb();
  const [existing] = await db
    .select({ id: runs.id, requestHash: runs.requestHash })
    .from(runs)
    .where(and(eq(runs.createdBy, userId), eq(runs.idempotencyKey, key)));
  if (!existing) return null;
  if (existing.requestHash !== requestHash) {
    throw new ApiError(
      "conflict",
      "This Idempotency-Key was already used with a different request body.",
    );
  }
  return existing.id;
}

/**
 * The user's runs in progress and the cap (ERASURE_MAX_ACTIVE_RUNS_PER_USER), so the form can
 * say "2 of 3 active runs in use" before the operator previews and types the phrase.
 */
export async function activeRunsOf(
  userId: string,
): Promise<{ active: number; max: number }> {
  const db = await getDb();
  const [{ active }] = (await db
    .select({ active: sql<number>`count(*)::int` })
    .from(runs)
    .where(
      and(
        eq(runs.createdBy, userId),
        inArray(runs.status, [...ACTIVE_STATUSES]),
      ),
    )) as [{ active: number }];
  return { active, max: getEnv().ERASURE_MAX_ACTIVE_RUNS_PER_USER };
}

/**
 * Starts a deletion run.
 * 1. Validates and de-duplicates the IDs exactly as the preview did.
 * 2. Replays an earlier run for the same Idempotency-Key and body (409 for another body).
 * 3. Resolves `exclude` against the preview's signed evidence (422 for evidence this console
 *    did not sign for this user, provider and ID kind) and checks the typed phrase, whose N is
 *    the IDs left to delete.
 * 4. Refuses a user's run beyond ERASURE_MAX_ACTIVE_RUNS_PER_USER (429 with Retry-After).
 * 5. Writes the run, one pending item per distinct ID to delete, one `skipped` item per excluded
 *    ID and the `run.started` event in ONE transaction, before any provider call; the worker
 *    picks the pending ones up afterwards.
 */
export async function createRun(
  operator: Operator,
  input: StartRunBody,
  meta: {
    idempotencyKey?: string;
    ip?: string;
    userAgent?: string;
    /** Who started it from which request; defaults to the operator without request details. */
    audit?: ReturnType<typeof auditContext>;
  },
): Promise<{ id: string; replayed: boolean }> {
  const body = { ...input, idKind: input.idKind ?? "video" };
  requireAdapter(body.provider, body.idKind);
  const { valid } = validateIds(body.provider, body.ids, body.idKind);
  if (valid.length === 0)
    throw new ApiError(
      "unprocessable",
      `None of the IDs is a well-formed ${idKindLabels[body.idKind].singular} for this provider.`,
    );
  const requestHash = hashRequest(body);
  if (meta.idempotencyKey) {
    const replay = await findIdempotent(
      operator.id,
      meta.idempotencyKey,
      requestHash,
    );
    if (replay) return { id: replay, replayed: true };
  }
  // Only IDs the signed preview evidence classified so are excluded (preview-evidence.ts).
  const excluded = body.exclude
    ? exclusionRecord(
        excludedByEvidence(
          { provider: body.provider, idKind: body.idKind, userId: operator.id },
          valid,
          body.exclude,
        ),
      )
    : null;
  const toSend = valid.length - (excluded?.rows.length ?? 0);
  if (toSend === 0)
    throw new ApiError(
      "unprocessable",
      "Every ID is excluded: there is nothing to delete.",
    );
  if (!confirmationMatches(body.confirmation, toSend)) {
    throw new ApiError(
      "unprocessable",
      `Confirmation does not match: type "${confirmationPhrase(toSend)}".`,
    );
  }

  const db = await getDb();
  const { active, max: maxActive } = await activeRunsOf(operator.id);
  if (active >= maxActive) {
    throw new ApiError(
      "rate_limited",
      `You already have ${active} runs in progress (at most ${maxActive}); wait for one to finish.`,
      {
        retryAfterSeconds: 30,
      },
    );
  }

  try {
    const id = await db.transaction(async (tx) => {
      const [run] = await tx
        .insert(runs)
        .values({
          provider: body.provider,
          idKind: body.idKind,
          total: valid.length,
          confirmation: body.confirmation.trim(),
          createdBy: operator.id,
          tokenId: operator.via.kind === "token" ? operator.via.tokenId : null,
          startedVia:
            operator.via.kind === "token"
              ? `token: ${operator.via.tokenName}`
              : "browser",
          ip: meta.ip,
          userAgent: meta.userAgent?.slice(0, 500),
          idempotencyKey: meta.idempotencyKey,
          requestHash,
        })
        .returning({ id: runs.id });
      const skipped = new Set(excluded?.rows.map((row) => row.videoId));
      const toDelete = skipped.size
        ? valid.filter((videoId) => !skipped.has(videoId))
        : valid;
      for (const part of chunk(toDelete, INSERT_CHUNK)) {
        await tx
          .insert(runItems)
          .values(part.map((videoId) => ({ runId: run!.id, videoId })));
      }
      // Excluded IDs stay on the record, final from the start: the worker claims only pending rows.
      for (const part of chunk(excluded?.rows ?? [], INSERT_CHUNK / 2)) {
        await tx
          .insert(runItems)
          .values(part.map((row) => ({ runId: run!.id, ...row })));
      }
      // The confirmation is part of the record, written with the run, before any provider call.
      await recordAuditEvent(
        {
          ...(meta.audit ?? auditContext(operator)),
          action: "run.started",
          targetType: "run",
          targetId: run!.id,
          details: {
            provider: body.provider,
            idKind: body.idKind,
            total: valid.length,
            confirmation: body.confirmation.trim(),
            idempotencyKey: meta.idempotencyKey ?? null,
            ...(excluded ? { toDelete: toSend, excluded: excluded.audit } : {}),
          },
        },
        tx as unknown as Db,
      );
      return run!.id;
    });
    return { id, replayed: false };
  } catch (error) {
    // Two concurrent requests with one key: the loser replays the winner's run.
    if (
      meta.idempotencyKey &&
      String(
        (error as { cause?: { code?: string } }).cause?.code ??
          (error as { code?: string }).code,
      ) === "23505"
    ) {
      const replay = await findIdempotent(
        operator.id,
        meta.idempotencyKey,
        requestHash,
      );
      if (replay) return { id: replay, replayed: true };
    }
    throw error;
  }
}
