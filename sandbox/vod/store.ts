// The fake VOD's media library: deterministic videos in every status of vod.md §7, some with a
// ReferenceId (§4), some "forbidden" (owner `other`, answered in ForbiddenVideoIds on delete).
import { createHash } from "node:crypto";
import type { Rng, VideoState } from "../types";

/** vod.md §7, in the doc's order. */
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
export type VodStatus = (typeof VOD_STATUSES)[number];

export interface VodVideo {
  videoId: string;
  referenceId?: string;
  title: string;
  status: VodStatus;
  /** `other`: the caller may see it but not delete it (see fake.ts, "forbidden videos"). */
  owner: "console" | "other";
  deleted: boolean;
  creationTime: number;
  modificationTime: number;
  duration: number;
  size: number;
  cateId: number;
  cateName: string;
  tags: string;
  appId: string;
}

const WEIGHTED: [VodStatus, number][] = [
  ["Normal", 55],
  ["UploadSucc", 8],
  ["Transcoding", 8],
  ["Checking", 6],
  ["Uploading", 5],
  ["Blocked", 5],
  ["TranscodeFail", 5],
  ["UploadFail", 4],
  ["ProduceFail", 4],
];
const CATEGORIES: [number, string][] = [
  [1000001, "Default"],
  [1000002, "Marketing"],
  [1000003, "Tutorials"],
];
const ADJECTIVES = [
  "Quiet",
  "Bright",
  "Rapid",
  "Golden",
  "Hidden",
  "Lunar",
  "Crisp",
  "Velvet",
];
const NOUNS = [
  "harbor",
  "canyon",
  "meadow",
  "skyline",
  "garden",
  "circuit",
  "glacier",
  "market",
];
/** 2015-01-01: videos are 20 minutes apart (plus jitter), so creation order is the index order. */
const EPOCH = Date.UTC(2015, 0, 1);
const SPACING_MS = 20 * 60 * 1000;

const pick = <T>(rng: Rng, list: readonly T[]): T =>
  list[Math.floor(rng() * list.length)] as T;

function weightedStatus(rng: Rng): VodStatus {
  let roll = rng() * 100;
  for (const [status, weight] of WEIGHTED) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return "Normal";
}

/** §7: 32 lowercase hex characters. */
function hexId(rng: Rng): string {
  let id = "";
  for (let i = 0; i < 4; i += 1)
    id += Math.floor(rng() * 4294967296)
      .toString(16)
      .padStart(8, "0");
  return id;
}

/**
 * Video number `index` of the library. The first nine cover every status of §7, index 2 has a
 * ReferenceId and index 5 belongs to another account, so any world of 9+ videos has them all.
 */
export function makeVideo(
  rng: Rng,
  index: number,
  exists: (id: string) => boolean,
): VodVideo {
  let videoId = hexId(rng);
  while (exists(videoId)) videoId = hexId(rng);
  const status =
    index < VOD_STATUSES.length
      ? (VOD_STATUSES[index] as VodStatus)
      : weightedStatus(rng);
  const owner =
    index % 8 === 5 || (index >= 9 && rng() < 0.04) ? "other" : "console";
  const hasRef = index % 4 === 2 || rng() < 0.15;
  const [cateId, cateName] = pick(rng, CATEGORIES);
  // Jitter under half the spacing keeps creation times strictly increasing with the index.
  const creationTime =
    EPOCH + index * SPACING_MS + Math.floor(rng() * 600) * 1000;
  const empty = status === "Uploading" || status === "UploadFail";
  return {
    videoId,
    // §7: ReferenceIds are opaque customer strings like `123-123`; never with a comma.
    referenceId: hasRef
      ? `${1000 + index}-${Math.floor(rng() * 900) + 100}`
      : undefined,
    title: `${pick(rng, ADJECTIVES)} ${pick(rng, NOUNS)} ${index + 1}`,
    status,
    owner,
    deleted: false,
    creationTime,
    modificationTime: creationTime + 60_000,
    duration: empty ? 0 : Math.round(rng() * 36000) / 10,
    size: empty ? 0 : 1_000_000 + Math.floor(rng() * 500_000_000),
    cateId,
    cateName,
    tags: pick(rng, ["", "demo", "demo,archive", "campaign"]),
    appId: owner === "other" ? "app-2000000" : "app-1000000",
  };
}

/** Well-formed IDs from a separate hash stream, checked against the library. */
export function missingVideoId(
  seed: number,
  n: number,
  exists: (id: string) => boolean,
): string {
  for (let salt = 0; ; salt += 1) {
    const id = createHash("sha256")
      .update(`vod-missing:${seed}:${n}:${salt}`)
      .digest("hex")
      .slice(0, 32);
    if (!exists(id)) return id;
  }
}

export function toVideoState(v: VodVideo): VideoState {
  return {
    id: v.videoId,
    status: v.status,
    owner: v.owner,
    deleted: v.deleted,
    name: v.title,
    ...(v.referenceId === undefined ? {} : { referenceId: v.referenceId }),
  };
}

export const isoSeconds = (ms: number) =>
  new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** The common video fields of GetVideoInfos (§5.1); callers wrap Snapshots as their API does. */
export function videoFields(v: VodVideo): Record<string, unknown> {
  const ready = v.duration > 0;
  return {
    VideoId: v.videoId,
    Title: v.title,
    Description: "",
    Duration: v.duration,
    CoverURL: ready
      ? `https://sandbox-vod.example.com/${v.videoId}/cover.jpg`
      : "",
    Status: v.status,
    CreationTime: isoSeconds(v.creationTime),
    ModificationTime: isoSeconds(v.modificationTime),
    Size: v.size,
    CateId: v.cateId,
    CateName: v.cateName,
    Tags: v.tags,
    StorageLocation: "out-sandbox.oss-cn-shanghai.aliyuncs.com",
    AppId: v.appId,
    DownloadSwitch: "on",
    StorageClass: "Standard",
    ...(v.referenceId === undefined ? {} : { ReferenceId: v.referenceId }),
  };
}

export const snapshotsOf = (v: VodVideo): string[] =>
  v.duration > 0
    ? [`https://sandbox-vod.example.com/${v.videoId}/snapshot-00001.jpg`]
    : [];

/** Videos in creation order (deleted ones kept for `videos()`), indexed by ID and ReferenceId. */
export class VodLibrary {
  readonly all: VodVideo[] = [];
  private readonly byId = new Map<string, VodVideo>();
  private readonly byRef = new Map<string, VodVideo>();

  add(video: VodVideo): void {
    this.all.push(video);
    this.byId.set(video.videoId, video);
    if (video.referenceId !== undefined)
      this.byRef.set(video.referenceId, video);
  }

  /** True for any ID ever issued, deleted or not. */
  knows(videoId: string): boolean {
    return this.byId.has(videoId);
  }

  /** Deleted videos disappear from every look-up (§4: re-deleting reports them non-existent). */
  live(videoId: string): VodVideo | undefined {
    const v = this.byId.get(videoId);
    return v && !v.deleted ? v : undefined;
  }

  liveByRef(referenceId: string): VodVideo | undefined {
    const v = this.byRef.get(referenceId);
    return v && !v.deleted ? v : undefined;
  }
}
