// What a deletion run's sandbox call log says about it: the throughput bound its calls allow,
// throttled answers, and the busiest one-second window of delete calls. Pure functions.

/** The fields of a sandbox call log entry (sandbox/call-log.ts) that the figures use. */
export interface LoggedCall {
  at: number;
  operation: string;
  ids: string[];
  status: number;
  throttled?: boolean;
}

export type BenchProvider = "vod" | "memories";

/** How the sandbox limits a provider's calls: per rate-limited endpoint, requests per second. */
export interface ProviderLimits {
  deleteOperation: string;
  /** The call log's operation → the endpoint whose per-second limit it counts against. */
  endpointOf(operation: string): string;
  /** Requests per second per endpoint, from `GET /__sandbox/limits` (0 = unlimited). */
  perSecond(limits: Record<string, unknown>): Record<string, number>;
}

export const providerLimits: Record<BenchProvider, ProviderLimits> = {
  vod: {
    deleteOperation: "DeleteVideo",
    endpointOf: (operation) => operation,
    perSecond: (limits) => ({
      DeleteVideo: Number(limits.deleteVideoQps),
      GetVideoInfos: Number(limits.getVideoInfosQps),
      SearchMedia: Number(limits.searchMediaQps),
      GetVideoInfo: Number(limits.getVideoInfoQps),
      GetVideoList: Number(limits.getVideoListQps),
    }),
  },
  memories: {
    deleteOperation: "delete",
    // A list_videos call naming video_nos is logged as `lookup`; both count against list's QPS.
    endpointOf: (operation) => (operation === "lookup" ? "list" : operation),
    perSecond: (limits) => ({
      delete: Number(limits.qps),
      list: Number(limits.qps),
      metadata: Number(limits.qps),
    }),
  },
};

export interface RunCallFigures {
  /** Answered calls per endpoint (throttled ones left out: the provider did not count them). */
  callsByEndpoint: Record<string, number>;
  deleteCalls: number;
  /**
   * The fastest the run could have gone given the calls it needed: for each rate-limited
   * endpoint, calls ÷ limit is the least time they take; IDs over the longest of those.
   */
  boundIdsPerSecond: number;
  /** The endpoint that sets the bound. */
  boundBy: string;
  throttled: number;
  /** Most delete calls (throttled ones included: what the client sent) in any one second. */
  busiestDeleteWindow: number;
  deleteLimit: number;
}

/** Most timestamps within any window of `windowMs` (the sandbox's: (t − 1 s, t]). */
export function busiestWindow(times: number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
}

export function runCallFigures(
  provider: BenchProvider,
  calls: LoggedCall[],
  limits: Record<string, unknown>,
  ids: number,
): RunCallFigures {
  const spec = providerLimits[provider];
  const perSecond = spec.perSecond(limits);
  const callsByEndpoint: Record<string, number> = {};
  for (const call of calls) {
    if (call.throttled) continue;
    const endpoint = spec.endpointOf(call.operation);
    callsByEndpoint[endpoint] = (callsByEndpoint[endpoint] ?? 0) + 1;
  }
  let leastSeconds = 0;
  let boundBy = "none";
  for (const [endpoint, count] of Object.entries(callsByEndpoint)) {
    const limit = perSecond[endpoint] ?? 0;
    if (limit > 0 && count / limit > leastSeconds) {
      leastSeconds = count / limit;
      boundBy = endpoint;
    }
  }
  const deletes = calls.filter(
    (call) => call.operation === spec.deleteOperation,
  );
  return {
    callsByEndpoint,
    deleteCalls: deletes.length,
    boundIdsPerSecond: leastSeconds > 0 ? ids / leastSeconds : Infinity,
    boundBy,
    throttled: calls.filter((call) => call.throttled).length,
    busiestDeleteWindow: busiestWindow(deletes.map((call) => call.at)),
    deleteLimit: perSecond[spec.deleteOperation] ?? 0,
  };
}

/** `(fastest − slowest) ÷ fastest`: 0 when every rate is the same. */
export function rateSpread(rates: number[]): number {
  if (rates.length < 2) return 0;
  const fastest = Math.max(...rates);
  return fastest > 0 ? (fastest - Math.min(...rates)) / fastest : 0;
}
