// Starts the console exactly as `npm run demo` does, for the end-to-end tests and the benchmarks:
// scripts/demo.ts on a fresh PGlite folder, which builds the console when the build is older than
// the sources (`next build`) and serves it with `next start` (NODE_ENV=production), the worker
// inside, next to its provider sandbox. It runs in its own process group (setsid) so that stopping
// it also stops next-server and the sandbox (killing only the parent would orphan them), even when
// the caller fails.
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

function spawnDemo(
  port: number,
  dataDir: string,
  quiet: boolean,
  extraEnv: Record<string, string>,
): ChildProcess {
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
        ...extraEnv,
      },
      detached: true,
      stdio: ["ignore", "pipe", quiet ? "pipe" : "inherit"],
    },
  );
}

async function waitUntilReady(
  server: ChildProcess,
  echo: boolean,
): Promise<void> {
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`console did not start in 300 s:\n${output}`)),
      300_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (echo) process.stdout.write(chunk);
      if (output.includes("Erasure is running at")) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout!.on("data", read);
    server.stderr?.on("data", read);
    server.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`console exited with ${code} before ready:\n${output}`));
    });
  });
  server.stdout!.resume();
  server.stderr?.resume();
}

export interface ConsoleProcess {
  origin: string;
  /** The provider sandbox the console is pointed at (its control API is under `/__sandbox/`). */
  sandboxUrl: string;
  /** Leader of the console's process group: scripts/demo.ts, next-server and the sandbox. */
  pid: number;
  /** Resolves once the console answers; rejects if it exits or takes over 300 s. */
  ready: Promise<void>;
  /** Kills the whole process group and removes the data folder; safe to call twice. */
  stop: () => void;
}

/**
 * The console on `port` (the sandbox on port + 10), or on free ports; it is stopped when this
 * process exits, whatever the reason. `exitOnSignal` makes Ctrl+C stop it too (for scripts; a
 * test runner handles its own signals).
 */
export async function startConsole(
  options: {
    port?: number;
    /** Copy the console's output here while it starts. */
    echo?: boolean;
    /** Keep the console's error output to ourselves (a benchmark's table stays readable). */
    quiet?: boolean;
    exitOnSignal?: boolean;
    /** More environment for demo.ts and the console it starts (e.g. `SANDBOX_COUNT`). */
    env?: Record<string, string>;
  } = {},
): Promise<ConsoleProcess> {
  const port = options.port ?? (await freePorts());
  const dataDir = mkdtempSync(path.join(tmpdir(), "erasure-console-"));
  const server = spawnDemo(
    port,
    dataDir,
    options.quiet ?? false,
    options.env ?? {},
  );
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
  if (options.exitOnSignal)
    for (const signal of ["SIGINT", "SIGTERM"] as const)
      process.once(signal, () => process.exit(signal === "SIGINT" ? 130 : 143));
  const ready = waitUntilReady(server, options.echo ?? false);
  // A console that never gets ready must not keep running.
  ready.catch(stop);
  return {
    origin: `http://localhost:${port}`,
    sandboxUrl: `http://127.0.0.1:${port + 10}`,
    pid: server.pid!,
    ready,
    stop,
  };
}
