// Test-only: a worker process (scripts/worker.ts) that a test can SIGKILL like a crashed console.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export async function startWorkerProcess(
  env: Record<string, string>,
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    // tsx as a loader, not its CLI: the CLI runs the script in a child process, so SIGKILL on the
    // CLI would orphan the real worker instead of crashing it.
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      path.join(process.cwd(), "scripts/worker.ts"),
    ],
    {
      env: { ...process.env, LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("started")) resolve();
    });
    child.once("exit", (code) =>
      reject(new Error(`worker exited with ${code}: ${output}`)),
    );
  });
  child.stdout!.resume();
  return child;
}

export async function stopProcess(
  child: ChildProcess,
  signal: NodeJS.Signals = "SIGTERM",
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}
