import "server-only";
import { DEFAULT_TIMEOUT_MS, failAll } from "../http";
import { idFormats } from "../id-formats";
import { accountBudgets, accountTag, type RateGate } from "../rate-budget";
import type {
  HealthResult,
  LookupResult,
  OutcomeResult,
  ProviderAdapter,
} from "../types";
import { listVideos } from "./list";
import {
  deleteReferenceChunk,
  lookupReferenceChunk,
  REFERENCE_ID_PATTERN,
} from "./references";
import { callVod, endpointUrl, type VodClient } from "./rpc";
import {
  deleteVideoResponseSchema,
  getVideoInfosResponseSchema,
  lookupFailure,
  lookupOfVideo,
  parseBody,
  VOD_DEFAULT_APP_ID,
  VOD_LABEL,
} from "./wire";

// Alibaba Cloud ApsaraVideo VOD adapter (docs/providers/vod.md). DeleteVideo answers per ID
// (§4, §12); GetVideoInfos looks up (§5.1); SearchMedia lists (§5.4, list.ts). Requests are
// V1-signed RPC calls (§9, signing.ts). Besides Video IDs, a caller may delete and look up by
// customer-defined ReferenceIds (docs/design.md §4) with `deleteByReferenceIds` / `lookupByReferenceIds`.

export interface VodAdapterConfig {
  accessKeyId: string;
  accessKeySecret: string;
  /** e.g. `cn-shanghai`; media live in one region (§1). */
  region: string;
  /** Defaults to `https://vod.<region>.aliyuncs.com` (§1). */
  endpoint?: string;
  timeoutMs?: number;
  /** The application the console deletes in (`VOD_APP_ID`); default the account's default app. */
  appId?: string;
  /** Awaited before every call with its Action's budget (the registry passes the shared one). */
  gate?: RateGate;
}

export interface VodAdapter extends ProviderAdapter {
  /** ReferenceIds are opaque customer strings without commas or whitespace (§7). */
  referenceIdPattern: RegExp;
  referenceIdFormat: string;
  /** Like `delete`, but the IDs are ReferenceIds (answered in `NonExistReferenceIds`, §4). */
  deleteByReferenceIds(ids: string[]): Promise<Map<string, OutcomeResult>>;
  /** Like `lookup`, but the IDs are ReferenceIds (§5.1). */
  lookupByReferenceIds(ids: string[]): Promise<Map<string, LookupResult>>;
}

/** §4, §5.1, §8: VideoIds (or ReferenceIds) per DeleteVideo / GetVideoInfos call. */
export const VOD_MAX_IDS_PER_CALL = 20;
/** §7: 32 lowercase hex characters. */
export const VOD_ID_PATTERN = idFormats.vod.pattern;
/** §7, in the doc's order. */
export const VOD_STATUSES = [
  "Uploading",
  "UploadSucc",
  "UploadFail",
  "Transcoding",
  "TranscodeFail",
  "Checking",
  "Blocked",
  "Normal",
  "ProduceFail",
] as const;
/** A well-formed ID no video has; a health check expects it reported missing. */
const PROBE_ID = "0".repeat(32);

/**
 * Runs `call` on chunks of at most 20 distinct, well-formed IDs, one chunk after another (each
 * call waits for its budget in callVod); a malformed ID gets `invalid` without reaching the provider.
 */
async function inChunks<T>(
  ids: string[],
  pattern: RegExp,
  invalid: T,
  call: (chunk: string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
  const distinct = [...new Set(ids)];
  const results = new Map<string, T>();
  const valid: string[] = [];
  for (const id of distinct) {
    if (pattern.test(id)) valid.push(id);
    else results.set(id, invalid);
  }
  for (let i = 0; i < valid.length; i += VOD_MAX_IDS_PER_CALL) {
    const chunk = valid.slice(i, i + VOD_MAX_IDS_PER_CALL);
    for (const [id, result] of await call(chunk)) results.set(id, result);
  }
  return results;
}

/** §4 / §12: ForbiddenVideoIds → forbidden, NonExistVideoIds → not_found, the rest deleted. */
async function deleteVideoChunk(
  client: VodClient,
  ids: string[],
): Promise<Map<string, OutcomeResult>> {
  const parsed = parseBody(
    deleteVideoResponseSchema,
    await callVod(client, "DeleteVideo", { VideoIds: ids.join(",") }),
  );
  // §4: 404 InvalidVideo.NotFound when every ID is missing → not_found for all (wire.ts).
  if (!parsed.ok) return failAll(ids, parsed.failure);
  const {
    RequestId,
    ForbiddenVideoIds,
    UnRemoveableVideoIds,
    NonExistVideoIds,
  } = parsed.data;
  const forbidden = new Set([...ForbiddenVideoIds, ...UnRemoveableVideoIds]);
  const missing = new Set(NonExistVideoIds);
  return new Map(
    ids.map((id): [string, OutcomeResult] => {
      if (forbidden.has(id)) {
        return [
          id,
          {
            outcome: "forbidden",
            code: ForbiddenVideoIds.includes(id)
              ? "ForbiddenVideoIds"
              : "UnRemoveableVideoIds",
            message: `This account may not delete the video (RequestId ${RequestId}).`,
            retryable: false,
          },
        ];
      }
      if (missing.has(id)) {
        return [
          id,
          {
            outcome: "not_found",
            code: "NonExistVideoIds",
            message: `No such video in this region (RequestId ${RequestId}).`,
            retryable: false,
          },
        ];
      }
      return [id, { outcome: "deleted", retryable: false }];
    }),
  );
}

/** §5.1: VideoList entries exist, NonExistVideoIds do not; no status blocks deletion (§7). */
async function lookupVideoChunk(
  client: VodClient,
  ids: string[],
): Promise<Map<string, LookupResult>> {
  const parsed = parseBody(
    getVideoInfosResponseSchema,
    await callVod(client, "GetVideoInfos", { VideoIds: ids.join(",") }),
  );
  if (!parsed.ok) return failAll(ids, lookupFailure(parsed.failure));
  const found = new Map(parsed.data.VideoList.map((v) => [v.VideoId, v]));
  const missing = new Set(parsed.data.NonExistVideoIds);
  return new Map(
    ids.map((id): [string, LookupResult] => {
      const video = found.get(id);
      if (video) return [id, lookupOfVideo(video, client.appId)];
      if (missing.has(id))
        return [id, { state: "not_found", code: "NonExistVideoIds" }];
      return [
        id,
        {
          state: "failed",
          code: "unanswered",
          message: `GetVideoInfos named this ID in neither VideoList nor NonExistVideoIds (RequestId ${parsed.data.RequestId}).`,
          retryable: true,
        },
      ];
    }),
  );
}

/** A cheap signed call: GetVideoInfos on an ID nobody has; its 404 proves the key works. */
async function healthCheck(client: VodClient): Promise<HealthResult> {
  const result = await callVod(client, "GetVideoInfos", { VideoIds: PROBE_ID });
  if (result.ok || result.failure.code === "InvalidVideo.NotFound") {
    return { ok: true, message: "credentials accepted" };
  }
  return {
    ok: false,
    message: result.failure.message ?? result.failure.code ?? "unknown error",
  };
}

/** §8: per account (user), each Action on its own budget. */
export const VOD_RATES = {
  DeleteVideo: { requests: 30, perMs: 1000 },
  GetVideoInfos: { requests: 100, perMs: 1000 },
  SearchMedia: { requests: 50, perMs: 1000 },
} as const;

export function createVodAdapter(config: VodAdapterConfig): VodAdapter {
  const url = endpointUrl(config.region, config.endpoint);
  const rateBudgets = accountBudgets(
    "vod",
    accountTag(url, config.accessKeyId),
    {
      delete: { endpoint: "DeleteVideo", ...VOD_RATES.DeleteVideo },
      lookup: { endpoint: "GetVideoInfos", ...VOD_RATES.GetVideoInfos },
      list: { endpoint: "SearchMedia", ...VOD_RATES.SearchMedia },
    },
  );
  const client: VodClient = {
    url,
    credentials: {
      accessKeyId: config.accessKeyId,
      accessKeySecret: config.accessKeySecret,
    },
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    appId: config.appId ?? VOD_DEFAULT_APP_ID,
    ...(config.gate
      ? { rate: { gate: config.gate, budgets: rateBudgets } }
      : {}),
  };
  const idFormat = idFormats.vod.description;
  const referenceIdFormat = "a ReferenceId without commas or spaces";
  const invalidOutcome = (format: string): OutcomeResult => ({
    outcome: "failed",
    code: "invalid_id",
    message: `Not sent to ${VOD_LABEL}: expected ${format}.`,
    retryable: false,
  });
  const invalidLookup = (format: string): LookupResult => ({
    state: "failed",
    code: "invalid_id",
    message: `Not sent to ${VOD_LABEL}: expected ${format}.`,
    retryable: false,
  });

  const adapter: VodAdapter = {
    id: "vod",
    label: VOD_LABEL,
    idPattern: VOD_ID_PATTERN,
    idFormat,
    referenceIdPattern: REFERENCE_ID_PATTERN,
    referenceIdFormat,
    maxBatch: VOD_MAX_IDS_PER_CALL,
    answersPerId: true,
    // §8: DeleteVideo allows 30 QPS per account.
    rateLimit: { ...VOD_RATES.DeleteVideo },
    rateBudgets,
    statuses: VOD_STATUSES,
    delete: (ids) =>
      inChunks(ids, VOD_ID_PATTERN, invalidOutcome(idFormat), (chunk) =>
        deleteVideoChunk(client, chunk),
      ),
    deleteByReferenceIds: (ids) =>
      inChunks(
        ids,
        REFERENCE_ID_PATTERN,
        invalidOutcome(referenceIdFormat),
        (chunk) => deleteReferenceChunk(client, chunk),
      ),
    lookup: (ids) =>
      inChunks(ids, VOD_ID_PATTERN, invalidLookup(idFormat), (chunk) =>
        lookupVideoChunk(client, chunk),
      ),
    lookupByReferenceIds: (ids) =>
      inChunks(
        ids,
        REFERENCE_ID_PATTERN,
        invalidLookup(referenceIdFormat),
        (chunk) => lookupReferenceChunk(client, chunk),
      ),
    list: (params) => listVideos(client, params),
    healthCheck: () => healthCheck(client),
    referenceIds: {
      idPattern: REFERENCE_ID_PATTERN,
      idFormat: referenceIdFormat,
      answersPerId: true,
      lookup: (ids) => adapter.lookupByReferenceIds(ids),
      delete: (ids) => adapter.deleteByReferenceIds(ids),
    },
  };
  return adapter;
}
