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

/** One page; throws ProviderListError when the provider or the transport fails. */
export async function listVideos(
  ctx: WireContext,
  params: ListParams,
): Promise<Page<VideoSummary>> {
  const page = parseCursor(params.cursor);
  const size = Math.max(1, Math.floor(params.pageSize));
  // §4: v1 matches video_name exactly, v1.1 "partial or exact"; status is the provider's value.
  const answer = await listPage(ctx, {
    page,
    size,
    ...namespaceField(ctx),
    ...(params.status ? { status: params.status } : {}),
    ...(params.name ? { video_name: params.name } : {}),
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
