// DeleteVideo and the look-ups of the fake VOD (vod.md §4, §5.1, §5.2).
import type { z } from "zod";
import { invalidParameter, missingParameter, VodFailure } from "./errors";
import type { VodLimits } from "./limits";
import {
  snapshotsOf,
  videoFields,
  type VodLibrary,
  type VodVideo,
} from "./store";

export interface ActionContext {
  library: VodLibrary;
  now: number;
  /** From the endpoint host (§1); GetVideoInfo reports it. */
  regionId: string;
  /** Deterministic 32-hex tokens for SearchMedia (§5.4). */
  nextToken(): string;
  scrolls: Map<string, ScrollCursor>;
  limits: VodLimits;
}

/** Where a SearchMedia ScrollToken stands: the query it belongs to and the last item it returned. */
export interface ScrollCursor {
  queryKey: string;
  pageNo: number;
  last?: { creationTime: number; videoId: string };
}

export type ActionResult = Record<string, unknown>;
export type Action = (
  params: Map<string, string>,
  ctx: ActionContext,
) => ActionResult;

/** §4 / §5.1 / §8. */
export const MAX_IDS_PER_CALL = 20;

/** Comma lists as sent: blanks between commas are ignored, order is kept. */
export function splitIds(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
}

/** Video IDs a request named, in request order, for the core's call log. */
export function idsNamed(params: Map<string, string>): string[] {
  const single = params.get("VideoId");
  return [...splitIds(params.get("VideoIds")), ...(single ? [single] : [])];
}

/**
 * §4: at least one of VideoIds / ReferenceIds [inferred]. Whether the cap of 20 applies to both
 * lists together or to each is [unknown]: `idCapMode`, "combined" by default (see fake.ts).
 */
function requestedIds(params: Map<string, string>, limits: VodLimits) {
  const videoIds = splitIds(params.get("VideoIds"));
  const referenceIds = splitIds(params.get("ReferenceIds"));
  if (videoIds.length === 0 && referenceIds.length === 0)
    throw missingParameter("VideoIds");
  const tooMany =
    limits.idCapMode === "combined"
      ? videoIds.length + referenceIds.length > MAX_IDS_PER_CALL
      : Math.max(videoIds.length, referenceIds.length) > MAX_IDS_PER_CALL;
  if (tooMany) throw new VodFailure("VideoIdsExceededMax");
  return {
    videoIds: [...new Set(videoIds)],
    referenceIds: [...new Set(referenceIds)],
  };
}

/** Look-ups and lists see another account's videos unless `foreignVisible` is switched off. */
export const visible = (v: VodVideo, ctx: ActionContext) =>
  !v.deleted && (ctx.limits.foreignVisible || v.owner === "console");

interface Resolved {
  found: VodVideo[];
  nonExistVideoIds: string[];
  nonExistReferenceIds: string[];
}

/** Deleted and never-existing IDs are alike non-existent; so is a malformed ID (§7). */
function resolve(
  params: Map<string, string>,
  ctx: ActionContext,
  forDelete: boolean,
): Resolved {
  const { videoIds, referenceIds } = requestedIds(params, ctx.limits);
  const usable = (v: VodVideo | undefined) =>
    v !== undefined && (forDelete || visible(v, ctx));
  const out: Resolved = {
    found: [],
    nonExistVideoIds: [],
    nonExistReferenceIds: [],
  };
  for (const id of videoIds) {
    const v = ctx.library.live(id);
    if (usable(v)) out.found.push(v as VodVideo);
    else out.nonExistVideoIds.push(id);
  }
  for (const ref of referenceIds) {
    const v = ctx.library.liveByRef(ref);
    if (usable(v)) out.found.push(v as VodVideo);
    else out.nonExistReferenceIds.push(ref);
  }
  // §4: only when *every* requested ID is missing does the call fail with 404; a forbidden ID
  // exists, so it keeps the answer a 200 with lists.
  if (out.found.length === 0) throw new VodFailure("InvalidVideo.NotFound");
  return out;
}

export const deleteVideo: Action = (params, ctx) => {
  const { found, nonExistVideoIds, nonExistReferenceIds } = resolve(
    params,
    ctx,
    true,
  );
  const forbidden: string[] = [];
  for (const v of found) {
    if (v.owner === "other") {
      // [unknown] which ID a forbidden ReferenceId is reported by: its VideoId, the only list.
      if (!forbidden.includes(v.videoId)) forbidden.push(v.videoId);
    } else if (!v.deleted) {
      v.deleted = true;
      v.modificationTime = ctx.now;
    }
  }
  // §4: empty lists "may be omitted" [inferred]; by default they are, so clients must read
  // absence as [] (`omitEmptyLists: false` sends them).
  const list = (name: string, ids: string[]) =>
    ids.length > 0 || !ctx.limits.omitEmptyLists ? { [name]: ids } : {};
  return {
    ...list("ForbiddenVideoIds", forbidden),
    ...list("NonExistVideoIds", nonExistVideoIds),
    ...list("NonExistReferenceIds", nonExistReferenceIds),
  };
};

/** §5.1: lists are present even when empty, as in the doc's sample (`"NonExistReferenceIds": []`). */
export const getVideoInfos: Action = (params, ctx) => {
  const { found, nonExistVideoIds, nonExistReferenceIds } = resolve(
    params,
    ctx,
    false,
  );
  return {
    VideoList: [...new Set(found)].map((v) => ({
      ...videoFields(v),
      Snapshots: snapshotsOf(v),
    })),
    NonExistVideoIds: nonExistVideoIds,
    NonExistReferenceIds: nonExistReferenceIds,
  };
};

/** AuditStatus values are [unknown] to vod.md; we echo the review side of the status. */
const AUDIT_STATUS: Partial<Record<VodVideo["status"], string>> = {
  Blocked: "Blocked",
  Checking: "Checking",
  Normal: "Normal",
};

/** §5.2: single look-up; Snapshots wrapped XML-style, unlike GetVideoInfos. */
export const getVideoInfo: Action = (params, ctx) => {
  const videoId = params.get("VideoId");
  if (!videoId) throw missingParameter("VideoId");
  const v = ctx.library.live(videoId.trim());
  if (v === undefined || !visible(v, ctx))
    throw new VodFailure("InvalidVideo.NotFound");
  return {
    Video: {
      ...videoFields(v),
      Snapshots: { Snapshot: snapshotsOf(v) },
      AuditStatus: AUDIT_STATUS[v.status] ?? "Init",
      RegionId: ctx.regionId,
    },
  };
};

/** Parses business parameters; a zod failure names the first bad parameter, as POP does. */
export function parseParams<T extends z.ZodType>(
  schema: T,
  params: Map<string, string>,
): z.output<T> {
  const raw = Object.fromEntries(
    [...params].filter(([, value]) => value !== ""),
  );
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const name = String(parsed.error.issues[0]?.path[0] ?? "parameter");
  throw invalidParameter(name);
}
