// Deterministic random numbers: one seed must reproduce the same videos and the same faults, so
// every random choice in the sandbox core and in the akool/imagine fakes comes from here.
import type { Rng } from "./types";

/** mulberry32: tiny and fast; good enough for simulation, never for secrets. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes a label into a seed (FNV-1a), so each provider and purpose gets its own stream: drawing a
 * fault must not shift the videos a later `seed` call creates.
 */
export function deriveSeed(seed: number, label: string): number {
  let h = (2166136261 ^ (seed >>> 0)) >>> 0;
  for (const ch of `${seed}:${label}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

export interface ReseedableRng {
  /** Hand this to a provider once; it keeps working after `reseed`. */
  rng: Rng;
  reseed(seed: number): void;
}

/** Providers receive their Rng at creation; the core restarts the stream on every reset. */
export function reseedableRng(seed: number): ReseedableRng {
  let next = mulberry32(seed);
  return {
    rng: () => next(),
    reseed(newSeed) {
      next = mulberry32(newSeed);
    },
  };
}

/** Integer in [min, max], both inclusive. */
export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function randHex(rng: Rng, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += Math.floor(rng() * 16).toString(16);
  return out;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}
