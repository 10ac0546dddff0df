import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { PROVIDER_NAMES } from "./core";
import { startSandbox } from "./server";
import {
  AKOOL_DELETE,
  calls,
  control,
  request,
  setupSandbox,
  videos,
} from "./test-helpers";

const sandbox = setupSandbox({ seed: 3, count: 30 });

describe("routing", () => {
  it("strips the provider prefix and logs every provider's calls, answering unknown prefixes 404", async () => {
    await control(sandbox.url, "DELETE", "calls");
    for (const name of PROVIDER_NAMES)
      await fetch(`${sandbox.url}/${name}/no/such/path`);
    expect((await calls(sandbox.url)).map((c) => [c.provider, c.path])).toEqual(
      PROVIDER_NAMES.map((name) => [name, "/no/such/path"]),
    );
    const unknown = await request<{ error: { code: string } }>(
      `${sandbox.url}/youtube/x`,
    );
    expect([unknown.status, unknown.json.error.code]).toEqual([
      404,
      "not_found",
    ]);
  });

  it("marks throttle answers in the call log: the provider's own limit and injected faults", async () => {
    await control(sandbox.url, "PUT", "limits", {
      provider: "memories",
      qps: 1,
    });
    try {
      await control(sandbox.url, "DELETE", "calls");
      const list = () =>
        fetch(`${sandbox.url}/memories/serve/api/v1/list_videos`, {
          method: "POST",
          headers: {
            authorization: "sk-mavi-sandbox-memories-key",
            "content-type": "application/json",
          },
          body: JSON.stringify({ page: 1, size: 1 }),
        });
      await list();
      await list(); // the same second: "0429" in an HTTP 200
      await control(sandbox.url, "PUT", "faults", {
        provider: "akool",
        throttleRate: 1,
      });
      await fetch(`${sandbox.url}/akool${AKOOL_DELETE}`, { method: "POST" });
      expect(
        (await calls(sandbox.url)).map((c) => [
          c.provider,
          c.status,
          c.throttled ?? false,
        ]),
      ).toEqual([
        ["memories", 200, false],
        ["memories", 200, true],
        ["akool", 429, true],
      ]);
    } finally {
      await control(sandbox.url, "PUT", "limits", {
        provider: "memories",
        qps: 5,
      });
    }
  });

  it("seeds every provider with the requested count", async () => {
    for (const name of PROVIDER_NAMES)
      expect(await videos(sandbox.url, name)).toHaveLength(30);
  });
});

describe("determinism", () => {
  it("builds the same world for the same seed and a different one for another seed", async () => {
    const [a, b, c] = await Promise.all(
      [9, 9, 10].map((seed) => startSandbox({ port: 0, seed, count: 25 })),
    );
    try {
      for (const name of PROVIDER_NAMES) {
        expect(await videos(a!.url, name)).toEqual(await videos(b!.url, name));
      }
      expect(await videos(a!.url, "akool")).not.toEqual(
        await videos(c!.url, "akool"),
      );
      expect(await videos(a!.url, "imagine")).not.toEqual(
        await videos(c!.url, "imagine"),
      );
    } finally {
      await Promise.all([a, b, c].map((s) => s!.close()));
    }
  });
});

describe("npm run sandbox entry", () => {
  it("prints the listening line, serves, and exits 0 on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "sandbox/main.ts"],
      {
        env: {
          ...process.env,
          SANDBOX_PORT: "0",
          SANDBOX_COUNT: "3",
          SANDBOX_ERROR_RATE: "1",
        },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const first = await createInterface({ input: child.stdout! })
      [Symbol.asyncIterator]()
      .next();
    const url = /^sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(
      String(first.value),
    )?.[1];
    expect(url).toBeDefined();
    expect(await videos(url!, "akool")).toHaveLength(3);
    expect(
      (await fetch(`${url}/akool${AKOOL_DELETE}`, { method: "POST" })).status,
    ).toBe(502);
    const exit = new Promise<number | null>((resolve) =>
      child.once("exit", resolve),
    );
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
  });
});
