import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVodAdapter } from "./adapter";
import { classifyError, readResponse } from "./wire";

// vod.md §6 / §12 rows the sandbox never produces (it sends no Forbidden.RAM, DeleteVideoFailed,
// Throttling.Api, legacy UnRemoveableVideoIds...): the classification as a pure function, and the
// adapter end to end against a canned-answer HTTP server speaking those bodies.

const A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
const C = "cccccccccccccccccccccccccccccccc";

describe("classifyError (§6, §12)", () => {
  const cases: [number, string, string, boolean][] = [
    [404, "InvalidVideo.NotFound", "not_found", false],
    [503, "DeleteVideoFailed", "failed", true],
    [500, "InternalError", "failed", true],
    [503, "ServiceUnavailable", "failed", true],
    [503, "ServiceUnAvailable", "failed", true],
    [400, "SignatureNonceUsed", "failed", true],
    [400, "InvalidTimeStamp.Expired", "failed", true],
    [400, "InvalidTimeStamp.Format", "failed", false],
    [400, "MissingParameter", "failed", false],
    [400, "MissingParameter.VideoIds", "failed", false],
    [400, "InvalidParameter", "failed", false],
    [400, "VideoIdsExceededMax", "failed", false],
    [400, "InvalidVersion", "failed", false],
    [404, "InvalidAction.NotFound", "failed", false],
    [502, "SomethingNew", "failed", true],
    [400, "SomethingNew", "failed", false],
  ];
  for (const [status, code, outcome, retryable] of cases) {
    it(`${status} ${code} → ${outcome}${retryable ? ", retryable" : ""}`, () => {
      expect(classifyError(status, code, "said")).toEqual({
        outcome,
        code,
        message: "said",
        retryable,
      });
    });
  }

  // Account-level refusals are not per-video answers (docs/design.md §4): auth, retryable, never forbidden.
  for (const [status, code] of [
    [403, "Forbidden.RAM"],
    [403, "Forbidden"],
    [403, "OperationDenied"],
    [403, "OperationDenied.Suspended"],
  ] as const) {
    it(`${status} ${code} → auth, retryable`, () => {
      expect(classifyError(status, code, "not allowed")).toEqual({
        outcome: "failed",
        code: "auth",
        message: `credentials rejected by ApsaraVideo VOD: ${code}: not allowed`,
        retryable: true,
      });
    });
  }

  for (const [status, code] of [
    [400, "Throttling.User"],
    [503, "Throttling.Api"],
    [400, "Throttling"],
  ] as const) {
    it(`${status} ${code} → throttled, retryable, Retry-After kept`, () => {
      expect(classifyError(status, code, "slow down", 2000)).toEqual({
        outcome: "failed",
        code: "throttled",
        message: `${code}: slow down`,
        retryable: true,
        retryAfterMs: 2000,
      });
    });
  }

  for (const code of [
    "SignatureDoesNotMatch",
    "IncompleteSignature",
    "InvalidAccessKeyId.NotFound",
    "InvalidAccessKeyId.Inactive",
    "Forbidden.AccessKeyDisabled",
    "InvalidSecurityToken.Expired",
    "InvalidSecurityToken.MismatchWithAccessKey",
  ]) {
    it(`${code} → auth, retryable (docs/design.md §4), never forbidden`, () => {
      expect(classifyError(403, code, "no")).toEqual({
        outcome: "failed",
        code: "auth",
        message: `credentials rejected by ApsaraVideo VOD: ${code}: no`,
        retryable: true,
      });
    });
  }
});

describe("readResponse", () => {
  it("takes a Code in a 200 as an error and a bare 2xx object as success", () => {
    expect(
      readResponse(200, '{"Code":"Forbidden","Message":"m"}'),
    ).toMatchObject({
      ok: false,
      failure: { outcome: "failed", code: "auth" },
    });
    expect(readResponse(200, '{"RequestId":"r"}')).toEqual({
      ok: true,
      body: { RequestId: "r" },
      text: '{"RequestId":"r"}',
    });
  });

  it("keeps an HTML gateway page as http_502 with its snippet, a 429 as throttled", () => {
    expect(readResponse(502, "<html>Bad gateway</html>", 1000)).toEqual({
      ok: false,
      failure: {
        outcome: "failed",
        code: "http_502",
        message: "ApsaraVideo VOD answered HTTP 502",
        retryable: true,
        retryAfterMs: 1000,
        raw: "<html>Bad gateway</html>",
      },
    });
    expect(readResponse(429, "")).toMatchObject({
      ok: false,
      failure: { code: "throttled", retryable: true },
    });
    expect(readResponse(400, "<Error/>")).toMatchObject({
      ok: false,
      failure: { code: "malformed", retryable: true },
    });
    expect(readResponse(200, "[]")).toMatchObject({
      ok: false,
      failure: { code: "malformed" },
    });
  });
});

describe("adapter against canned provider answers", () => {
  let server: Server;
  let endpoint = "";
  let next = { status: 200, body: "" };

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(next.status, { "content-type": "application/json" });
      res.end(next.body);
    });
    await new Promise<void>((resolve) =>
      server.listen(0, "127.0.0.1", resolve),
    );
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const adapter = () =>
    createVodAdapter({
      accessKeyId: "k",
      accessKeySecret: "s",
      region: "cn-shanghai",
      endpoint,
    });

  it("403 Forbidden.RAM → every ID failed (auth, retryable), never forbidden", async () => {
    next = {
      status: 403,
      body: '{"RequestId":"r","Code":"Forbidden.RAM","Message":"User not authorized to operate on the specified resource."}',
    };
    const outcomes = await adapter().delete([A, B]);
    for (const id of [A, B]) {
      expect(outcomes.get(id)).toEqual({
        outcome: "failed",
        code: "auth",
        message:
          "credentials rejected by ApsaraVideo VOD: Forbidden.RAM: User not authorized to operate on the specified resource.",
        retryable: true,
      });
    }
  });

  it("503 DeleteVideoFailed → failed, retryable", async () => {
    next = {
      status: 503,
      body: '{"RequestId":"r","Code":"DeleteVideoFailed","Message":"Delete failed."}',
    };
    expect((await adapter().delete([A])).get(A)).toEqual({
      outcome: "failed",
      code: "DeleteVideoFailed",
      message: "Delete failed.",
      retryable: true,
    });
  });

  it("legacy UnRemoveableVideoIds and string-valued lists (§4 doc inconsistency)", async () => {
    next = {
      status: 200,
      body: `{"RequestId":"r","UnRemoveableVideoIds":"${A}","NonExistVideoIds":"${B}"}`,
    };
    const outcomes = await adapter().delete([A, B, C]);
    expect(outcomes.get(A)).toMatchObject({
      outcome: "forbidden",
      code: "UnRemoveableVideoIds",
    });
    expect(outcomes.get(B)).toMatchObject({
      outcome: "not_found",
      code: "NonExistVideoIds",
    });
    expect(outcomes.get(C)).toEqual({ outcome: "deleted", retryable: false });
  });

  it("a 200 JSON object without RequestId is not read as 'everything deleted'", async () => {
    next = { status: 200, body: '{"ok":true}' };
    expect((await adapter().delete([A])).get(A)).toMatchObject({
      outcome: "failed",
      code: "malformed",
      retryable: true,
      raw: '{"ok":true}',
    });
  });

  it("a look-up that names an ID in neither list → failed, retryable", async () => {
    next = {
      status: 200,
      body: `{"RequestId":"r","VideoList":[{"VideoId":"${A}","Title":"t","Status":"Normal"}],"NonExistVideoIds":[]}`,
    };
    const results = await adapter().lookup([A, B]);
    expect(results.get(A)).toEqual({
      state: "exists",
      status: "Normal",
      name: "t",
    });
    expect(results.get(B)).toMatchObject({
      state: "failed",
      code: "unanswered",
      retryable: true,
    });
  });
});
