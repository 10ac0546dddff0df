import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./pglite-lock";

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "erasure-lock-"));
  dirs.push(dir);
  return dir;
};
const children: ReturnType<typeof spawn>[] = [];
afterEach(() => children.splice(0).forEach((child) => child.kill("SIGKILL")));

describe("lockDataDir", () => {
  it("creates the folder, writes our PID, and releases", () => {
    const dir = path.join(freshDir(), "nested", "data");
    const release = lockDataDir(dir);
    const lockFile = path.join(dir, "erasure.lock");
    expect(JSON.parse(readFileSync(lockFile, "utf8")).pid).toBe(process.pid);
    release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it("refuses a second opener while the holder is alive, naming it", () => {
    const dir = freshDir();
    const holder = spawn("sleep", ["30"]);
    children.push(holder);
    writeFileSync(
      path.join(dir, "erasure.lock"),
      JSON.stringify({ pid: holder.pid, host: hostname() }),
    );
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(
      new RegExp(`in use by process ${holder.pid}`),
    );
  });

  it("takes over a lock left by a killed process at once", async () => {
    const dir = freshDir();
    const holder = spawn("sleep", ["30"]);
    const pid = holder.pid!;
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    writeFileSync(
      path.join(dir, "erasure.lock"),
      JSON.stringify({ pid, host: hostname() }),
    );
    const release = lockDataDir(dir);
    expect(
      JSON.parse(readFileSync(path.join(dir, "erasure.lock"), "utf8")).pid,
    ).toBe(process.pid);
    release();
  });

  it("refuses a lock held from another host, whose PIDs it cannot check", () => {
    const dir = freshDir();
    writeFileSync(
      path.join(dir, "erasure.lock"),
      JSON.stringify({ pid: 1, host: "some-other-host" }),
    );
    expect(() => lockDataDir(dir)).toThrow(/some-other-host/);
  });
});
