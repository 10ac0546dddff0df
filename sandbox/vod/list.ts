// GetVideoList (vod.md §5.3) and SearchMedia with ScrollToken (§5.4) for the fake VOD.
import { z } from "zod";
import {
  parseParams,
  splitIds,
  visible,
  type Action,
  type ScrollCursor,
} from "./actions";
import { invalidParameter, VodFailure } from "./errors";
import { parseMatch } from "./match";
import { isoSeconds, snapshotsOf, videoFields, type VodVideo } from "./store";

/** §5.3 / §5.4 / §8: PageNo/PageSize paging reaches only the first 5,000 records. */
export const LIST_REACH = 5000;
/** §5.4: without a ScrollToken, PageNo may not pass 200. */
export const SEARCH_MAX_PAGE_NO = 200;
/** Tokens kept; the oldest are forgotten first (real tokens expire, for an [unknown] time). */
const MAX_SCROLLS = 10_000;

const isoTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
  .transform((s) => Date.parse(s));
const sortBy = z
  .enum(["CreationTime:Desc", "CreationTime:Asc"])
  .default("CreationTime:Desc");
const pageSize = z.coerce.number().int().min(1).max(100).default(10);

const videoListSchema = z.object({
  Status: z.string().optional(),
  CateId: z.coerce.number().int().optional(),
  PageNo: z.coerce.number().int().min(1).default(1),
  PageSize: pageSize,
  SortBy: sortBy,
  StartTime: isoTime.optional(),
  EndTime: isoTime.optional(),
});

const searchSchema = z.object({
  SearchType: z.enum(["video", "audio", "image", "attached"]).default("video"),
  Match: z.string().optional(),
  Fields: z.string().optional(),
  SortBy: sortBy,
  PageNo: z.coerce.number().int().min(1).optional(),
  PageSize: pageSize,
  ScrollToken: z.string().optional(),
});

/** The library is kept in creation order, so sorting is a reversal at most. */
const ordered = (videos: VodVideo[], sort: string) =>
  sort === "CreationTime:Asc" ? videos : [...videos].reverse();

export const getVideoList: Action = (params, ctx) => {
  const p = parseParams(videoListSchema, params);
  // §7: some samples filter on `checking`, so status values compare case-insensitively.
  const statuses =
    p.Status === undefined
      ? undefined
      : splitIds(p.Status).map((s) => s.toLowerCase());
  const matching = ordered(
    ctx.library.all.filter(
      (v) =>
        visible(v, ctx) &&
        (statuses === undefined || statuses.includes(v.status.toLowerCase())) &&
        (p.CateId === undefined || v.cateId === p.CateId) &&
        (p.StartTime === undefined || v.creationTime >= p.StartTime) &&
        (p.EndTime === undefined || v.creationTime <= p.EndTime),
    ),
    p.SortBy,
  );
  const offset = (p.PageNo - 1) * p.PageSize;
  // §5.3 [inferred trigger]: a page starting past the cap fails; one straddling it is cut short.
  if (offset >= LIST_REACH) throw new VodFailure("VideoListExceededMax");
  const page = matching.slice(
    offset,
    Math.min(offset + p.PageSize, LIST_REACH),
  );
  return {
    Total: matching.length,
    VideoList: {
      Video: page.map((v) => ({
        ...videoFields(v),
        Snapshots: { Snapshot: snapshotsOf(v) },
      })),
    },
  };
};

const compare = (v: VodVideo, last: NonNullable<ScrollCursor["last"]>) =>
  v.creationTime - last.creationTime ||
  (v.videoId < last.videoId ? -1 : v.videoId > last.videoId ? 1 : 0);

/** Index of the first item after the cursor: keyset, so deletes between pages skip nothing. */
function indexAfter(
  matching: VodVideo[],
  last: ScrollCursor["last"],
  sort: string,
): number {
  if (last === undefined) return 0;
  const asc = sort === "CreationTime:Asc";
  const i = matching.findIndex((v) =>
    asc ? compare(v, last) > 0 : compare(v, last) < 0,
  );
  return i === -1 ? matching.length : i;
}

function mediaVideo(
  v: VodVideo,
  fields: string | undefined,
): Record<string, unknown> {
  const all: Record<string, unknown> = {
    ...videoFields(v),
    Snapshots: snapshotsOf(v),
  };
  if (fields === undefined) return all;
  const wanted = new Set(["VideoId", ...splitIds(fields)]);
  return Object.fromEntries(
    Object.entries(all).filter(([name]) => wanted.has(name)),
  );
}

/**
 * §5.4. Every answer carries a fresh ScrollToken standing after its last item. With a token the
 * next page follows it (PageNo, if sent, may only move forward and skips whole pages); without
 * one, PageNo > 200 or a page past 5,000 results is refused. Simplified from the real protocol.
 */
export const searchMedia: Action = (params, ctx) => {
  const p = parseParams(searchSchema, params);
  const predicate = parseMatch(p.Match);
  const queryKey = JSON.stringify([p.SearchType, p.Match ?? "", p.SortBy]);
  // The sandbox library holds only videos; other media types search an empty set.
  const pool =
    p.SearchType === "video"
      ? ctx.library.all.filter((v) => visible(v, ctx) && predicate(v))
      : [];
  const matching = ordered(pool, p.SortBy);
  let cursor: ScrollCursor | undefined;
  let pageNo: number;
  let start: number;
  let end: number;
  if (p.ScrollToken !== undefined) {
    cursor = ctx.scrolls.get(p.ScrollToken);
    if (cursor === undefined || cursor.queryKey !== queryKey)
      throw invalidParameter("ScrollToken");
    pageNo = Math.max(p.PageNo ?? cursor.pageNo + 1, cursor.pageNo + 1);
    start =
      indexAfter(matching, cursor.last, p.SortBy) +
      (pageNo - cursor.pageNo - 1) * p.PageSize;
    end = start + p.PageSize;
  } else {
    pageNo = p.PageNo ?? 1;
    start = (pageNo - 1) * p.PageSize;
    if (pageNo > SEARCH_MAX_PAGE_NO || start >= LIST_REACH) {
      throw invalidParameter(
        "PageNo",
        " Use ScrollToken to page past 5000 results.",
      );
    }
    end = Math.min(start + p.PageSize, LIST_REACH);
  }
  const page = matching.slice(start, end);
  const anchor =
    page.at(-1) ??
    (start > 0 ? matching[Math.min(start, matching.length) - 1] : undefined);
  const token = ctx.nextToken();
  if (ctx.scrolls.size >= MAX_SCROLLS) {
    const oldest = ctx.scrolls.keys().next();
    if (!oldest.done) ctx.scrolls.delete(oldest.value);
  }
  ctx.scrolls.set(token, {
    queryKey,
    pageNo,
    last: anchor
      ? { creationTime: anchor.creationTime, videoId: anchor.videoId }
      : cursor?.last,
  });
  return {
    Total: matching.length,
    ScrollToken: token,
    MediaList: page.map((v) => ({
      MediaId: v.videoId,
      MediaType: "video",
      CreationTime: isoSeconds(v.creationTime),
      Video: mediaVideo(v, p.Fields),
    })),
  };
};
