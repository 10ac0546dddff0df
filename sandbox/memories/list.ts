// list_videos and get_metadata for the memories.ai fake: request parsing, filters and the two
// answer dialects (v1 numbers, v1.1 strings). Source: docs/providers/memories.md §4, §4b, §5.
import { z } from "zod";
import { badParameter, envelope, type ApiVersion } from "./http";
import type { MemoriesAccount, MemoriesStatus, MemoriesVideo } from "./store";
import type { SandboxResponse } from "../types";

/** Maps the stored status to the spelling on the wire (§7, `failedStatus`). */
export type Spell = (status: MemoriesStatus) => string;

// §4: page/size must be > 0. Digit strings are accepted because v1.1 may send them as query
// parameters ([doc inconsistency] query vs JSON).
const wholeNumber = z.union([
  z.number(),
  z.string().regex(/^\d+$/).transform(Number),
]);
const positiveInt = wholeNumber.pipe(z.number().int().positive());
const coordinate = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

const listBodySchema = z.object({
  page: positiveInt.nullish(),
  size: positiveInt.nullish(),
  unique_id: z.string().min(1).nullish(),
  video_name: z.string().nullish(),
  video_no: z.string().nullish(),
  video_nos: z.array(z.string()).nullish(),
  status: z.string().nullish(),
  camera_model: z.string().nullish(),
  tag: z.string().nullish(),
  datetime_taken: wholeNumber.nullish(),
  latitude: coordinate.nullish(),
  longitude: coordinate.nullish(),
});

export type ListQuery = z.infer<typeof listBodySchema> & {
  page: number;
  size: number;
};

// §7 [doc inconsistency]: the failure status is spelled PARSE_ERROR or FAILED (and FAIL in the
// brief); the filter accepts all three whichever spelling the fake emits.
const STATUS_ALIASES: Record<string, MemoriesStatus> = {
  UNPARSE: "UNPARSE",
  PARSE: "PARSE",
  PARSE_ERROR: "PARSE_ERROR",
  FAILED: "PARSE_ERROR",
  FAIL: "PARSE_ERROR",
};

/** Validates a list body; on failure returns the provider's "0001" answer instead. */
export function parseListQuery(
  raw: unknown,
): { ok: true; query: ListQuery } | { ok: false; response: SandboxResponse } {
  const reject = (msg: string) => ({
    ok: false as const,
    response: badParameter(msg),
  });
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return reject("parameter incorrect: body must be a JSON object");
  }
  const parsed = listBodySchema.safeParse(raw);
  if (!parsed.success) {
    return reject(
      `parameter incorrect: ${parsed.error.issues[0]?.path.join(".") || "body"}`,
    );
  }
  const query = parsed.data;
  if ((query.latitude == null) !== (query.longitude == null)) {
    return reject(
      "parameter incorrect: latitude and longitude must be given together",
    );
  }
  if (query.status != null && !Object.hasOwn(STATUS_ALIASES, query.status)) {
    return reject("parameter incorrect: status");
  }
  // v1.1 documented defaults page=1, size=20; the newest doc only says "> 0" (§4).
  return {
    ok: true,
    query: { ...query, page: query.page ?? 1, size: query.size ?? 20 },
  };
}

// §4: "latitude/longitude must be given together (≈20 km radius)".
function withinRadiusKm(
  video: MemoriesVideo,
  lat: number,
  lon: number,
  km: number,
): boolean {
  const { latitude, longitude } = video.optional;
  if (latitude === undefined || longitude === undefined) return false;
  const rad = Math.PI / 180;
  const a =
    Math.sin(((latitude - lat) * rad) / 2) ** 2 +
    Math.cos(lat * rad) *
      Math.cos(latitude * rad) *
      Math.sin(((longitude - lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a)) <= km;
}

/** Live videos of one account and namespace matching the query, newest first (order is undocumented). */
export function filterVideos(
  videos: readonly MemoriesVideo[],
  scope: { account: MemoriesAccount; namespace: string },
  query: ListQuery,
  version: ApiVersion,
): MemoriesVideo[] {
  const status =
    query.status == null ? undefined : STATUS_ALIASES[query.status];
  // v1.1 has no video_nos (§4); an empty array is ignored like an absent one [inferred].
  const videoNos =
    version === "v1" && query.video_nos?.length
      ? new Set(query.video_nos)
      : null;
  const name = query.video_name || undefined;
  return videos
    .filter(
      (v) =>
        !v.deleted &&
        v.account === scope.account &&
        v.namespace === scope.namespace &&
        (!videoNos || videoNos.has(v.videoNo)) &&
        (!query.video_no || v.videoNo === query.video_no) &&
        // §4: v1 matches the name exactly, v1.1 documented "partial or exact".
        (name === undefined ||
          (version === "v1" ? v.name === name : v.name.includes(name))) &&
        (!status || v.status === status) &&
        (!query.camera_model ||
          v.optional.camera_model === query.camera_model) &&
        (!query.tag || (v.optional.tags ?? []).includes(query.tag)) &&
        (query.datetime_taken == null ||
          (v.optional.datetime_taken ?? -1) >= query.datetime_taken) &&
        (query.latitude == null ||
          withinRadiusKm(v, query.latitude, query.longitude ?? 0, 20)),
    )
    .sort(
      (a, b) =>
        b.createTime - a.createTime || a.videoNo.localeCompare(b.videoNo),
    );
}

function listItem(video: MemoriesVideo, spell: Spell): Record<string, unknown> {
  return {
    video_no: video.videoNo,
    video_name: video.name,
    duration: video.duration,
    size: video.size,
    status: spell(video.status),
    create_time: video.createTime,
    ...video.optional,
    bucket: "mavi-resource",
    blob: `${video.videoNo}.mp4`,
  };
}

/** One page in the version's dialect: v1.1 stringifies every number and adds `cause: "null"`. */
export function renderPage(
  matches: readonly MemoriesVideo[],
  query: ListQuery,
  version: ApiVersion,
  spell: Spell,
): SandboxResponse {
  const start = (query.page - 1) * query.size;
  const page = matches.slice(start, start + query.size);
  if (version === "v1") {
    return envelope("0000", "success", {
      current_page: query.page,
      page_size: query.size,
      total_count: matches.length,
      videos: page.map((v) => listItem(v, spell)),
    });
  }
  const videos = page.map((v) => ({
    video_no: v.videoNo,
    video_name: v.name,
    duration: String(v.duration),
    size: String(v.size),
    status: spell(v.status),
    create_time: String(v.createTime),
  }));
  const data = {
    videos,
    current_page: String(query.page),
    page_size: String(query.size),
    total_count: String(matches.length),
  };
  // §4 v1.1: "a `cause` field that can be the literal string "null"" – placed in the envelope.
  return envelope("0000", "success", data, { extra: { cause: "null" } });
}

/** §4b: the list fields plus resolution_label, fps, width, height. */
export function renderMetadata(
  video: MemoriesVideo,
  spell: Spell,
): SandboxResponse {
  return envelope("0000", "success", {
    ...listItem(video, spell),
    ...video.media,
  });
}
