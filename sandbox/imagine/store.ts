// The Imagine.art fake's videos (docs/providers/imagine.md §4 and §7): each has an integer ID
// (current endpoints) and a UUID (deprecated and asset endpoints), both naming the same record.
import { deriveSeed, mulberry32, pick, randHex, randInt } from "../rng";
import type { Rng, VideoState } from "../types";

/** §4: pending/processing/completed/failed in prose; the examples spell completed `finished`. */
export type ImagineStatus = "pending" | "processing" | "finished" | "failed";
export type ImagineOwner = "console" | "other";

export interface ImagineVideo {
  id: number;
  uuid: string;
  status: ImagineStatus;
  owner: ImagineOwner;
  deleted: boolean;
  createdAt: string;
  prompt: string;
  styleId: string;
  variation: "text_to_video" | "image_to_video";
}

export interface ImagineWorld {
  seed: number;
  videos: ImagineVideo[];
  byId: Map<string, ImagineVideo>;
  byUuid: Map<string, ImagineVideo>;
  nextId: number;
}

const STATUSES: ImagineStatus[] = [
  "pending",
  "processing",
  "finished",
  "failed",
];
// §4: `video.code` is undocumented; only 2 for a finished video is shown, the rest is invented.
const STATUS_CODES: Record<ImagineStatus, number> = {
  pending: 0,
  processing: 1,
  finished: 2,
  failed: 3,
};
const BASE_TIME_MS = Date.UTC(2025, 3, 1);
// Far above any seeded ID, so `seed` can never create a "missing" one.
const MISSING_BASE = 9_000_000_000;
const PROMPTS = [
  "a flying dinosaur",
  "waves on a basalt beach",
  "neon city in the rain",
];

export function createImagineWorld(seed: number): ImagineWorld {
  return { seed, videos: [], byId: new Map(), byUuid: new Map(), nextId: 1200 };
}

function uuidV4(rng: Rng): string {
  const hex = randHex(rng, 32).split("");
  hex[12] = "4";
  hex[16] = pick(rng, ["8", "9", "a", "b"]);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// The first eight videos cover every status for both accounts; the rest are mostly finished.
function statusAndOwner(
  rng: Rng,
  index: number,
): [ImagineStatus, ImagineOwner] {
  const roll = rng();
  const foreign = rng() < 0.15;
  if (index < 8)
    return [
      STATUSES[index % 4] as ImagineStatus,
      index < 4 ? "console" : "other",
    ];
  const status: ImagineStatus =
    roll < 0.65
      ? "finished"
      : roll < 0.75
        ? "failed"
        : roll < 0.9
          ? "processing"
          : "pending";
  return [status, foreign ? "other" : "console"];
}

/** Appends `count` videos; IDs grow with gaps, like one sequence shared with other customers. */
export function addImagineVideos(
  world: ImagineWorld,
  rng: Rng,
  count: number,
): ImagineVideo[] {
  const added: ImagineVideo[] = [];
  for (let n = 0; n < count; n++) {
    const index = world.videos.length;
    const [status, owner] = statusAndOwner(rng, index);
    const createdMs = BASE_TIME_MS + index * 300_000 + randInt(rng, 0, 299_999);
    const micros = String(randInt(rng, 0, 999)).padStart(3, "0");
    const video: ImagineVideo = {
      id: world.nextId,
      uuid: uuidV4(rng),
      status,
      owner,
      deleted: false,
      // §4 example: microsecond precision.
      createdAt: new Date(createdMs).toISOString().replace("Z", `${micros}Z`),
      prompt: pick(rng, PROMPTS),
      styleId: pick(rng, ["11002", "11003", "11004"]),
      variation: pick(rng, ["text_to_video", "image_to_video"] as const),
    };
    world.nextId += randInt(rng, 1, 3);
    world.videos.push(video);
    world.byId.set(String(video.id), video);
    world.byUuid.set(video.uuid, video);
    added.push(video);
  }
  return added;
}

export function missingImagineIds(
  world: ImagineWorld,
  count: number,
): string[] {
  const rng = mulberry32(deriveSeed(world.seed, "imagine:missing"));
  const ids = new Set<string>();
  while (ids.size < count)
    ids.add(String(MISSING_BASE + randInt(rng, 0, 999_999_999)));
  return [...ids];
}

const generation = (v: ImagineVideo) =>
  v.status === "finished"
    ? [
        `https://sandbox-imagine.invalid/generations/${v.uuid}.mp4?X-Amz-Signature=sandbox`,
      ]
    : [];
const thumbnail = (v: ImagineVideo) =>
  v.status === "finished"
    ? [`https://sandbox-imagine.invalid/thumbnails/${v.uuid}.jpg`]
    : [];

/** §4 current `GET /v2/video/{id}/status`. */
export function renderCurrentStatus(v: ImagineVideo): Record<string, unknown> {
  return {
    status: "success",
    video: {
      id: v.id,
      code: STATUS_CODES[v.status],
      created_at: v.createdAt,
      settings: {
        prompt: v.prompt,
        style_id: v.styleId,
        variation: v.variation,
      },
      url: { generation: generation(v) },
    },
  };
}

/** §4 deprecated `GET /v2/video/status/{id}`. */
export function renderDeprecatedStatus(
  v: ImagineVideo,
): Record<string, unknown> {
  const url = { generation: generation(v), thumbnail: thumbnail(v) };
  return {
    status: "success",
    video: { uuid: v.uuid, created_at: v.createdAt, status: v.status, url },
  };
}

/** §4 generic asset status `GET /v2/assets/{id}/status`. */
export function renderAssetStatus(v: ImagineVideo): Record<string, unknown> {
  return {
    status: "success",
    video: {
      uuid: v.uuid,
      status: v.status,
      url: { generation: generation(v), thumbnail: thumbnail(v) },
    },
  };
}

/** The control API's view; `uuid` is extra so tests can reach the UUID endpoints. */
export function imagineVideoState(
  v: ImagineVideo,
): VideoState & { uuid: string } {
  return {
    id: String(v.id),
    status: v.status,
    owner: v.owner,
    deleted: v.deleted,
    name: `${v.prompt} #${v.id}`,
    uuid: v.uuid,
  };
}
