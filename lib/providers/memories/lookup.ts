import "server-only";
import { chunk } from "@/lib/utils";
import {
  callMemories,
  codeFailure,
  listDataSchema,
  malformed,
  type Failure,
  type WireContext,
  type WireVideo,
} from "./wire";

// Existence and status of videos through list_videos (docs/providers/memories.md §4, §8).
//
// v1 looks up a batch at once with `video_nos`. v1.1 has no `video_nos` (and no `unique_id`), so
// it reads one unfiltered page instead: when that page holds the whole library (`total_count` ≤
// videos returned) it is a consistent snapshot and absence from it is proof. Otherwise each ID
// that page did not show is looked up alone with the exact `video_no` filter (§8: "use `video_no`
// per ID"). Paging through a larger library is not used: the order is undocumented and deletes
// running meanwhile shift the pages, so a video could be skipped and wrongly reported gone.
// get_metadata (§4b) is a v1 path and its answer for an unknown ID is [unknown], so it is not used.
// The same fallback covers a v1 answer that is not complete (a server-side page cap, or
// `video_nos` being ignored on a large library).

export type Presence =
  | { kind: "present"; video: WireVideo }
  | { kind: "absent" }
  | { kind: "failed"; failure: Failure };

/** §3/§4: batches of 100, the delete cap, so one look-up covers one delete. */
export const LOOKUP_CHUNK = 100;
/** §4: page size max is undocumented (examples go to 200); 100 stays within what was shown. */
const SCAN_PAGE_SIZE = 100;
/** A single-ID query matches at most one video; a little room shows a filter that was ignored. */
const SINGLE_PAGE_SIZE = 10;

export type ListPage =
  | { kind: "page"; total: number; videos: WireVideo[] }
  | { kind: "not_found" }
  | { kind: "failed"; failure: Failure };

/** One list_videos call, parsed. `not_found` is §5's "0001 video not found" on a look-up. */
export async function listPage(
  ctx: WireContext,
  body: Record<string, unknown>,
): Promise<ListPage> {
  const answer = await callMemories(ctx, "list", body);
  if (!answer.ok) return { kind: "failed", failure: answer.failure };
  if (answer.code !== "0000") {
    if (answer.code === "0001" && /not\s*found/i.test(answer.msg))
      return { kind: "not_found" };
    return { kind: "failed", failure: codeFailure(answer.code, answer.msg) };
  }
  const data = listDataSchema.safeParse(answer.data);
  if (!data.success) {
    return {
      kind: "failed",
      failure: malformed(
        answer.text,
        "list_videos data is not {total_count, videos[]}",
      ),
    };
  }
  return {
    kind: "page",
    total: data.data.total_count,
    videos: data.data.videos ?? [],
  };
}

/** v1 scopes every list call to the namespace (§2); v1.1 has no `unique_id` (§4). */
export function namespaceField(ctx: WireContext): Record<string, string> {
  return ctx.apiVersion === "v1" ? { unique_id: ctx.uniqueId } : {};
}

/** One ID with the exact `video_no` filter (§4, both generations). */
async function findOne(ctx: WireContext, id: string): Promise<Presence> {
  const page = await listPage(ctx, {
    page: 1,
    size: SINGLE_PAGE_SIZE,
    ...namespaceField(ctx),
    video_no: id,
  });
  if (page.kind === "failed") return page;
  if (page.kind === "not_found") return { kind: "absent" };
  const video = page.videos.find((v) => v.video_no === id);
  if (video) return { kind: "present", video };
  if (page.total === 0) return { kind: "absent" };
  return {
    kind: "failed",
    failure: {
      code: "malformed",
      message: `list_videos did not apply the video_no filter (total_count ${page.total} without ${id})`,
      retryable: true,
    },
  };
}

/**
 * Where each ID stands now. Exactly one entry per ID given. A failed call marks every ID it
 * would have answered, and those not reached yet, with the same failure (repeating a throttled or
 * rejected call at once would only fail again).
 */
export async function findVideos(
  ctx: WireContext,
  ids: string[],
): Promise<Map<string, Presence>> {
  const found = new Map<string, Presence>();
  const unresolved: string[] = [];
  const failRest = (failure: Failure) => {
    for (const id of ids)
      if (!found.has(id)) found.set(id, { kind: "failed", failure });
    return found;
  };

  const snapshots =
    ctx.apiVersion === "v1"
      ? chunk(ids, LOOKUP_CHUNK).map((part) => ({
          ids: part,
          body: {
            page: 1,
            size: part.length,
            ...namespaceField(ctx),
            video_nos: part,
          },
        }))
      : ids.length > 0
        ? [{ ids, body: { page: 1, size: SCAN_PAGE_SIZE } }]
        : [];

  for (const snapshot of snapshots) {
    const page = await listPage(ctx, snapshot.body);
    if (page.kind === "failed") return failRest(page.failure);
    if (page.kind === "not_found") {
      // A batch "video not found" does not say which; ask for each ID alone.
      unresolved.push(...snapshot.ids);
      continue;
    }
    const byId = new Map(page.videos.map((video) => [video.video_no, video]));
    const complete = page.total <= page.videos.length;
    for (const id of snapshot.ids) {
      const video = byId.get(id);
      if (video) found.set(id, { kind: "present", video });
      else if (complete) found.set(id, { kind: "absent" });
      else unresolved.push(id);
    }
  }

  for (const id of unresolved) {
    const presence = await findOne(ctx, id);
    if (presence.kind === "failed") return failRest(presence.failure);
    found.set(id, presence);
  }
  return found;
}
