// The memories.ai fake's world: deterministic videos for a seed. ID forms and the status enum follow
// docs/providers/memories.md §7; the video fields follow §4 and §4b.
import { deriveSeed, mulberry32, pick, randInt } from "../rng";
import type { Rng, VideoState } from "../types";

export type MemoriesStatus = "UNPARSE" | "PARSE" | "PARSE_ERROR";
export type MemoriesAccount = "main" | "other";

export const DEFAULT_NAMESPACE = "default";
/** Second namespace of the console's own account, to prove `unique_id` scoping (§2). */
export const ARCHIVE_NAMESPACE = "archive";

export interface MemoriesVideo {
  videoNo: string;
  account: MemoriesAccount;
  namespace: string;
  name: string;
  status: MemoriesStatus;
  duration: number;
  size: number;
  createTime: number;
  /** `PI-…` social-media import (§7); the fake never deletes these. */
  publicImport: boolean;
  deleted: boolean;
  /** Optional list fields (§4): omitted from answers when absent. */
  optional: {
    datetime_taken?: number;
    camera_model?: string;
    latitude?: number;
    longitude?: number;
    tags?: string[];
  };
  media: {
    resolution_label: string;
    fps: number;
    width: number;
    height: number;
  };
}

export interface MemoriesWorld {
  videos: MemoriesVideo[];
  byId: Map<string, MemoriesVideo>;
  /** Every ID handed out, `missingIds` included, so that seed() can never create one of those. */
  taken: Set<string>;
  rng: Rng;
  missingRng: Rng;
}

type Blueprint = Pick<
  MemoriesVideo,
  "account" | "namespace" | "status" | "publicImport"
>;

const blueprint = (
  account: MemoriesAccount,
  namespace: string,
  status: MemoriesStatus,
  publicImport = false,
): Blueprint => ({ account, namespace, status, publicImport });

// The first videos of every world cover each category, so any count ≥ 6 has all of them.
const COVERAGE: Blueprint[] = [
  blueprint("main", DEFAULT_NAMESPACE, "PARSE"),
  blueprint("main", DEFAULT_NAMESPACE, "UNPARSE"),
  blueprint("main", DEFAULT_NAMESPACE, "PARSE_ERROR"),
  blueprint("main", ARCHIVE_NAMESPACE, "PARSE"),
  blueprint("other", DEFAULT_NAMESPACE, "PARSE"),
  blueprint("main", DEFAULT_NAMESPACE, "PARSE", true),
];

const WORDS = "holiday beach launch interview drone tutorial wedding".split(
  " ",
);
const CAMERAS = ["Canon EOS 5D", "iPhone 15 Pro", "DJI Mini 4", "Sony A7 IV"];
const TAGS = ["holiday", "family", "work", "travel", "pets"];
const MEDIA = [
  { resolution_label: "480P", width: 854, height: 480 },
  { resolution_label: "720P", width: 1280, height: 720 },
  { resolution_label: "1080P", width: 1920, height: 1080 },
];
const FIRST_CREATE_TIME = 1_754_000_000_000;

// Real IDs carry 18 digits after the prefix (§7: `VI606404158946574336`, `PI-603068775285264430`).
function freshId(world: MemoriesWorld, rng: Rng, prefix: "VI" | "PI-"): string {
  for (;;) {
    let digits = "6";
    for (let i = 0; i < 17; i++) digits += String(Math.floor(rng() * 10));
    const id = prefix + digits;
    if (!world.taken.has(id)) {
      world.taken.add(id);
      return id;
    }
  }
}

function randomBlueprint(rng: Rng): Blueprint {
  const r = rng();
  const s = rng();
  const status = s < 0.7 ? "PARSE" : s < 0.85 ? "UNPARSE" : "PARSE_ERROR";
  if (r < 0.72) return blueprint("main", DEFAULT_NAMESPACE, status);
  if (r < 0.82) return blueprint("main", ARCHIVE_NAMESPACE, status);
  if (r < 0.96) return blueprint("other", DEFAULT_NAMESPACE, status);
  return blueprint("main", DEFAULT_NAMESPACE, status, true);
}

function makeVideo(world: MemoriesWorld, index: number): MemoriesVideo {
  const { rng } = world;
  const plan = COVERAGE[index] ?? randomBlueprint(rng);
  const videoNo = freshId(world, rng, plan.publicImport ? "PI-" : "VI");
  const duration = randInt(rng, 3, 600);
  const createTime =
    FIRST_CREATE_TIME + index * 60_000 + randInt(rng, 0, 59_000);
  const optional: MemoriesVideo["optional"] = {};
  if (rng() < 0.5) {
    optional.datetime_taken = createTime - randInt(rng, 1, 400) * 86_400_000;
    optional.camera_model = pick(rng, CAMERAS);
    optional.latitude = Math.round((rng() * 140 - 70) * 1e4) / 1e4;
    optional.longitude = Math.round((rng() * 340 - 170) * 1e4) / 1e4;
    optional.tags = [pick(rng, TAGS)];
  }
  return {
    ...plan,
    videoNo,
    name: `${pick(rng, WORDS)}_${randInt(rng, 1000, 9999)}`,
    duration,
    size: duration * randInt(rng, 150_000, 900_000),
    createTime,
    deleted: false,
    optional,
    media: { ...pick(rng, MEDIA), fps: pick(rng, [24, 30, 60]) },
  };
}

export function createWorld(seed: number, count: number): MemoriesWorld {
  const world: MemoriesWorld = {
    videos: [],
    byId: new Map(),
    taken: new Set(),
    // The stream the core reseeds the fake's `rng` with, rebuilt here so that a direct reset(seed)
    // is deterministic too.
    rng: mulberry32(deriveSeed(seed, "memories")),
    missingRng: mulberry32(deriveSeed(seed, "memories:missing")),
  };
  addVideos(world, count);
  return world;
}

export function addVideos(
  world: MemoriesWorld,
  count: number,
): MemoriesVideo[] {
  const added: MemoriesVideo[] = [];
  for (let i = 0; i < count; i++) {
    const video = makeVideo(world, world.videos.length);
    world.videos.push(video);
    world.byId.set(video.videoNo, video);
    added.push(video);
  }
  return added;
}

export function missingVideoNos(world: MemoriesWorld, count: number): string[] {
  return Array.from({ length: count }, () =>
    freshId(world, world.missingRng, "VI"),
  );
}

/** `owner` for the control API: `console` is the default namespace of the console's key. */
export function toVideoState(
  video: MemoriesVideo,
  spell: (status: MemoriesStatus) => string,
): VideoState {
  const owner =
    video.account === "other"
      ? "other"
      : video.namespace === DEFAULT_NAMESPACE
        ? "console"
        : video.namespace;
  return {
    id: video.videoNo,
    status: spell(video.status),
    owner,
    deleted: video.deleted,
    name: video.name,
  };
}
