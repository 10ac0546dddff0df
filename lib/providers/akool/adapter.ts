import "server-only";

import { createAkoolClient } from "@/lib/providers/akool/auth";
import {
  confirmedOutcome,
  failedLookup,
  failedOutcome,
  groupAkoolIds,
  lookupResults,
  rejectionOutcome,
  spreadToCallerIds,
} from "@/lib/providers/akool/outcomes";
import {
  AKOOL_ID_PATTERN,
  AKOOL_NO_PERMISSION,
  AKOOL_NOT_FOUND,
  akoolDeleteDataSchema,
  akoolResultsDataSchema,
  malformedFailure,
} from "@/lib/providers/akool/wire";
import { DEFAULT_TIMEOUT_MS, failAll } from "@/lib/providers/http";
import {
  accountBudgets,
  accountTag,
  type RateGate,
} from "@/lib/providers/rate-budget";
import type {
  LookupResult,
  OutcomeResult,
  ProviderAdapter,
} from "@/lib/providers/types";
import { chunk } from "@/lib/utils";
import { idFormats } from "../id-formats";

// AKOOL image-to-video adapter (docs/providers/akool.md). Deletes by `_id` in batches through
// delbyids and settles whatever the delete answer leaves unsaid with resultsByIds (§8). AKOOL
// cannot list (§1), so there is no `list`.

const DELETE_PATH = "/api/open/v4/image2Video/delbyids";
const LOOKUP_PATH = "/api/open/v4/image2Video/resultsByIds";
/** §3, §6: the cap is undocumented; the doc suggests chunks of 20–50, we take its low end. */
export const AKOOL_DEFAULT_MAX_BATCH = 20;
/**
 * §6: no rate limit is documented; one call a second per account, every endpoint together, is
 * our conservative guess.
 */
export const AKOOL_RATE_LIMIT = { requests: 1, perMs: 1_000 } as const;
/** A well-formed ObjectId nobody owns: resultsByIds with it is the cheapest authenticated call. */
const HEALTH_PROBE_ID = "000000000000000000000000";
const ID_FORMAT = idFormats.akool.description;
const INVALID_MESSAGE = `not an Akool video ID: expected ${ID_FORMAT}`;
const GAP_MESSAGE = "no outcome was derived for this ID";

export interface AkoolAdapterConfig {
  /** `https://openapi.akool.com` in production (§1). */
  baseUrl: string;
  /** Sent as `x-api-key` (§2), unless clientId and clientSecret are both set. */
  apiKey?: string;
  /** With clientSecret: the legacy getToken flow and `Authorization: Bearer` (§2) instead. */
  clientId?: string;
  clientSecret?: string;
  /** IDs per delbyids / resultsByIds call; default AKOOL_DEFAULT_MAX_BATCH. */
  maxBatch?: number;
  timeoutMs?: number;
  /** Clock used for token expiry; defaults to Date.now (tests freeze it). */
  now?: () => number;
  /** Awaited before every request with its budget (the registry passes the shared one). */
  gate?: RateGate;
}

export function createAkoolAdapter(
  config: AkoolAdapterConfig,
): ProviderAdapter {
  const maxBatch = config.maxBatch ?? AKOOL_DEFAULT_MAX_BATCH;
  if (!Number.isInteger(maxBatch) || maxBatch < 1) {
    throw new Error("Akool maxBatch must be a positive integer");
  }
  // One budget for the account: the key (or client ID) the requests are sent with.
  const tokenMode = Boolean(config.clientId && config.clientSecret);
  const all = { endpoint: "all", ...AKOOL_RATE_LIMIT };
  const rateBudgets = accountBudgets(
    "akool",
    accountTag(
      config.baseUrl.replace(/\/+$/, ""),
      tokenMode ? `client:${config.clientId}` : config.apiKey,
    ),
    { delete: all, lookup: all, list: all },
  );
  const gate = config.gate;
  const client = createAkoolClient({
    baseUrl: config.baseUrl,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    apiKey: config.apiKey,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    now: config.now ?? Date.now,
    ...(gate
      ? {
          beforeRequest: (path: string) =>
            gate(
              path === DELETE_PATH ? rateBudgets.delete : rateBudgets.lookup,
            ),
        }
      : {}),
  });

  /** resultsByIds for lower-cased, valid IDs (§4). */
  async function lookupChunk(
    ids: string[],
  ): Promise<Map<string, LookupResult>> {
    const answer = await client.post(LOOKUP_PATH, { _ids: ids.join(",") });
    if (!answer.ok) {
      const { providerCode, code, message } = answer.failure;
      // §5/§8: whole-call 1008 "content does not exist", 1009 "no permission to operate".
      if (providerCode === AKOOL_NOT_FOUND)
        return failAll(ids, { state: "not_found", code, message });
      if (providerCode === AKOOL_NO_PERMISSION)
        return failAll(ids, { state: "forbidden", code, message });
      return failAll(ids, failedLookup(answer.failure));
    }
    const data = akoolResultsDataSchema.safeParse(answer.envelope.data);
    if (!data.success)
      return failAll(ids, failedLookup(malformedFailure(200, answer.text)));
    return lookupResults(ids, data.data.result);
  }

  async function confirmByLookup(
    ids: string[],
    said?: { code: string; message: string },
  ) {
    const seen = await lookupChunk(ids);
    return new Map(
      ids.map((id) => [id, confirmedOutcome(seen.get(id)!, said)]),
    );
  }

  async function deleteChunk(
    ids: string[],
  ): Promise<Map<string, OutcomeResult>> {
    // §3: one string of comma-joined IDs, no spaces, not a JSON array.
    const answer = await client.post(DELETE_PATH, { _ids: ids.join(",") });
    if (!answer.ok) {
      const { providerCode, code, message } = answer.failure;
      // §8 maps a whole-call 1008 to not_found, but §3 does not say whether one missing ID can fail
      // a whole batch: confirm with a look-up before calling any of them gone.
      if (providerCode === AKOOL_NOT_FOUND)
        return confirmByLookup(ids, { code, message });
      if (providerCode === AKOOL_NO_PERMISSION) {
        return failAll(ids, {
          outcome: "forbidden",
          code,
          message,
          retryable: false,
        });
      }
      return failAll(ids, failedOutcome(answer.failure));
    }
    const data = akoolDeleteDataSchema.safeParse(answer.envelope.data);
    if (!data.success)
      return failAll(ids, failedOutcome(malformedFailure(200, answer.text)));
    const deleted = new Set(
      (data.data.successIds ?? []).map((id) => id.toLowerCase()),
    );
    const rejected = new Map(
      (data.data.noPermissionItems ?? []).map((item) => [
        item._id.toLowerCase(),
        item.msg ?? "",
      ]),
    );
    const outcomes = new Map<string, OutcomeResult>();
    const unmentioned: string[] = [];
    for (const id of ids) {
      const reason = rejected.get(id);
      if (deleted.has(id)) {
        outcomes.set(id, {
          outcome: "deleted",
          message: answer.envelope.msg || "deleted",
          retryable: false,
        });
      } else if (reason !== undefined) {
        outcomes.set(id, rejectionOutcome(reason));
      } else {
        unmentioned.push(id);
      }
    }
    if (unmentioned.length > 0) {
      for (const [id, outcome] of await confirmByLookup(unmentioned))
        outcomes.set(id, outcome);
    }
    return outcomes;
  }

  /** Splits into maxBatch chunks, sent one after another (the rate budget counts each call). */
  async function inChunks<T>(
    ids: string[],
    run: (part: string[]) => Promise<Map<string, T>>,
  ) {
    const results = new Map<string, T>();
    for (const part of chunk(ids, maxBatch)) {
      for (const [id, value] of await run(part)) results.set(id, value);
    }
    return results;
  }

  return {
    id: "akool",
    label: "Akool",
    idPattern: AKOOL_ID_PATTERN,
    idFormat: ID_FORMAT,
    maxBatch,
    answersPerId: true,
    rateLimit: { ...AKOOL_RATE_LIMIT },
    rateBudgets,
    statuses: [],
    async delete(ids) {
      const groups = groupAkoolIds(ids);
      const byId = await inChunks([...groups.valid.keys()], deleteChunk);
      return spreadToCallerIds(
        groups,
        byId,
        {
          outcome: "failed",
          code: "invalid_id",
          message: INVALID_MESSAGE,
          retryable: false,
        },
        {
          outcome: "failed",
          code: "unanswered",
          message: GAP_MESSAGE,
          retryable: true,
        },
      );
    },
    async lookup(ids) {
      const groups = groupAkoolIds(ids);
      const byId = await inChunks([...groups.valid.keys()], lookupChunk);
      return spreadToCallerIds(
        groups,
        byId,
        {
          state: "failed",
          code: "invalid_id",
          message: INVALID_MESSAGE,
          retryable: false,
        },
        {
          state: "failed",
          code: "unanswered",
          message: GAP_MESSAGE,
          retryable: true,
        },
      );
    },
    async healthCheck() {
      const answer = await client.post(LOOKUP_PATH, { _ids: HEALTH_PROBE_ID });
      // A whole-call 1008 for the probe ID still means the credentials got through.
      if (answer.ok || answer.failure.providerCode === AKOOL_NOT_FOUND) {
        return { ok: true, message: "credentials accepted" };
      }
      return { ok: false, message: answer.failure.message };
    },
  };
}
