import { beforeAll, describe, expect, it } from "vitest";
import {
  makeUser,
  request,
  routeContext,
  sessionCookie,
} from "@/lib/testing/fixtures";
import { setupSandboxEnv } from "@/lib/testing/provider-sandbox";
import { GET } from "./route";

let cookie: string;

// Imagine stays unconfigured on purpose (409); Akool is configured but cannot list (404).
const sandbox = setupSandboxEnv(["akool", "memories", "vod"], {
  IMAGINE_API_KEY: "",
});

beforeAll(async () => {
  const viewer = await makeUser("viewer");
  ({ cookie } = await sessionCookie(viewer.id));
});

const get = (providerId: string, search = "") =>
  GET(
    request(`/api/providers/${providerId}/videos${search}`, {
      headers: { cookie },
    }),
    routeContext({ providerId }),
  );

describe("GET /api/providers/{providerId}/videos", () => {
  it("pages through VOD with the opaque cursor, for a viewer", async () => {
    const first = await get("vod", "?pageSize=5");
    expect(first.status).toBe(200);
    const page = await first.json();
    expect(page.items).toHaveLength(5);
    expect(page.items[0]).toMatchObject({
      id: expect.any(String),
      status: expect.any(String),
    });
    expect(page.nextCursor).toEqual(expect.any(String));
    const second = await (
      await get(
        "vod",
        `?pageSize=5&cursor=${encodeURIComponent(page.nextCursor)}`,
      )
    ).json();
    const firstIds = page.items.map((video: { id: string }) => video.id);
    for (const video of second.items) expect(firstIds).not.toContain(video.id);
  });

  it("lists memories.ai", async () => {
    const response = await get("memories", "?pageSize=3");
    expect(response.status).toBe(200);
    expect((await response.json()).items.length).toBeLessThanOrEqual(3);
  });

  it("caps the page size at 100", async () => {
    expect((await get("vod", "?pageSize=101")).status).toBe(422);
  });

  it("answers 404 for a provider that cannot list or does not exist", async () => {
    expect((await get("akool")).status).toBe(404);
    expect((await get("youtube")).status).toBe(404);
  });

  it("answers 409 with what to set when the provider is not configured", async () => {
    const response = await get("imagine");
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(
      /not configured.*IMAGINE_API_KEY/,
    );
  });

  it("answers 400 for a cursor from another filter", async () => {
    const page = await (await get("vod", "?pageSize=5")).json();
    const response = await get(
      "vod",
      `?pageSize=5&status=Normal&cursor=${encodeURIComponent(page.nextCursor)}`,
    );
    expect(response.status).toBe(400);
  });

  it("turns a provider failure into 503 with the provider's code", async () => {
    await sandbox().control("PUT", "faults", { provider: "vod", errorRate: 1 });
    try {
      const response = await get("vod", "?pageSize=5");
      expect(response.status).toBe(503);
      const { error } = await response.json();
      expect(error.code).toBe("unavailable");
      expect(error.message).toMatch(/ApsaraVideo VOD could not list videos/);
    } finally {
      await sandbox().control("PUT", "faults", {
        provider: "vod",
        errorRate: 0,
      });
    }
  });
});
