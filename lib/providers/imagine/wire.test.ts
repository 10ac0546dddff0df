// Unit tests of the Imagine.art wire helpers: answers the sandbox never gives but §5/§8 of
// docs/providers/imagine.md list (402/1101, 406/1002, proxies' 403/404, rate-limit headers).
import { describe, expect, it } from "vitest";
import { parseRetryAfter, type HttpResult } from "../http";
import {
  buildImagineUrl,
  classifyImagine,
  parseStatusBody,
  rateLimitResetMs,
} from "./wire";

function answer(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResult {
  const h = new Headers(headers);
  return {
    ok: true,
    status,
    headers: h,
    text: typeof body === "string" ? body : JSON.stringify(body),
    retryAfterMs: parseRetryAfter(h.get("retry-after")),
  };
}
const envelope = (code: number, error: string, message: string) => ({
  status: "error",
  code,
  error,
  message,
});

describe("buildImagineUrl", () => {
  it("joins host root and /v2 templates, without doubling a /v2 base, and encodes the ID", () => {
    const t = "/v2/video/delete/{id}";
    expect(buildImagineUrl("https://api.vyro.ai", t, "1265")).toBe(
      "https://api.vyro.ai/v2/video/delete/1265",
    );
    expect(buildImagineUrl("https://api.vyro.ai/v2/", t, "1265")).toBe(
      "https://api.vyro.ai/v2/video/delete/1265",
    );
    expect(buildImagineUrl("http://x/imagine", "v2/video/{id}", "a/b")).toBe(
      "http://x/imagine/v2/video/a%2Fb",
    );
  });
});

describe("classifyImagine", () => {
  it("sorts the §5 codes into the §8 rows", () => {
    const cases: [HttpResult, string, string, boolean][] = [
      [
        answer(400, envelope(1000, "BadRequest", "missing")),
        "auth",
        "1000",
        true,
      ],
      [
        answer(401, envelope(1001, "Unauthorized", "bad")),
        "auth",
        "1001",
        true,
      ],
      [
        answer(406, envelope(1002, "NotAcceptable", "expired")),
        "auth",
        "1002",
        true,
      ],
      [
        answer(401, envelope(1007, "Unauthorized", "account")),
        "auth",
        "1007",
        true,
      ],
      [
        answer(403, envelope(1208, "Unauthorized", "invalid key")),
        "auth",
        "1208",
        true,
      ],
      [answer(401, "<html>401</html>"), "auth", "http_401", true],
      [
        answer(429, envelope(1202, "TooMany", "slow")),
        "throttled",
        "throttled",
        true,
      ],
      [
        answer(200, envelope(1202, "TooMany", "slow")),
        "throttled",
        "throttled",
        true,
      ],
      [
        answer(404, envelope(1100, "NotFound", "gone")),
        "not_found",
        "1100",
        false,
      ],
      [
        answer(400, envelope(1100, "BadRequest", "Video not found")),
        "not_found",
        "1100",
        false,
      ],
      [
        answer(403, envelope(1100, "Forbidden", "not yours")),
        "forbidden",
        "1100",
        false,
      ],
      [
        answer(409, envelope(1100, "Conflict", "busy")),
        "processing",
        "1100",
        true,
      ],
      [
        answer(400, envelope(1100, "BadRequest", "video is pending")),
        "processing",
        "1100",
        true,
      ],
      [
        answer(400, envelope(1100, "BadRequest", "bad style id")),
        "invalid",
        "1100",
        false,
      ],
      [
        answer(402, envelope(1101, "PaymentRequired", "no credits")),
        "failed",
        "1101",
        false,
      ],
      [
        answer(400, envelope(1003, "BadRequest", "captcha")),
        "failed",
        "1003",
        false,
      ],
      [
        answer(503, envelope(1201, "Unavailable", "redis")),
        "failed",
        "1201",
        true,
      ],
      [answer(502, "<html>bad gateway</html>"), "failed", "http_502", true],
      [
        answer(405, envelope(1100, "MethodNotAllowed", "no")),
        "method_not_allowed",
        "1100",
        false,
      ],
      // Not Imagine's envelope: a wrong path or a proxy, never "gone" or "not yours".
      [answer(404, "Not Found"), "failed", "http_404", false],
      [answer(403, "<html>blocked</html>"), "failed", "http_403", false],
    ];
    for (const [result, kind, code, retryable] of cases) {
      const reply = classifyImagine(result);
      expect([reply.kind, reply.code, reply.retryable]).toEqual([
        kind,
        code,
        retryable,
      ]);
    }
  });

  it("keeps the provider's words, and the raw body when it is not the envelope", () => {
    const auth = classifyImagine(
      answer(401, envelope(1001, "Unauthorized", "bad key")),
    );
    expect(auth.message).toBe("bad key (code 1001 Unauthorized)");
    expect(auth.raw).toBeUndefined();
    const proxy = classifyImagine(answer(502, "<html>bad   gateway</html>"));
    expect(proxy.message).toBe("<html>bad gateway</html>");
    expect(proxy.raw).toBe("<html>bad gateway</html>");
    const ok = classifyImagine(answer(200, { message: "video deleted" }));
    expect(ok).toMatchObject({
      kind: "ok",
      body: { message: "video deleted" },
    });
  });

  it("transport failures are retryable and marked unanswered", () => {
    const reply = classifyImagine({
      ok: false,
      code: "timeout",
      message: "No answer within 10 ms.",
      retryable: true,
    });
    expect(reply).toMatchObject({
      kind: "failed",
      code: "timeout",
      retryable: true,
      answered: false,
    });
  });

  it("reads Retry-After first, then x-ratelimit-reset", () => {
    const slow = (headers: Record<string, string>) =>
      classifyImagine(answer(429, envelope(1202, "TooMany", "slow"), headers))
        .retryAfterMs;
    expect(slow({ "retry-after": "7" })).toBe(7_000);
    expect(slow({ "retry-after": "7", "x-ratelimit-reset": "30" })).toBe(7_000);
    expect(slow({ "x-ratelimit-reset": "30" })).toBe(30_000);
    expect(
      slow({ "x-ratelimit-limit": "50", "x-ratelimit-remaining": "0" }),
    ).toBeUndefined();
  });
});

describe("rateLimitResetMs", () => {
  it("takes small values as seconds and large ones as epoch seconds or milliseconds", () => {
    const now = 1_750_000_000_000;
    const at = (value: string) =>
      rateLimitResetMs(new Headers({ "x-ratelimit-reset": value }), now);
    expect(at("12")).toBe(12_000);
    expect(at("1750000045")).toBe(45_000);
    expect(at("1750000002500")).toBe(2_500);
    expect(at("1740000000")).toBe(0);
    expect(at("soon")).toBeUndefined();
    expect(rateLimitResetMs(new Headers(), now)).toBeUndefined();
  });
});

describe("parseStatusBody", () => {
  const ok = (body: unknown) => classifyImagine(answer(200, body));
  it("normalises §4's status words and keeps the opaque code", () => {
    const word = (status: string) =>
      parseStatusBody(ok({ status: "success", video: { uuid: "u", status } }));
    expect(word("finished")).toEqual({ state: "exists", status: "finished" });
    expect(word("completed").state).toBe("exists");
    expect(word("failed").state).toBe("exists");
    expect(word("queued")).toEqual({ state: "processing", status: "queued" });
    expect(word("pending").state).toBe("processing");
    // §4: unknown words count as in progress.
    expect(word("rendering").state).toBe("processing");
    const current = parseStatusBody(
      ok({
        status: "success",
        video: { id: 1265, code: 2, settings: { prompt: "a flying dinosaur" } },
      }),
    );
    expect(current).toEqual({
      state: "exists",
      status: "2",
      name: "a flying dinosaur",
    });
  });

  it("turns a body without a video into failed malformed", () => {
    expect(parseStatusBody(ok({ status: "success" }))).toMatchObject({
      state: "failed",
      code: "malformed",
      retryable: true,
      raw: '{"status":"success"}',
    });
  });
});
