// Browser: fetchers and hooks for the audit endpoints. Keys start with "audit". A video search
// fans out one request per ID, so a shared limiter keeps a few in flight instead of hundreds.
import {
  queryOptions,
  useMutation,
  useQueries,
  type UseQueryResult,
} from "@tanstack/react-query";
import { FetchError, fetchJson } from "@/lib/http/fetch-json";
import { lazyParser } from "@/lib/http/lazy-parse";
import type { VideoHistory } from "./schemas";

// The schemas load with the first answer checked (lib/http/lazy-parse.ts).
const parsed = lazyParser(() => import("./schemas"));

/** Lookups in flight at once across the whole page. */
export const VIDEO_LOOKUP_CONCURRENCY = 6;
/** Same bound as the route's `videoId` parameter and a run's IDs. */
const MAX_VIDEO_ID_LENGTH = 200;

/** Runs at most `concurrency` tasks at once; a waiting task whose signal aborts leaves the queue. */
function createLimiter(concurrency: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  // A finishing task hands its slot straight to the next one, so `active` never overshoots.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  const acquire = (signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      if (active < concurrency) {
        active++;
        return resolve();
      }
      const start = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      const onAbort = () => {
        waiting.splice(waiting.indexOf(start), 1);
        reject(signal?.reason);
      };
      waiting.push(start);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  return async <T>(task: () => Promise<T>, signal?: AbortSignal) => {
    await acquire(signal);
    try {
      return await task();
    } finally {
      release();
    }
  };
}

const lookupLimit = createLimiter(VIDEO_LOOKUP_CONCURRENCY);

export async function fetchVideoHistory(
  videoId: string,
  signal?: AbortSignal,
): Promise<VideoHistory> {
  // URLs resolve "." and ".." as path segments (even percent-encoded), so the request would
  // reach another route; no provider ID format admits them anyway.
  if (videoId === "." || videoId === "..")
    throw new Error("“.” and “..” cannot be looked up.");
  // The route's own limit, and the runs' (no run can hold a longer ID): no request needed.
  if (videoId.length > MAX_VIDEO_ID_LENGTH)
    throw new Error(
      `An ID is at most ${MAX_VIDEO_ID_LENGTH} characters; no run can hold this one.`,
    );
  return parsed(
    (schemas) => schemas.videoHistoryResponseSchema,
    fetchJson(`/api/audit/videos/${encodeURIComponent(videoId)}`, { signal }),
  );
}

/** Only a network failure or a server error is worth another try; a 4xx answers the same again. */
export const isTransientLookupError = (error: Error) =>
  error instanceof FetchError && (error.status === 0 || error.status >= 500);

/**
 * `searchId` makes each "Look up" a fresh snapshot: the same ID searched again is fetched again
 * (a run may have touched it since), and the previous search's queued requests are dropped.
 */
export const videoHistoryQueryOptions = (videoId: string, searchId: number) =>
  queryOptions({
    queryKey: ["audit", "video", videoId, searchId],
    queryFn: ({ signal }) =>
      lookupLimit(() => fetchVideoHistory(videoId, signal), signal),
    // A search result is a snapshot; refetching hundreds of IDs on window focus would be noise.
    staleTime: Infinity,
    retry: (failureCount, error) =>
      failureCount < 1 && isTransientLookupError(error),
  });

/** One result per ID, in the order given. */
export const useVideoHistories = (
  videoIds: readonly string[],
  searchId: number,
): UseQueryResult<VideoHistory, Error>[] =>
  useQueries({
    queries: videoIds.map((id) => videoHistoryQueryOptions(id, searchId)),
  });

/** A mutation, not a query: each check is recorded as an `audit.verified` event. */
export const useVerifyAuditChain = () =>
  useMutation({
    mutationKey: ["audit", "verify"],
    /** Optionally a downloaded checkpoint file's text, checked against the log too. */
    mutationFn: async (checkpointFile?: string) => {
      const query = checkpointFile
        ? `?checkpoint=${btoa(checkpointFile.trim()).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`
        : "";
      return parsed(
        (schemas) => schemas.verifyResponseSchema,
        fetchJson(`/api/audit/verify${query}`),
      );
    },
  });
