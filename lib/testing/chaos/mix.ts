// Test-only: the IDs a chaos run is given. Seeds the sandbox until each provider has its share of
// deletable, still-processing, another account's and never-existing videos, then builds the
// submitted list from them with duplicates, malformed IDs and (Akool) upper-case spellings.
import { idFormats } from "@/lib/providers/id-formats";
import type { ProviderId } from "@/lib/providers/types";
import type { SandboxProcess } from "../sandbox-process";
import { trueState, truthKey, type TrueVideo } from "./truth";

/** Share of a run's distinct IDs per kind; the rest are IDs that never existed. */
const MIX = { ours: 0.55, processing: 0.1, foreign: 0.15 } as const;

/** This account's videos that are still being generated (docs/providers/<p>.md §7). */
const PROCESSING: Record<ProviderId, (video: TrueVideo) => boolean> = {
  // akool.md §7: 2 processing (refused with "try again later"); 1 queueing is deletable.
  akool: (video) => video.status === "2",
  // memories.md §7: UNPARSE (not parsed yet); the fake deletes it.
  memories: (video) => video.status === "UNPARSE",
  // vod.md §7: deletable in any status.
  vod: (video) =>
    video.status === "Transcoding" || video.status === "Uploading",
  // imagine.md §4: pending/processing, deletable in the fake.
  imagine: (video) =>
    video.status === "processing" || video.status === "pending",
};

/** Small seeded PRNG (mulberry32), so a seed reproduces the mix and the kill schedule. */
export function makeRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], rng: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Variants of a valid ID that the provider's format rejects (so run creation drops them). */
function malformedVariants(provider: ProviderId, id: string): string[] {
  const candidates = {
    akool: [
      id.slice(0, 23),
      `${id}0`,
      `zz${id.slice(2)}`,
      `${id.slice(0, 12)} ${id.slice(12)}`,
    ],
    memories: [
      `vi${id.slice(2)}`,
      "VI12345",
      `${id}${"7".repeat(24)}`,
      `VI-${id.slice(2)}`,
    ],
    vod: [id.toUpperCase(), id.slice(0, 31), `g${id.slice(1)}`, `${id}-ref`],
    imagine: [`${id}a`, `-${id}`, `${id}.5`, "12345678901234567890"],
  }[provider];
  return candidates.filter((value) => !idFormats[provider].pattern.test(value));
}

export interface Mix {
  ours: string[];
  processing: string[];
  foreign: string[];
  missing: string[];
}

/** Seeds the sandbox until each kind has its share of `count` IDs (or seeding is clearly futile). */
export async function seedMix(
  sandbox: SandboxProcess,
  provider: ProviderId,
  count: number,
): Promise<Mix> {
  const want = {
    ours: Math.round(count * MIX.ours),
    processing: Math.round(count * MIX.processing),
    foreign: Math.round(count * MIX.foreign),
  };
  const mix: Mix = { ours: [], processing: [], foreign: [], missing: [] };
  const short = () =>
    mix.ours.length < want.ours ||
    mix.processing.length < want.processing ||
    mix.foreign.length < want.foreign;
  for (let seeded = 0; short() && seeded < 40 * count + 1000;) {
    const batch = Math.min(100_000, Math.max(500, 2 * count));
    const { ids } = await sandbox.control<{ ids: string[] }>("POST", "seed", {
      provider,
      count: batch,
    });
    seeded += batch;
    const states = await trueState(sandbox, provider);
    for (const id of ids) {
      const video = states.get(truthKey(provider, id));
      if (!video || video.deleted) continue;
      const kind =
        video.owner !== "console"
          ? "foreign"
          : PROCESSING[provider](video)
            ? "processing"
            : "ours";
      if (mix[kind].length < want[kind]) mix[kind].push(id);
    }
  }
  const missing =
    count - mix.ours.length - mix.processing.length - mix.foreign.length;
  if (missing > 10_000)
    throw new Error(`at most 10,000 never-existing IDs per run (${missing})`);
  if (missing > 0) {
    const { ids } = await sandbox.control<{ ids: string[] }>(
      "GET",
      `missing?provider=${provider}&count=${missing}`,
    );
    mix.missing = ids;
  }
  return mix;
}

/** The submitted list: the mix shuffled, with duplicates and malformed IDs among it. */
export function submittedList(
  provider: ProviderId,
  mix: Mix,
  rng: () => number,
  caseVariants: boolean,
): {
  ids: string[];
  duplicates: number;
  malformed: number;
  caseVariants: number;
} {
  const distinct = shuffle(
    [...mix.ours, ...mix.processing, ...mix.foreign, ...mix.missing],
    rng,
  );
  const ids = [...distinct];
  const insert = (value: string) =>
    ids.splice(Math.floor(rng() * (ids.length + 1)), 0, value);
  const duplicates = Math.max(3, Math.round(distinct.length * 0.05));
  for (let n = 0; n < duplicates; n++)
    insert(distinct[Math.floor(rng() * distinct.length)]!);
  let malformed = 0;
  const target = Math.max(4, Math.round(distinct.length * 0.02));
  while (malformed < target) {
    const variants = malformedVariants(
      provider,
      distinct[Math.floor(rng() * distinct.length)]!,
    );
    for (const value of variants.slice(0, target - malformed)) {
      insert(value);
      malformed++;
    }
  }
  // Akool IDs are case-insensitive (akool.md §7: upper case accepted): an upper-case spelling of
  // a listed ID names the same video, a duplicate that only the provider sees as one.
  let variants = 0;
  if (caseVariants && provider === "akool") {
    const target = Math.max(2, Math.round(mix.ours.length * 0.02));
    for (const id of mix.ours.slice(0, target)) {
      insert(id.toUpperCase());
      variants++;
    }
  }
  return { ids, duplicates, malformed, caseVariants: variants };
}
