import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  bearerHeaders,
  browserHeaders,
  makeUser,
  request,
  routeContext,
} from "@/lib/testing/fixtures";
import { ApiError } from "./errors";
import { withOperator } from "./with-operator";

const echo = withOperator(
  async ({ body, params, query, operator }) => ({
    body,
    params,
    query,
    role: operator.role,
  }),
  {
    role: "operator",
    params: z.object({ id: z.string().min(3) }),
    query: z.object({ page: z.coerce.number().int().default(1) }),
    body: z.object({ ids: z.array(z.string()).max(2, "At most 2 IDs.") }),
    maxBodyBytes: 200,
  },
);

async function operatorAuth() {
  const user = await makeUser("operator");
  return bearerHeaders(user.id);
}

describe("withOperator", () => {
  it("parses params, query and body and answers JSON", async () => {
    const response = await echo(
      request("/x?page=3", {
        method: "POST",
        headers: await operatorAuth(),
        body: { ids: ["a"] },
      }),
      routeContext({ id: "abc" }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({
      body: { ids: ["a"] },
      params: { id: "abc" },
      query: { page: 3 },
      role: "operator",
    });
  });

  it("answers 422 with the zod issues, 400 for broken JSON and 413 for an oversized body", async () => {
    const headers = await operatorAuth();
    const invalid = await echo(
      request("/x", {
        method: "POST",
        headers,
        body: { ids: ["a", "b", "c"] },
      }),
      routeContext({ id: "abc" }),
    );
    expect(invalid.status).toBe(422);
    const invalidBody = await invalid.json();
    expect(invalidBody.error.code).toBe("unprocessable");
    expect(invalidBody.error.message).toContain("At most 2 IDs.");

    const broken = await echo(
      request("/x", { method: "POST", headers, body: "{not json" }),
      routeContext({ id: "abc" }),
    );
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({
      error: { code: "bad_request" },
    });

    const huge = await echo(
      request("/x", {
        method: "POST",
        headers,
        body: { ids: ["x".repeat(300)] },
      }),
      routeContext({ id: "abc" }),
    );
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.message).toContain("200 bytes");
  });

  it("checks the role before parsing, so a viewer learns nothing about the input", async () => {
    const viewer = await makeUser("viewer");
    const response = await echo(
      request("/x", {
        method: "POST",
        headers: await bearerHeaders(viewer.id),
        body: "{bad",
      }),
      routeContext({ id: "" }),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toContain("operator role");
  });

  it("accepts a same-origin cookie mutation and a Bearer call without Origin", async () => {
    const user = await makeUser("operator");
    const sameOrigin = await echo(
      request("/x", {
        method: "POST",
        headers: await browserHeaders(user.id),
        body: { ids: [] },
      }),
      routeContext({ id: "abc" }),
    );
    expect(sameOrigin.status).toBe(200);
  });

  it("renders ApiError as the envelope and hides unexpected errors behind a generic 500", async () => {
    const headers = await operatorAuth();
    const conflict = withOperator(
      async () => {
        throw new ApiError("rate_limited", "Slow down.", {
          retryAfterSeconds: 7,
        });
      },
      { role: "viewer" },
    );
    const limited = await conflict(request("/x", { headers }), routeContext());
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(await limited.json()).toEqual({
      error: {
        code: "rate_limited",
        message: "Slow down.",
        retryAfterSeconds: 7,
      },
    });

    const crash = withOperator(
      async () => {
        throw new Error("secret detail at /srv/app/lib/x.ts:12");
      },
      { role: "viewer" },
    );
    const response = await crash(request("/x", { headers }), routeContext());
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("secret detail");
    expect(text).not.toContain(".ts:");
    expect(JSON.parse(text).error.code).toBe("internal");
  });
});
