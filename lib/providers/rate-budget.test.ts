// Every HTTP request an adapter makes awaits its gate once, with the budget of the endpoint it
// calls (docs/design.md §4): checked against the sandbox's call log for all four adapters, and
// every kind of call (look-up, delete with its confirming look-ups, list, health check, token).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startSandboxProcess,
  type SandboxProcess,
} from "@/lib/testing/sandbox-process";
import { createAkoolAdapter } from "./akool/adapter";
import { createImagineAdapter } from "./imagine/adapter";
import { createMemoriesAdapter } from "./memories/adapter";
import {
  installRateGate,
  localRateGate,
  sharedRateGate,
  windowGuard,
  type RateBudget,
  type RateBudgets,
  type RateGate,
} from "./rate-budget";
import type { ProviderAdapter, ProviderId } from "./types";
import { createVodAdapter } from "./vod/adapter";

interface Call {
  seq: number;
  operation: string;
}
interface Video {
  id: string;
  owner: string;
  referenceId?: string;
}

let sandbox: SandboxProcess;
let credentials: {
  akool: { apiKey: string; clientId: string; clientSecret: string };
  memories: { apiKey: string };
  vod: { accessKeyId: string; accessKeySecret: string };
  imagine: { apiKey: string };
};

beforeAll(async () => {
  sandbox = await startSandboxProcess({ SANDBOX_COUNT: "40" });
  credentials = await sandbox.control("GET", "credentials");
});
afterAll(async () => {
  await sandbox?.stop();
});

function recordingGate() {
  const keys: string[] = [];
  const gate: RateGate = async (budget) => {
    keys.push(budget.key);
  };
  return { gate, keys };
}

const lastSeq = async () =>
  Math.max(
    0,
    ...(await sandbox.control<Call[]>("GET", "calls")).map((call) => call.seq),
  );

/** The gate's keys, and for each logged request the key its operation should have drawn on. */
async function exercise(
  provider: ProviderId,
  build: (gate: RateGate) => ProviderAdapter,
  keyFor: (operation: string, budgets: RateBudgets) => string,
  calls: (adapter: ProviderAdapter, videos: Video[]) => Promise<unknown>,
) {
  const { gate, keys } = recordingGate();
  const adapter = build(gate);
  const videos = await sandbox.control<Video[]>(
    "GET",
    `videos?provider=${provider}`,
  );
  const since = await lastSeq();
  await calls(adapter, videos);
  const log = await sandbox.control<Call[]>(
    "GET",
    `calls?provider=${provider}&since=${since}`,
  );
  expect(log.length).toBeGreaterThan(3);
  const expected = log.map((call) =>
    keyFor(call.operation, adapter.rateBudgets),
  );
  expect([...keys].sort()).toEqual(expected.sort());
  return adapter;
}

const some = (videos: Video[], count = 8) =>
  videos.filter((video) => video.owner === "console").slice(0, count);

describe("adapters built with a gate", () => {
  it("VOD: DeleteVideo, GetVideoInfos and SearchMedia each on their own budget", async () => {
    const adapter = await exercise(
      "vod",
      (gate) =>
        createVodAdapter({
          ...credentials.vod,
          region: "cn-shanghai",
          endpoint: `${sandbox.url}/vod/`,
          gate,
        }),
      (operation, budgets) =>
        ({
          DeleteVideo: budgets.delete.key,
          GetVideoInfos: budgets.lookup.key,
          SearchMedia: budgets.list.key,
        })[operation]!,
      async (adapter, videos) => {
        const ids = videos.slice(0, 30).map((video) => video.id);
        await adapter.lookup(ids);
        await adapter.delete(ids);
        const refs = videos
          .filter((video) => video.referenceId)
          .map((video) => video.referenceId!);
        await adapter.referenceIds!.lookup(refs);
        await adapter.referenceIds!.delete(refs);
        const page = await adapter.list!({ pageSize: 10 });
        await adapter.list!({ pageSize: 10, cursor: page.nextCursor! });
        await adapter.healthCheck();
      },
    );
    expect(adapter.rateBudgets).toMatchObject({
      delete: { requests: 30, perMs: 1000 },
      lookup: { requests: 100, perMs: 1000 },
      list: { requests: 50, perMs: 1000 },
    });
    expect(adapter.rateLimit).toEqual({ requests: 30, perMs: 1000 });
    const keys = Object.values(adapter.rateBudgets).map((b) => b.key);
    expect(new Set(keys).size).toBe(3);
    for (const key of keys) {
      expect(key).toMatch(/^vod:[0-9a-f]{16}:/);
      expect(key).not.toContain(credentials.vod.accessKeySecret);
      expect(key).not.toContain(credentials.vod.accessKeyId);
    }
  });

  it("memories.ai: delete_videos on one budget; list_videos (look-ups, list, health) on the other", async () => {
    const adapter = await exercise(
      "memories",
      (gate) =>
        createMemoriesAdapter({
          baseUrl: `${sandbox.url}/memories`,
          apiKey: credentials.memories.apiKey,
          gate,
        }),
      (operation, budgets) =>
        operation === "delete" ? budgets.delete.key : budgets.list.key,
      async (adapter, videos) => {
        const ids = videos.slice(0, 20).map((video) => video.id);
        await adapter.lookup(ids);
        // Not pre-checked: a look-up before and after the delete, both drawn.
        await adapter.delete(ids);
        await adapter.list!({ pageSize: 5 });
        await adapter.healthCheck();
      },
    );
    const { delete: del, lookup, list } = adapter.rateBudgets;
    expect(del).toMatchObject({ requests: 5, perMs: 1000 });
    expect(lookup).toEqual(list);
    expect(list).toMatchObject({ requests: 5, perMs: 1000 });
    expect(del.key).not.toBe(list.key);
    expect(del.key).not.toContain(credentials.memories.apiKey);
  });

  it("Akool: every call, getToken included, on one budget of 1 a second", async () => {
    const adapter = await exercise(
      "akool",
      (gate) =>
        createAkoolAdapter({
          baseUrl: `${sandbox.url}/akool`,
          clientId: credentials.akool.clientId,
          clientSecret: credentials.akool.clientSecret,
          gate,
        }),
      (_operation, budgets) => budgets.delete.key,
      async (adapter, videos) => {
        const ids = videos.slice(0, 30).map((video) => video.id);
        await adapter.lookup(ids);
        await adapter.delete(ids);
        await adapter.healthCheck();
      },
    );
    const keys = new Set(Object.values(adapter.rateBudgets).map((b) => b.key));
    expect(keys.size).toBe(1);
    expect(adapter.rateBudgets.lookup).toMatchObject({
      requests: 1,
      perMs: 1000,
    });
    expect([...keys][0]).not.toContain(credentials.akool.clientSecret);
  });

  it("Imagine.art: every call on the key's one per-minute budget", async () => {
    const adapter = await exercise(
      "imagine",
      (gate) =>
        createImagineAdapter({
          baseUrl: `${sandbox.url}/imagine`,
          apiKey: credentials.imagine.apiKey,
          rateLimitPerMinute: 120,
          gate,
        }),
      (_operation, budgets) => budgets.delete.key,
      async (adapter, videos) => {
        const ids = some(videos, 4).map((video) => video.id);
        await adapter.lookup(ids);
        await adapter.delete(ids);
        await adapter.healthCheck();
      },
    );
    const keys = new Set(Object.values(adapter.rateBudgets).map((b) => b.key));
    expect(keys.size).toBe(1);
    expect(adapter.rateBudgets.delete).toMatchObject({
      requests: 120,
      perMs: 60_000,
    });
    expect(adapter.rateLimit).toEqual({ requests: 120, perMs: 60_000 });
  });
});

describe("the process-wide gate", () => {
  const budget: RateBudget = { key: "test:local", requests: 10, perMs: 1000 };

  it("without an installed gate, spaces requests at 93 % of the budget in this process", async () => {
    const started = Date.now();
    for (let i = 0; i < 4; i++) await localRateGate(budget);
    // The first slot is now; each of the next three is 1/9.3 s later.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 107 - 5);
  });

  it("never lets one process send more than the limit within a window, however late its timers", async () => {
    const tight: RateBudget = { key: "test:window", requests: 3, perMs: 300 };
    const sent: number[] = [];
    // Four waiters at once, as if every slot had come due while the event loop was busy.
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        await windowGuard(tight);
        sent.push(Date.now());
      }),
    );
    sent.sort((a, b) => a - b);
    expect(sent[3]! - sent[0]!).toBeGreaterThanOrEqual(300);
  });

  it("uses the installed gate once there is one, and the local buckets again without", async () => {
    const { gate, keys } = recordingGate();
    installRateGate(gate);
    try {
      await sharedRateGate({ ...budget, key: "test:installed" });
      expect(keys).toEqual(["test:installed"]);
    } finally {
      installRateGate(undefined);
    }
    await sharedRateGate({ ...budget, key: "test:after" });
    expect(keys).toHaveLength(1);
  });
});
