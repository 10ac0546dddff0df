import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { E2E_PORT } from "../playwright.config";

/**
 * Starts the console exactly as `npm run demo` does, on a fresh PGlite folder and its own port.
 * The server runs in its own process group (setsid) so teardown can kill next-server too;
 * killing only the parent would orphan it.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "erasure-e2e-"));
  const server = spawn(
    process.execPath,
    [
      "node_modules/tsx/dist/cli.mjs",
      "--conditions=react-server",
      "scripts/demo.ts",
    ],
    {
      env: {
        ...process.env,
        PORT: String(E2E_PORT),
        SANDBOX_PORT: String(E2E_PORT + 10),
        ERASURE_DATA_DIR: dataDir,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      detached: true,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const killGroup = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  // Armed before waiting: a console that never gets ready, or a runner that dies before
  // teardown, must not leave the server running.
  process.once("exit", killGroup);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup();
      reject(new Error("console did not start within 240 s"));
    }, 240_000);
    let output = "";
    server.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (process.env.E2E_VERBOSE) process.stdout.write(chunk);
      if (output.includes("Erasure is running at")) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on("exit", (code) => {
      // The sandbox it started may still be running in the group.
      killGroup();
      reject(
        new Error(
          `console exited with ${code} before it was ready:\n${output}`,
        ),
      );
    });
  });
  server.stdout!.resume();
  return async () => {
    killGroup();
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
