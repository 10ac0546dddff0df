import "server-only";
import { DEFAULT_TIMEOUT_MS } from "../http";
import { idFormats } from "../id-formats";
import { deleteBatch } from "./delete";
import { listVideos } from "./list";
import { findVideos, LOOKUP_CHUNK, listPage, namespaceField } from "./lookup";
import {
  failedLookup,
  failedOutcome,
  invalidId,
  toLookupResult,
} from "./outcomes";
import { MEMORIES_RATE, paceKey } from "./pacer";
import type { Failure, MemoriesApiVersion, WireContext } from "./wire";
import { accountBudgets, accountTag, type RateGate } from "../rate-budget";
import type { LookupResult, OutcomeResult, ProviderAdapter } from "../types";

// memories.ai private video library (docs/providers/memories.md). delete_videos answers one
// code for the whole batch and silently accepts unknown IDs (§3), so every delete is bracketed by
// look-ups (§8): absent before ⇒ not_found; present before and absent after ⇒ deleted.

export interface MemoriesAdapterConfig {
  /** e.g. `https://api.memories.ai` (§1). */
  baseUrl: string;
  /** Sent raw in `Authorization`, no `Bearer ` prefix (§2). */
  apiKey: string;
  /** §2 namespace; default "default". The v1.1 paths have none and act on the default namespace. */
  uniqueId?: string;
  /** §1: "v1" = `/serve/api/v1/...` (current, default); "v1.1" = `/serve/api/video/...`. */
  apiVersion?: MemoriesApiVersion;
  timeoutMs?: number;
  /**
   * Awaited before every request with its endpoint's budget (the registry passes the shared one).
   * Without it, requests are paced in this process (pacer.ts).
   */
  gate?: RateGate;
}

/** §7: `VI` + digits (18 in real IDs; lenient on length), and `PI-` + digits for public imports. */
export const MEMORIES_ID_PATTERN = idFormats.memories.pattern;
const ID_FORMAT = idFormats.memories.description;

/** §7: PARSE_ERROR (Code page) and FAILED (v1.2 list table) both name the failed state. */
export const MEMORIES_STATUSES = [
  "UNPARSE",
  "PARSE",
  "PARSE_ERROR",
  "FAILED",
] as const;

/** §3: at most 100 IDs per delete. */
const V1_MAX_BATCH = 100;
/**
 * v1.1 cannot look up a batch (§4), so on a library larger than one page each ID costs a
 * list_videos call before and after the delete, at 5 a second (§6): 20 IDs keep one delete()
 * near 8 seconds instead of 40.
 */
const V11_MAX_BATCH = 20;

/**
 * The memories.ai adapter. Every delete() costs a list_videos call before (unless the caller
 * pre-checked the IDs) and after each batch (delete.ts); every call draws on its endpoint's budget
 * of 5 a second (§6): delete_videos on one, list_videos (look-ups, list, health check) on the
 * other. `lookup` and `delete` never throw for provider or network failures; `list` throws
 * ProviderListError.
 */
export function createMemoriesAdapter(
  config: MemoriesAdapterConfig,
): ProviderAdapter {
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const apiVersion = config.apiVersion ?? "v1";
  // §6: per account, delete and list counted separately; every look-up is a list_videos call.
  const deleteBudget = { endpoint: "delete_videos", ...MEMORIES_RATE };
  const listBudget = { endpoint: "list_videos", ...MEMORIES_RATE };
  const rateBudgets = accountBudgets(
    "memories",
    accountTag(baseUrl, config.apiKey),
    { delete: deleteBudget, lookup: listBudget, list: listBudget },
  );
  const ctx: WireContext = {
    baseUrl,
    apiKey: config.apiKey,
    uniqueId: config.uniqueId || "default",
    apiVersion,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    paceKey: paceKey(baseUrl, config.apiKey),
    ...(config.gate
      ? { rate: { gate: config.gate, budgets: rateBudgets } }
      : {}),
  };
  const maxBatch = apiVersion === "v1" ? V1_MAX_BATCH : V11_MAX_BATCH;

  /** Distinct IDs, with malformed ones answered at once and never sent. */
  function partition<T>(ids: string[], reject: (failure: Failure) => T) {
    const results = new Map<string, T>();
    const valid: string[] = [];
    for (const id of new Set(ids)) {
      if (MEMORIES_ID_PATTERN.test(id)) valid.push(id);
      else results.set(id, reject(invalidId(ID_FORMAT)));
    }
    return { results, valid };
  }

  const unexpected = (error: unknown): Failure => ({
    code: "internal",
    message: `memories adapter error: ${(error as Error)?.message ?? String(error)}`,
    retryable: true,
  });

  return {
    id: "memories",
    label: "memories.ai",
    idPattern: MEMORIES_ID_PATTERN,
    idFormat: ID_FORMAT,
    maxBatch,
    answersPerId: false,
    rateLimit: { ...MEMORIES_RATE },
    rateBudgets,
    statuses: MEMORIES_STATUSES,

    async lookup(ids) {
      const { results, valid } = partition<LookupResult>(ids, failedLookup);
      try {
        for (let i = 0; i < valid.length; i += LOOKUP_CHUNK) {
          const part = valid.slice(i, i + LOOKUP_CHUNK);
          const found = await findVideos(ctx, part);
          for (const id of part)
            results.set(id, toLookupResult(ctx, id, found.get(id)!));
        }
      } catch (error) {
        for (const id of valid)
          if (!results.has(id))
            results.set(id, failedLookup(unexpected(error)));
      }
      return results;
    },

    async delete(ids, options = {}) {
      const { results, valid } = partition<OutcomeResult>(ids, failedOutcome);
      try {
        for (let i = 0; i < valid.length; i += maxBatch) {
          for (const [id, outcome] of await deleteBatch(
            ctx,
            valid.slice(i, i + maxBatch),
            options,
          ))
            results.set(id, outcome);
        }
      } catch (error) {
        for (const id of valid)
          if (!results.has(id))
            results.set(id, failedOutcome(unexpected(error)));
      }
      return results;
    },

    list: (params) => listVideos(ctx, params),

    async healthCheck() {
      const answer = await listPage(ctx, {
        page: 1,
        size: 1,
        ...namespaceField(ctx),
      });
      if (answer.kind === "failed")
        return { ok: false, message: answer.failure.message };
      return { ok: true, message: "credentials accepted" };
    },
  };
}
