import { describe, expect, it } from "vitest";
import type { HttpResult } from "../http";
import {
  codeFailure,
  deleteDataSchema,
  listDataSchema,
  readAnswer,
} from "./wire";

// Pure tests of the memories.ai wire helpers (docs/providers/memories.md §2–§6, §8); no sandbox.

const http = (
  status: number,
  body: unknown,
  retryAfterMs?: number,
): HttpResult => ({
  ok: true,
  status,
  headers: new Headers(),
  text: typeof body === "string" ? body : JSON.stringify(body),
  ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
});
const envelope = (code: unknown, msg = "m", data: unknown = null) => ({
  code,
  msg,
  data,
  success: false,
  failed: true,
});

describe("readAnswer", () => {
  it("passes a 0000 envelope on with its data", () => {
    expect(
      readAnswer(http(200, envelope("0000", "success", { total_count: 0 }))),
    ).toMatchObject({
      ok: true,
      code: "0000",
      msg: "success",
      data: { total_count: 0 },
    });
  });

  it("reads a numeric code as the zero-padded string", () => {
    expect(readAnswer(http(200, envelope(0, "success")))).toMatchObject({
      ok: true,
      code: "0000",
    });
    expect(readAnswer(http(200, envelope(429)))).toMatchObject({
      ok: false,
      failure: { code: "throttled" },
    });
  });

  it("treats HTTP 401 (even without JSON), 0401, 9009 and 0403 as auth, retryable (docs/design.md §4)", () => {
    const cases: [number, unknown, string][] = [
      [
        401,
        "Unauthorized",
        "credentials rejected by memories.ai: Unauthorized [HTTP 401]",
      ],
      [
        200,
        envelope("0401", "authorization invalid"),
        "credentials rejected by memories.ai: authorization invalid (code 0401) [HTTP 200]",
      ],
      [
        200,
        envelope("9009", "permission denied"),
        "credentials rejected by memories.ai: permission denied (code 9009) [HTTP 200]",
      ],
      [
        200,
        envelope("0403", "account disabled"),
        "credentials rejected by memories.ai: account disabled (code 0403) [HTTP 200]",
      ],
    ];
    for (const [status, body, message] of cases) {
      expect(readAnswer(http(status, body))).toEqual({
        ok: false,
        failure: { code: "auth", message, retryable: true },
      });
    }
  });

  it("treats 0429 and HTTP 429 as throttled, keeping Retry-After", () => {
    expect(readAnswer(http(200, envelope("0429", "busy")))).toEqual({
      ok: false,
      failure: {
        code: "throttled",
        message: "rate limit exceeded: 0429 busy",
        retryable: true,
      },
    });
    expect(readAnswer(http(429, "", 3000))).toMatchObject({
      ok: false,
      failure: { code: "throttled", retryable: true, retryAfterMs: 3000 },
    });
  });

  it("makes 5xx retryable and other statuses final, keeping a raw snippet of odd bodies", () => {
    expect(readAnswer(http(502, "<html>Bad Gateway</html>"))).toEqual({
      ok: false,
      failure: {
        code: "http_502",
        message: "HTTP 502 from memories.ai: <html>Bad Gateway</html>",
        retryable: true,
        raw: "<html>Bad Gateway</html>",
      },
    });
    expect(
      readAnswer(http(404, envelope("0001", "no such path"))),
    ).toMatchObject({
      ok: false,
      failure: { code: "http_404", retryable: false },
    });
  });

  it("marks a 200 that is not the envelope as malformed, retryable, with the snippet", () => {
    const long = `{"oops":"${"x".repeat(400)}"}`;
    const answer = readAnswer(http(200, long));
    expect(answer).toMatchObject({
      ok: false,
      failure: { code: "malformed", retryable: true },
    });
    if (!answer.ok) expect(answer.failure.raw?.length).toBe(301);
    expect(readAnswer(http(200, "[]"))).toMatchObject({
      ok: false,
      failure: { code: "malformed" },
    });
  });

  it("passes transport failures through as retryable", () => {
    const timeout: HttpResult = {
      ok: false,
      code: "timeout",
      message: "No answer within 5 ms.",
      retryable: true,
    };
    expect(readAnswer(timeout)).toEqual({
      ok: false,
      failure: {
        code: "timeout",
        message: "No answer within 5 ms.",
        retryable: true,
      },
    });
  });
});

describe("codes and data shapes", () => {
  it("keeps bad input and missing credits final, unknown codes retryable (§5)", () => {
    expect(codeFailure("0001", "parameter incorrect")).toEqual({
      code: "0001",
      message: "parameter incorrect",
      retryable: false,
    });
    expect(codeFailure("0003", "").retryable).toBe(false);
    expect(codeFailure("0402", "no points").retryable).toBe(false);
    expect(codeFailure("0777", "")).toEqual({
      code: "0777",
      message: "memories.ai answered code 0777",
      retryable: true,
    });
  });

  it("parses v1 numbers and v1.1 numeric strings alike (§4)", () => {
    const v11 = listDataSchema.parse({
      total_count: "2",
      videos: [
        {
          video_no: "VI1234567890",
          video_name: "a",
          status: "PARSE",
          create_time: "1754037217992",
        },
      ],
    });
    expect(v11.total_count).toBe(2);
    expect(v11.videos?.[0]?.create_time).toBe(1754037217992);
    expect(
      listDataSchema.parse({ total_count: 0, videos: null }).videos,
    ).toBeNull();
    expect(
      listDataSchema.safeParse({ total_count: "two", videos: [] }).success,
    ).toBe(false);
    expect(
      listDataSchema.safeParse({
        total_count: 1,
        videos: [{ video_no: "VI1234567890" }],
      }).success,
    ).toBe(false);
  });

  it("accepts null, {} or no data on a delete, nothing else (§3)", () => {
    for (const data of [null, {}, undefined])
      expect(deleteDataSchema.safeParse(data).success).toBe(true);
    for (const data of [[], "ok", 1])
      expect(deleteDataSchema.safeParse(data).success).toBe(false);
  });
});
