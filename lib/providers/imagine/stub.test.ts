// Adapter paths that need an answer the sandbox has no switch for (docs/providers/imagine.md §8):
// a 400/1100 confirmed by look-up, 405 on both methods, credits, Retry-After. A scripted local
// HTTP server plays Imagine for these few cases.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createImagineAdapter } from "./adapter";

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}
type Script = (method: string, path: string) => Reply;

let server: Server;
let baseUrl: string;
let script: Script;
let seen: string[];

const envelope = (status: number, code: number, message: string): Reply => ({
  status,
  body: { status: "error", code, error: "Error", message },
});
const adapter = () =>
  createImagineAdapter({ baseUrl, apiKey: "vk-test", timeoutMs: 2_000 });

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization}`);
    const reply = script(req.method ?? "", req.url ?? "");
    res.writeHead(reply.status, {
      "content-type": "application/json",
      ...reply.headers,
    });
    res.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
});

describe("imagine adapter: 400/1100 on delete is confirmed by look-up (§8)", () => {
  it("not found on look-up → not_found with the delete's code and message", async () => {
    script = (method) =>
      method === "GET"
        ? envelope(404, 1100, "Video not found.")
        : envelope(400, 1100, "Invalid request.");
    const result = await adapter().delete(["77"]);
    expect(result.get("77")).toEqual({
      outcome: "not_found",
      code: "1100",
      message: "Invalid request.",
      retryable: false,
    });
    expect(seen).toEqual([
      "DELETE /v2/video/delete/77 Bearer vk-test",
      "GET /v2/video/77/status Bearer vk-test",
    ]);
  });

  it("still there → failed, not retryable; look-up failing → failed, retryable", async () => {
    script = (method) =>
      method === "GET"
        ? {
            status: 200,
            body: { status: "success", video: { id: 77, code: 2 } },
          }
        : envelope(400, 1100, "Invalid request.");
    expect((await adapter().delete(["77"])).get("77")).toEqual({
      outcome: "failed",
      code: "1100",
      message: "Invalid request.",
      retryable: false,
    });
    script = (method) =>
      method === "GET"
        ? envelope(503, 1200, "Service unavailable.")
        : envelope(400, 1100, "Invalid request.");
    expect((await adapter().delete(["77"])).get("77")).toEqual({
      outcome: "failed",
      code: "1100",
      message:
        "Invalid request. (look-up to confirm failed: Service unavailable.)",
      retryable: true,
    });
  });
});

describe("imagine adapter: other undocumented answers", () => {
  it("405 on DELETE and POST → failed, not retryable, and the method is not switched", async () => {
    script = () => envelope(405, 1100, "Method not allowed.");
    const result = await adapter().delete(["1", "2"]);
    expect(result.get("1")).toMatchObject({
      outcome: "failed",
      code: "1100",
      retryable: false,
    });
    expect(result.get("1")?.message).toMatch(/405 for DELETE and POST/);
    expect(seen.map((s) => s.split(" ")[0])).toEqual([
      "DELETE",
      "POST",
      "DELETE",
      "POST",
    ]);
  });

  it("402/1101 → failed, not retryable, provider's words kept", async () => {
    script = () => envelope(402, 1101, "Not enough credits.");
    expect((await adapter().delete(["5"])).get("5")).toEqual({
      outcome: "failed",
      code: "1101",
      message: "Not enough credits.",
      retryable: false,
    });
  });

  it("429 with Retry-After → throttled with retryAfterMs; 406/1002 → auth", async () => {
    script = () => ({
      ...envelope(429, 1202, "Too many requests."),
      headers: { "retry-after": "12" },
    });
    expect((await adapter().delete(["5"])).get("5")).toMatchObject({
      outcome: "failed",
      code: "throttled",
      retryable: true,
      retryAfterMs: 12_000,
    });
    script = () => envelope(406, 1002, "Token expired.");
    expect((await adapter().delete(["5"])).get("5")).toMatchObject({
      outcome: "failed",
      code: "auth",
      retryable: true,
    });
    expect(await adapter().healthCheck()).toEqual({
      ok: false,
      message: "Token expired. (code 1002 Error)",
    });
  });

  it("a 2xx that is not the documented success body → malformed, retryable", async () => {
    script = () => ({ status: 200, body: { message: "queued for deletion" } });
    expect((await adapter().delete(["5"])).get("5")).toMatchObject({
      outcome: "failed",
      code: "malformed",
      retryable: true,
      raw: '{"message":"queued for deletion"}',
    });
    script = () => ({ status: 200, body: { status: "success" } });
    expect((await adapter().delete(["5"])).get("5")?.outcome).toBe("deleted");
  });
});
