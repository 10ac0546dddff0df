import "server-only";
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/**
 * PGlite corrupts a data folder that two processes open at once, so the first opener writes
 * `erasure.lock` with its PID and every later opener is refused while that PID is alive.
 * A lock left by a killed process (SIGKILL, power loss) is taken over at once: the crash-restart
 * path must not wait for a timeout. A PID-checked lock file rather than proper-lockfile because
 * the latter can only tell a dead holder by a stale mtime, i.e. after a delay.
 */
export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(lockPath: string): { pid: number; host: string } | null {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, "utf8")) as {
      pid?: unknown;
      host?: unknown;
    };
    return typeof parsed.pid === "number" && typeof parsed.host === "string"
      ? { pid: parsed.pid, host: parsed.host }
      : null;
  } catch {
    return null;
  }
}

/** Takes the folder's lock for this process; returns a release function. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "erasure.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(
        fd,
        JSON.stringify({
          pid: process.pid,
          host: hostname(),
          at: new Date().toISOString(),
        }),
      );
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockPath);
      const heldElsewhere =
        holder !== null &&
        (holder.host !== hostname() ||
          (holder.pid !== process.pid && isAlive(holder.pid)));
      if (heldElsewhere) {
        throw new DataDirLockedError(
          `The embedded database in ${path.resolve(dataDir)} is in use by process ${holder.pid} on ${holder.host}. ` +
            "PGlite allows one process per data folder: stop that process, point ERASURE_DATA_DIR elsewhere, " +
            "or set DATABASE_URL to share a PostgreSQL server.",
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(
    `Could not lock ${path.resolve(dataDir)}; another process keeps re-creating ${lockPath}.`,
  );
}
