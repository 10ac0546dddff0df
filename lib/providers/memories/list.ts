import "server-only";
import { listPage, namespaceField } from "./lookup";
import type { WireContext, WireVideo } from "./wire";
import { ProviderListError } from "../list-error";
import type { ListParams, Page, VideoSummary } from "../types";

// list() for memories.ai: list_videos pages (docs/providers/memories.md §4). There is no
// cursor; the adapter's cursor is the next page number as a string.

function toSummary(video: WireVideo): VideoSummary {
  const created =
    video.create_time != null ? new Date(video.create_time) : undefined;
  return {
    id: video.video_no,
    name: video.video_name ?? "",
    status: video.status,
    ...(created && !Number.isNaN(created.getTime())
      ? { createdAt: created.toISOString() }
      : {}),
  };
}

function parseCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === "") return 1;
  const page = Number(cursor);
  if (!Number.isInteger(page) || page < 1) {
    throw new ProviderListError(
      "invalid_cursor",
      {
        code: "invalid_cursor",
        message: `not a page number: ${cursor}`,
        retryable: false,
      },
      `Invalid list cursor: not a page number: ${cursor}`,
    );
  }
  return page;
}

/**
 * §4: v1 matches `video_name` exactly (v1.1 "partial or exact"), so "drone" finds nothing while
 * `drone_5201` is listed. A name filter is therefore applied here, as a case-insensitive
 * substring, over whole provider pages of SCAN_PAGE_SIZE: at most SCAN_MAX_PAGES pages per call
 * (about 4 s at list_videos' 5/s), stopping once a page's worth has matched. The cursor is the next
 * provider page to search.
 */
const SCAN_PAGE_SIZE = 100;
const SCAN_MAX_PAGES = 20;

async function searchByName(
  ctx: WireContext,
  params: ListParams & { name: string },
): Promise<Page<VideoSummary>> {
  const needle = params.name.toLowerCase();
  const first = parseCursor(params.cursor);
  const items: VideoSummary[] = [];
  let page = first;
  let libraryTotal = 0;
  for (let scanned = 0; scanned < SCAN_MAX_PAGES; scanned++, page++) {
    const answer = await listPage(ctx, {
      page,
      size: SCAN_PAGE_SIZE,
      ...namespaceField(ctx),
      ...(params.status ? { status: params.status } : {}),
    });
    if (answer.kind === "failed")
      throw new ProviderListError("provider_failed", answer.failure);
    if (answer.kind === "not_found")
      return { items, nextCursor: null, searched: { through: 0, of: 0 } };
    libraryTotal = answer.total;
    for (const video of answer.videos)
      if ((video.video_name ?? "").toLowerCase().includes(needle))
        items.push(toSummary(video));
    const more =
      answer.videos.length > 0 && page * SCAN_PAGE_SIZE < answer.total;
    if (!more) {
      // Searched to the end in one call from the start: the count of matches is exact.
      return {
        items,
        nextCursor: null,
        ...(first === 1 ? { total: items.length } : {}),
        searched: { through: libraryTotal, of: libraryTotal },
      };
    }
    if (items.length >= params.pageSize) {
      page++;
      break;
    }
  }
  return {
    items,
    nextCursor: String(page),
    searched: {
      through: Math.min((page - 1) * SCAN_PAGE_SIZE, libraryTotal),
      of: libraryTotal,
    },
  };
}

/** One page; throws ProviderListError when the provider or the transport fails. */
export async function listVideos(
  ctx: WireContext,
  params: ListParams,
): Promise<Page<VideoSummary>> {
  if (params.name) return searchByName(ctx, { ...params, name: params.name });
  const page = parseCursor(params.cursor);
  const size = Math.max(1, Math.floor(params.pageSize));
  const answer = await listPage(ctx, {
    page,
    size,
    ...namespaceField(ctx),
    ...(params.status ? { status: params.status } : {}),
  });
  if (answer.kind === "failed")
    throw new ProviderListError("provider_failed", answer.failure);
  if (answer.kind === "not_found") {
    return { items: [], nextCursor: null, total: 0 };
  }
  // §4: pages run 1..ceil(total_count/size); an empty page ends it whatever the total says.
  const more = answer.videos.length > 0 && page * size < answer.total;
  return {
    items: answer.videos.map(toSummary),
    nextCursor: more ? String(page + 1) : null,
    total: answer.total,
  };
}
