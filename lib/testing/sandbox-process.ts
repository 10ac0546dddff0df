// The provider sandbox as a separate process (as in production, it shares no code with
// lib/providers), typed helpers for its control API, and the environment that points the
// console's adapters at it. Used by tests and by `npm run demo`.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { z } from "zod";
import type { ProviderId } from "@/lib/providers/types";

const credentialsSchema = z.object({
  akool: z.object({ apiKey: z.string() }),
  memories: z.object({ apiKey: z.string() }),
  vod: z.object({ accessKeyId: z.string(), accessKeySecret: z.string() }),
  imagine: z.object({ apiKey: z.string() }),
});

export type ProviderEnv = Record<ProviderId, Record<string, string>>;

/**
 * Every fault of `PUT /__sandbox/faults` switched off; tests reset a provider to this. A twin of
 * sandbox/faults.ts NO_FAULTS on purpose: lib/ never imports sandbox/ (the sandbox stands in for
 * the providers and shares no code with the console), and its strict patch schema refuses a field
 * that drifts.
 */
export const NO_FAULTS = {
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  throttleRate: 0,
  malformedRate: 0,
  hangRate: 0,
  resetRate: 0,
  authRate: 0,
};

export interface SandboxProcess {
  url: string;
  child: ChildProcess;
  /** Per provider, the variables that configure its adapter against this sandbox. */
  providerEnv(): Promise<ProviderEnv>;
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

  const control = async <T>(
    method: string,
    pathname: string,
    body?: unknown,
  ): Promise<T> => {
    const response = await fetch(
      `${url}/__sandbox/${pathname.replace(/^\//, "")}`,
      {
        method,
        // A fresh connection per call: a long synchronous stretch in this process (a PGlite
        // migration) outlasts the sandbox's keep-alive timeout, and a pooled socket it has closed
        // meanwhile fails the next call with "other side closed".
        headers: {
          connection: "close",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
    );
    const text = await response.text();
    if (!response.ok)
      throw new Error(
        `sandbox control ${method} ${pathname} → ${response.status}: ${text}`,
      );
    return (text ? JSON.parse(text) : undefined) as T;
  };

  return {
    url,
    child,
    control,
    async providerEnv() {
      const credentials = credentialsSchema.parse(
        await control("GET", "credentials"),
      );
      return {
        akool: {
          AKOOL_BASE_URL: `${url}/akool`,
          AKOOL_API_KEY: credentials.akool.apiKey,
        },
        memories: {
          MEMORIES_BASE_URL: `${url}/memories`,
          MEMORIES_API_KEY: credentials.memories.apiKey,
        },
        vod: {
          VOD_ENDPOINT: `${url}/vod/`,
          VOD_ACCESS_KEY_ID: credentials.vod.accessKeyId,
          VOD_ACCESS_KEY_SECRET: credentials.vod.accessKeySecret,
        },
        imagine: {
          IMAGINE_BASE_URL: `${url}/imagine`,
          IMAGINE_API_KEY: credentials.imagine.apiKey,
        },
      };
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
