// Starts the console for a browser benchmark the way e2e/global-setup.ts does for the e2e run:
// scripts/demo.ts on a fresh PGlite folder and free ports, in its own process group (setsid) so
// that stopping it also stops next-server and the sandbox, even when the benchmark fails.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** A port that is free, with port + 10 free too (the sandbox's, as in e2e/global-setup.ts). */
async function freePorts(): Promise<number> {
  const isFree = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = createServer()
        .once("error", () => resolve(false))
        .listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
  for (;;) {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    if (port + 10 < 65536 && (await isFree(port + 10))) return port;
  }
}

function spawnDemo(port: number, dataDir: string): ChildProcess {
  return spawn(
    process.execPath,
    [
      "node_modules/tsx/dist/cli.mjs",
      "--conditions=react-server",
      "scripts/demo.ts",
    ],
    {
      env: {
        ...process.env,
        PORT: String(port),
        SANDBOX_PORT: String(port + 10),
        ERASURE_DATA_DIR: dataDir,
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "warn",
      },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
}

async function waitUntilReady(server: ChildProcess): Promise<void> {
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`console did not start in 300 s:\n${output}`)),
      300_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Erasure is running at")) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout!.on("data", read);
    server.stderr!.on("data", read);
    server.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`console exited with ${code} before ready:\n${output}`));
    });
  });
  server.stdout!.resume();
  server.stderr!.resume();
}

export interface ConsoleProcess {
  origin: string;
  /** Resolves once the console answers; rejects if it exits or takes over 300 s. */
  ready: Promise<void>;
  /** Kills the whole process group and removes the data folder; safe to call twice. */
  stop: () => void;
}

/** The console on free ports; it is stopped when this process exits, whatever the reason. */
export async function startConsole(): Promise<ConsoleProcess> {
  const port = await freePorts();
  const dataDir = mkdtempSync(path.join(tmpdir(), "erasure-bench-console-"));
  const server = spawnDemo(port, dataDir);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => process.exit(signal === "SIGINT" ? 130 : 143));
  const ready = waitUntilReady(server);
  // The caller awaits `ready` later; a console that dies first must not crash us before that.
  ready.catch(() => {});
  return { origin: `http://localhost:${port}`, ready, stop };
}
