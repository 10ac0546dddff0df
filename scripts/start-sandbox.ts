import { spawn, type ChildProcess } from "node:child_process";
import { z } from "zod";

const credentialsSchema = z.object({
  akool: z.object({ apiKey: z.string() }),
  memories: z.object({ apiKey: z.string() }),
  vod: z.object({ accessKeyId: z.string(), accessKeySecret: z.string() }),
  imagine: z.object({ apiKey: z.string() }),
});

/**
 * Starts the provider sandbox (`sandbox/main.ts`) as its own process and returns the provider
 * environment that points the console at it, with the credentials the sandbox accepts.
 */
export async function startSandbox(options: {
  port: number;
  count: number;
  seed?: number;
}): Promise<{
  child: ChildProcess;
  url: string;
  providerEnv: Record<string, string>;
}> {
  const child = spawn(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "sandbox/main.ts"],
    {
      env: {
        ...process.env,
        SANDBOX_PORT: String(options.port),
        SANDBOX_COUNT: String(options.count),
        SANDBOX_SEED: String(options.seed ?? 1),
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) =>
      reject(new Error(`The provider sandbox exited with ${code}:\n${output}`)),
    );
  });
  child.stdout!.resume();
  const response = await fetch(`${url}/__sandbox/credentials`);
  const credentials = credentialsSchema.parse(await response.json());
  return {
    child,
    url,
    providerEnv: {
      AKOOL_BASE_URL: `${url}/akool`,
      AKOOL_API_KEY: credentials.akool.apiKey,
      MEMORIES_BASE_URL: `${url}/memories`,
      MEMORIES_API_KEY: credentials.memories.apiKey,
      VOD_ENDPOINT: `${url}/vod/`,
      VOD_ACCESS_KEY_ID: credentials.vod.accessKeyId,
      VOD_ACCESS_KEY_SECRET: credentials.vod.accessKeySecret,
      IMAGINE_BASE_URL: `${url}/imagine`,
      IMAGINE_API_KEY: credentials.imagine.apiKey,
    },
  };
}
