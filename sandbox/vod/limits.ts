// Credentials and tunables of the fake VOD: flow control (vod.md §8) and switches between readings
// where vod.md is [unknown] or [inconsistent], changeable with `PUT /__sandbox/limits`.
import { z } from "zod";

const blankAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const envQps = (fallback: number) =>
  z.preprocess(
    blankAsUndefined,
    z.coerce.number().int().nonnegative().default(fallback),
  );
const envText = (fallback: string) =>
  z.preprocess(blankAsUndefined, z.string().min(1).default(fallback));

const vodEnvSchema = z.object({
  SANDBOX_VOD_ACCESS_KEY_ID: envText("LTAI5tSandboxVodKey"),
  SANDBOX_VOD_ACCESS_KEY_SECRET: envText("sandbox-vod-secret"),
  SANDBOX_VOD_DELETE_QPS: envQps(30),
  SANDBOX_VOD_GET_VIDEO_INFOS_QPS: envQps(100),
  SANDBOX_VOD_SEARCH_MEDIA_QPS: envQps(50),
  // §8 documents no limit for these two [unknown]: unlimited (0) unless configured.
  SANDBOX_VOD_GET_VIDEO_INFO_QPS: envQps(0),
  SANDBOX_VOD_GET_VIDEO_LIST_QPS: envQps(0),
});

export interface VodCredentials {
  accessKeyId: string;
  accessKeySecret: string;
}

const qps = z.number().int().min(0);

export const vodLimitsSchema = z
  .strictObject({
    /** Requests per one-second sliding window, per AccessKeyId; 0 = no limit. */
    deleteVideoQps: qps,
    getVideoInfosQps: qps,
    searchMediaQps: qps,
    getVideoInfoQps: qps,
    getVideoListQps: qps,
    /** §4 [unknown]: the cap of 20 counts VideoIds and ReferenceIds together, or each list. */
    idCapMode: z.enum(["combined", "per_list"]),
    /** §4 [inferred]: DeleteVideo leaves empty ID lists out of its body. */
    omitEmptyLists: z.boolean(),
    /** §6 [inconsistent]: the status of SignatureDoesNotMatch. */
    signatureMismatchStatus: z.union([z.literal(400), z.literal(403)]),
    /** Another account's videos show in look-ups and lists (our reading), or look missing there. */
    foreignVisible: z.boolean(),
  })
  .partial();

export type VodLimits = Required<z.infer<typeof vodLimitsSchema>>;

export function readVodEnv(env: NodeJS.ProcessEnv): {
  credentials: VodCredentials;
  limits: VodLimits;
} {
  const e = vodEnvSchema.parse(env);
  return {
    credentials: {
      accessKeyId: e.SANDBOX_VOD_ACCESS_KEY_ID,
      accessKeySecret: e.SANDBOX_VOD_ACCESS_KEY_SECRET,
    },
    limits: {
      deleteVideoQps: e.SANDBOX_VOD_DELETE_QPS,
      getVideoInfosQps: e.SANDBOX_VOD_GET_VIDEO_INFOS_QPS,
      searchMediaQps: e.SANDBOX_VOD_SEARCH_MEDIA_QPS,
      getVideoInfoQps: e.SANDBOX_VOD_GET_VIDEO_INFO_QPS,
      getVideoListQps: e.SANDBOX_VOD_GET_VIDEO_LIST_QPS,
      idCapMode: "combined",
      omitEmptyLists: true,
      signatureMismatchStatus: 400,
      foreignVisible: true,
    },
  };
}

/** The QPS limit that applies to an Action (0 = none). */
export function qpsFor(limits: VodLimits, action: string): number {
  switch (action) {
    case "DeleteVideo":
      return limits.deleteVideoQps;
    case "GetVideoInfos":
      return limits.getVideoInfosQps;
    case "SearchMedia":
      return limits.searchMediaQps;
    case "GetVideoInfo":
      return limits.getVideoInfoQps;
    case "GetVideoList":
      return limits.getVideoListQps;
    default:
      return 0;
  }
}

interface Hits {
  times: number[];
  head: number;
}

/** One-second sliding window on the `now` the core passes; refused calls are not counted. */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, Hits>();

  allow(key: string, limit: number, now: number): boolean {
    if (limit <= 0) return true;
    const hits = this.hits.get(key) ?? { times: [], head: 0 };
    this.hits.set(key, hits);
    while (
      hits.head < hits.times.length &&
      (hits.times[hits.head] ?? 0) <= now - 1000
    )
      hits.head += 1;
    // Compact occasionally rather than shifting per call: benchmarks may configure large limits.
    if (hits.head > 1024 && hits.head * 2 > hits.times.length) {
      hits.times = hits.times.slice(hits.head);
      hits.head = 0;
    }
    if (hits.times.length - hits.head >= limit) return false;
    hits.times.push(now);
    return true;
  }

  clear(): void {
    this.hits.clear();
  }
}
