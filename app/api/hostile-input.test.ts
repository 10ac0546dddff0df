// Hostile requests get a 4xx, never a 500 (issue 11): bodies that never end, NUL characters
// that PostgreSQL cannot store, and session cookies that are not what next-auth writes.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as videoHistory } from "@/app/api/audit/videos/[videoId]/route";
import { GET as me } from "@/app/api/me/route";
import { GET as listRuns } from "@/app/api/runs/route";
import { withOperator } from "@/lib/http/with-operator";
import {
  makeUser,
  request,
  routeContext,
  sessionCookie,
  TEST_ORIGIN,
} from "@/lib/testing/fixtures";

const echo = withOperator(async ({ body }) => ({ body }), {
  role: "viewer",
  body: z.object({ name: z.string() }),
  maxBodyBytes: 10_000,
});

async function viewerCookie() {
  const user = await makeUser("viewer");
  return (await sessionCookie(user.id)).cookie;
}

describe("request bodies", () => {
  it("stops reading a chunked body at the limit and answers 413 with the envelope", async () => {
    const seen = { pulled: 0, cancelled: false };
    // 4 MB in 4 KB chunks and no Content-Length: a reader that buffers first pulls all of it.
    const chunked = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (seen.pulled >= 4_000_000) return controller.close();
        seen.pulled += 4096;
        controller.enqueue(new TextEncoder().encode(" ".repeat(4096)));
      },
      cancel() {
        seen.cancelled = true;
      },
    });
    const response = await echo(
      new Request(`${TEST_ORIGIN}/x`, {
        method: "POST",
        headers: {
          cookie: await viewerCookie(),
          origin: TEST_ORIGIN,
          "content-type": "application/json",
        },
        body: chunked,
        duplex: "half",
      } as RequestInit),
      routeContext(),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: {
        code: "payload_too_large",
        message: "Request body exceeds 10000 bytes.",
      },
    });
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThan(10_000 + 8 * 4096);
  });
});

describe("NUL characters", () => {
  it("GET /api/audit/videos/%00 answers 400, not a database error", async () => {
    const headers = { cookie: await viewerCookie() };
    for (const videoId of ["\u0000", "abc\u0000def"]) {
      const response = await videoHistory(
        request(`/api/audit/videos/${encodeURIComponent(videoId)}`, {
          headers,
        }),
        routeContext({ videoId }),
      );
      expect(response.status, JSON.stringify(videoId)).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { code: "bad_request" },
      });
    }
  });

  it("answers 400 to a NUL in the query string", async () => {
    const response = await listRuns(
      request("/api/runs?q=%00", { headers: { cookie: await viewerCookie() } }),
      routeContext(),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain("query");
  });

  it("answers 400 to a NUL in a JSON body, escaped or in a key", async () => {
    const headers = { cookie: await viewerCookie(), origin: TEST_ORIGIN };
    for (const body of [
      '{"name":"a\\u0000b"}',
      '{"name":"ok","n\\u0000":"x"}',
    ]) {
      const response = await echo(
        request("/x", { method: "POST", headers, body }),
        routeContext(),
      );
      expect(response.status, body).toBe(400);
      expect((await response.json()).error.code).toBe("bad_request");
    }
  });
});

describe("session cookies", () => {
  it.each([
    "next-auth.session-token=%E0%A4%A",
    "__Secure-next-auth.session-token=%",
    "next-auth.session-token=%",
    "next-auth.session-token=%ZZ",
    "next-auth.session-token=",
    "next-auth.session-token",
    "=; ;;next-auth.session-token=%E0%A4%A",
    "next-auth.session-token=not-a-jwt",
  ])("answers 401 to %j", async (cookie) => {
    const response = await me(request("/api/me", { headers: { cookie } }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
  });

  it("is not thrown off by someone else's malformed cookie next to a valid session", async () => {
    const cookie = `tracking=%E0%A4%A; ${await viewerCookie()}; other=%`;
    const response = await me(request("/api/me", { headers: { cookie } }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
  });

  it("accepts only the plain cookie name when the console is served over http", async () => {
    const plain = await viewerCookie();
    const secure = plain.replace(
      /^next-auth\.session-token=/,
      "__Secure-next-auth.session-token=",
    );
    const bySecure = await me(
      request("/api/me", { headers: { cookie: secure } }),
      routeContext(),
    );
    expect(bySecure.status).toBe(401);
    const byPlain = await me(
      request("/api/me", { headers: { cookie: plain } }),
      routeContext(),
    );
    expect(byPlain.status).toBe(200);
  });
});
