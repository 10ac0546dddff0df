import "server-only";
import { randomBytes } from "node:crypto";
import {
  mkdir,
  readdir,
  readFile,
  rename,
  stat,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import { getEnv } from "@/lib/env";
import type { Checkpoint } from "./checkpoint";

// One file per position: signing the same head twice (two instances, a download after the
// periodic one) publishes nothing new, and the newest file is found by name alone.
const FILE = /^erasure-checkpoint-(\d{12})\.json$/;
const fileName = (position: number) =>
  `erasure-checkpoint-${String(position).padStart(12, "0")}.json`;

/**
 * Writes a signed checkpoint into ERASURE_CHECKPOINT_DIR for an outside job to copy away, unless
 * that position was published already (Verify reads the newest file, so the job copies, not moves). Written to a temporary name and renamed, so that a reader
 * (Verify, the archiving job) never sees half a file.
 */
export async function publishCheckpoint(checkpoint: Checkpoint): Promise<void> {
  const dir = getEnv().checkpointDir;
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, fileName(checkpoint.position));
  const published = await stat(target).then(
    () => true,
    () => false,
  );
  if (published) return;
  const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temporary, JSON.stringify(checkpoint, null, 2), {
    mode: 0o644,
  });
  await rename(temporary, target);
}

/** The published checkpoint of the highest position: its file name and raw content, or null. */
export async function latestPublishedCheckpoint(): Promise<{
  file: string;
  content: string;
} | null> {
  const dir = getEnv().checkpointDir;
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  const latest = names
    .filter((name) => FILE.test(name))
    .sort()
    .at(-1);
  if (!latest) return null;
  const file = path.join(dir, latest);
  return { file, content: await readFile(file, "utf8") };
}
