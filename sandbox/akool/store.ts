// The AKOOL fake's videos (image2Video results, docs/providers/akool.md §4 and §7), generated
// deterministically from the Rng the core hands over.
import { deriveSeed, mulberry32, pick, randHex, randInt } from "../rng";
import type { Rng, VideoState } from "../types";

/** akool.md §7: 1 queueing, 2 processing, 3 completed, 4 failed. */
export type AkoolStatus = 1 | 2 | 3 | 4;
export type AkoolOwner = "console" | "other";

export interface AkoolVideo {
  id: string;
  status: AkoolStatus;
  owner: AkoolOwner;
  deleted: boolean;
  createTime: number;
  updateTime: number;
  fileName: string;
  prompt: string;
  resolution: string;
  duration: number;
  effectCode: string;
}

export interface AkoolWorld {
  seed: number;
  videos: AkoolVideo[];
  byId: Map<string, AkoolVideo>;
}

const ACCOUNTS: Record<AkoolOwner, { uid: number; teamId: string }> = {
  console: { uid: 101400, teamId: "6805fb69e92d9edc7ca0b409" },
  other: { uid: 230517, teamId: "67f2a1c3e92d9edc7ca0a1f2" },
};
// 2025-06-01T00:00:00Z; seeded IDs start here and missing IDs lie in 2020, so they never meet.
const BASE_TIME_S = 1_748_736_000;
const MISSING_BASE_S = 1_577_836_800;
const PROMPTS = [
  "a paper boat on a rainy street",
  "sunrise over dunes",
  "a cat astronaut waving",
];
const EFFECTS = ["", "squish", "inflate", "rotate"];

export function createAkoolWorld(seed: number): AkoolWorld {
  return { seed, videos: [], byId: new Map() };
}

// The first eight videos cover every status for both accounts, so even a tiny world exercises
// every branch; after that the mix is mostly completed with some in flight, failed and foreign.
function statusAndOwner(rng: Rng, index: number): [AkoolStatus, AkoolOwner] {
  const roll = rng();
  const foreign = rng() < 0.15;
  if (index < 8)
    return [((index % 4) + 1) as AkoolStatus, index < 4 ? "console" : "other"];
  const status: AkoolStatus =
    roll < 0.6 ? 3 : roll < 0.75 ? 4 : roll < 0.88 ? 2 : 1;
  return [status, foreign ? "other" : "console"];
}

/** Appends `count` videos; IDs are ObjectIds whose first 8 hex digits are the creation second. */
export function addAkoolVideos(
  world: AkoolWorld,
  rng: Rng,
  count: number,
): AkoolVideo[] {
  const added: AkoolVideo[] = [];
  for (let n = 0; n < count; n++) {
    const index = world.videos.length;
    const [status, owner] = statusAndOwner(rng, index);
    const seconds = BASE_TIME_S + index * 90 + randInt(rng, 0, 89);
    const createTime = seconds * 1000 + randInt(rng, 0, 999);
    const duration = pick(rng, [5, 10]);
    const video: AkoolVideo = {
      id: seconds.toString(16).padStart(8, "0") + randHex(rng, 16),
      status,
      owner,
      deleted: false,
      createTime,
      updateTime:
        status >= 3 ? createTime + randInt(rng, 30_000, 300_000) : createTime,
      fileName: `image2video-${String(index + 1).padStart(5, "0")}.mp4`,
      prompt: pick(rng, PROMPTS),
      resolution: pick(rng, ["720p", "1080p"]),
      duration,
      effectCode: pick(rng, EFFECTS),
    };
    world.videos.push(video);
    world.byId.set(video.id, video);
    added.push(video);
  }
  return added;
}

/** Well-formed ObjectIds from 2020, before any seeded video; the same list for the same seed. */
export function missingAkoolIds(world: AkoolWorld, count: number): string[] {
  const rng = mulberry32(deriveSeed(world.seed, "akool:missing"));
  const ids: string[] = [];
  while (ids.length < count) {
    const id =
      (MISSING_BASE_S + randInt(rng, 0, 30_000_000)).toString(16) +
      randHex(rng, 16);
    if (!world.byId.has(id) && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** One `data.result[]` entry of resultsByIds (akool.md §4: field names per doc and demo). */
export function renderAkoolResult(video: AkoolVideo): Record<string, unknown> {
  const account = ACCOUNTS[video.owner];
  return {
    _id: video.id,
    create_time: video.createTime,
    update_time: video.updateTime,
    uid: account.uid,
    team_id: account.teamId,
    status: video.status,
    // §4: `video_url` stays empty until the video is completed.
    video_url:
      video.status === 3
        ? `https://sandbox.akool.invalid/results/${video.id}.mp4`
        : "",
    image_url: `https://sandbox.akool.invalid/sources/${video.id}.png`,
    prompt: video.prompt,
    resolution: video.resolution,
    video_duration: video.duration,
    file_name: video.fileName,
    effect_name: video.effectCode,
    effect_code: video.effectCode,
    audio_type: 1,
    audio_url: "",
    only_add_audio: false,
    deduction_credit: video.duration * 2,
    webhookUrl: "",
  };
}

export function akoolVideoState(video: AkoolVideo): VideoState {
  return {
    id: video.id,
    status: String(video.status),
    owner: video.owner,
    deleted: video.deleted,
    name: video.fileName,
  };
}
