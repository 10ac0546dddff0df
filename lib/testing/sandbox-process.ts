// Test-only: the provider sandbox as a separate process (as in production, it shares no code
// with lib/providers), plus typed helpers for its control API.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface SandboxProcess {
  url: string;
  control<T = unknown>(
    method: string,
    pathname: string,
    body?: unknown,
  ): Promise<T>;
  stop(): Promise<void>;
}

/** Starts `sandbox/main.ts` on a free port; resolves once it listens. */
export async function startSandboxProcess(
  env: Record<string, string> = {},
): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(process.cwd(), "node_modules/tsx/dist/cli.mjs"),
      "sandbox/main.ts",
    ],
    {
      env: { ...process.env, SANDBOX_PORT: "0", SANDBOX_COUNT: "60", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`sandbox did not start: ${output}`)),
      30_000,
    );
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once("exit", (code) =>
      reject(new Error(`sandbox exited with ${code}: ${output}`)),
    );
  });
  child.stdout!.resume();

  return {
    url,
    async control<T>(
      method: string,
      pathname: string,
      body?: unknown,
    ): Promise<T> {
      const response = await fetch(
        `${url}/__sandbox/${pathname.replace(/^\//, "")}`,
        {
          method,
          headers:
            body === undefined
              ? undefined
              : { "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        },
      );
      const text = await response.text();
      if (!response.ok)
        throw new Error(
          `sandbox control ${method} ${pathname} → ${response.status}: ${text}`,
        );
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
