import { describe, expect, it } from "vitest";
import {
  makeUser,
  request,
  routeContext,
  sessionCookie,
} from "@/lib/testing/fixtures";
import { setupSandboxEnv } from "@/lib/testing/provider-sandbox";
import { GET } from "./route";

// Imagine is left unconfigured on purpose: it must be listed as such, not fail the response;
// VOD gets a wrong secret so its health check reports the provider's own error.
setupSandboxEnv(["akool", "memories", "vod"], {
  VOD_ACCESS_KEY_SECRET: "not-the-secret",
  IMAGINE_API_KEY: "",
});

describe("GET /api/providers", () => {
  it("lists every provider with limits, a health check, and what an unconfigured one needs", async () => {
    const viewer = await makeUser("viewer");
    const { cookie } = await sessionCookie(viewer.id);
    const response = await GET(
      request("/api/providers", { headers: { cookie } }),
      routeContext(),
    );
    expect(response.status).toBe(200);
    const { providers } = await response.json();
    const byId = Object.fromEntries(
      providers.map((provider: { id: string }) => [provider.id, provider]),
    );

    expect(byId.akool).toMatchObject({
      configured: true,
      maxBatch: 20,
      health: { ok: true, message: "credentials accepted" },
    });
    expect(byId.memories).toMatchObject({
      configured: true,
      maxBatch: 100,
      rateLimit: { requests: 5, perMs: 1000 },
      canList: true,
      health: { ok: true, message: "credentials accepted" },
    });
    // A wrong secret is reported with the provider's own error, not hidden.
    expect(byId.vod).toMatchObject({
      configured: true,
      maxBatch: 20,
      rateLimit: { requests: 30, perMs: 1000 },
    });
    expect(byId.vod.health.ok).toBe(false);
    expect(byId.vod.health.message).toContain("SignatureDoesNotMatch");
    expect(byId.imagine).toMatchObject({
      configured: false,
      missing: ["IMAGINE_API_KEY"],
      health: null,
      maxBatch: null,
    });
  });

  // A fresh health check spends the providers' rate budgets, which a run may need: only those
  // who may start runs can ask for one; everyone else reads the cached check.
  it("refuses a fresh health check (?refresh=1) to a viewer and grants it to an operator", async () => {
    const viewer = await makeUser("viewer");
    const operator = await makeUser("operator");
    const ask = async (userId: string) => {
      const { cookie } = await sessionCookie(userId);
      return GET(
        request("/api/providers?refresh=1", { headers: { cookie } }),
        routeContext(),
      );
    };
    const refused = await ask(viewer.id);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/operator/i);
    expect((await ask(operator.id)).status).toBe(200);
  });
});
