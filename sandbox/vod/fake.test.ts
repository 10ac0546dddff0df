import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ProviderSandbox } from "../types";
import { createVodSandbox } from "./fake";
import {
  api,
  HOST,
  mulberry32,
  NOW,
  ownIds,
  send,
  SECRET,
  stateOf,
  type Body,
  v1Request,
  v3Request,
  type Placement,
} from "./test-client";

const ENV_KEYS = [
  "SANDBOX_VOD_ACCESS_KEY_ID",
  "SANDBOX_VOD_ACCESS_KEY_SECRET",
  "SANDBOX_VOD_DELETE_QPS",
];
const savedEnv = new Map(ENV_KEYS.map((k) => [k, process.env[k]]));

let sb: ProviderSandbox;

beforeEach(() => {
  for (const k of ENV_KEYS) delete process.env[k];
  sb = createVodSandbox(mulberry32(1));
  sb.reset(42, 60);
});
afterEach(() => {
  for (const [k, v] of savedEnv)
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

describe("authentication", () => {
  it.each<Placement>(["get", "post-form", "post-query"])(
    "accepts a V1 signature in %s",
    (placement) => {
      const [id] = ownIds(sb);
      const res = send(
        sb,
        v1Request(placement, "GetVideoInfos", { VideoIds: id! }),
      );
      expect(res.status).toBe(200);
      expect(
        res.json.VideoList.map((v: { VideoId: string }) => v.VideoId),
      ).toEqual([id]);
      expect(res.json.Code).toBeUndefined();
      expect(res.call).toEqual({ operation: "GetVideoInfos", ids: [id] });
    },
  );

  it("accepts V3 with parameters in the query or a form body", () => {
    const [a, b] = ownIds(sb, 2);
    const viaQuery = send(sb, v3Request("GetVideoInfos", { VideoIds: a! }));
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.json.VideoList[0].VideoId).toBe(a);
    const viaForm = send(
      sb,
      v3Request("GetVideoInfos", { VideoIds: b! }, { form: true }),
    );
    expect(viaForm.status).toBe(200);
    expect(viaForm.json.VideoList[0].VideoId).toBe(b);
  });

  it("refuses a tampered signature, a tampered parameter and a GET signature sent as POST", () => {
    const [a, b] = ownIds(sb, 2);
    const req = v1Request("get", "DeleteVideo", { VideoIds: a! });
    const sig = req.query.get("Signature")!;
    req.query.set("Signature", (sig[0] === "A" ? "B" : "A") + sig.slice(1));
    const res = send(sb, req);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      Code: "SignatureDoesNotMatch",
      HostId: HOST,
    });
    expect(res.json.Message).toContain(
      "server string to sign is:GET&%2F&AccessKeyId%3DLTAI5tSandboxVodKey",
    );
    expect(Object.keys(res.json).sort()).toEqual([
      "Code",
      "HostId",
      "Message",
      "Recommend",
      "RequestId",
    ]);

    const swapped = v1Request("get", "DeleteVideo", { VideoIds: a! });
    swapped.query.set("VideoIds", b!);
    expect(send(sb, swapped).json.Code).toBe("SignatureDoesNotMatch");

    const asPost = v1Request("get", "DeleteVideo", { VideoIds: a! });
    expect(send(sb, { ...asPost, method: "POST" }).json.Code).toBe(
      "SignatureDoesNotMatch",
    );
    expect(stateOf(sb, a!)?.deleted).toBe(false);
    expect(stateOf(sb, b!)?.deleted).toBe(false);

    const v3 = v3Request("DeleteVideo", { VideoIds: a! });
    v3.query.set("VideoIds", b!);
    expect(send(sb, v3).json.Code).toBe("SignatureDoesNotMatch");
  });

  it("answers an unknown key with 404 and a wrong secret with SignatureDoesNotMatch", () => {
    const [id] = ownIds(sb);
    const unknown = send(
      sb,
      v1Request(
        "get",
        "GetVideoInfo",
        { VideoId: id! },
        { keyId: "LTAI5tSomebodyElse" },
      ),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.json.Code).toBe("InvalidAccessKeyId.NotFound");
    const v3Unknown = send(
      sb,
      v3Request(
        "GetVideoInfo",
        { VideoId: id! },
        { keyId: "LTAI5tSomebodyElse" },
      ),
    );
    expect(v3Unknown.json.Code).toBe("InvalidAccessKeyId.NotFound");
    const wrong = send(
      sb,
      v1Request(
        "get",
        "GetVideoInfo",
        { VideoId: id! },
        { secret: `${SECRET}x` },
      ),
    );
    expect([wrong.status, wrong.json.Code]).toEqual([
      400,
      "SignatureDoesNotMatch",
    ]);
  });

  it("takes the credentials from the environment", () => {
    process.env.SANDBOX_VOD_ACCESS_KEY_ID = "LTAI5tFromEnv";
    process.env.SANDBOX_VOD_ACCESS_KEY_SECRET = "env-secret";
    const envSb = createVodSandbox(mulberry32(1));
    expect(send(envSb, v1Request("get", "GetVideoList", {})).json.Code).toBe(
      "InvalidAccessKeyId.NotFound",
    );
    const ok = send(
      envSb,
      v1Request(
        "get",
        "GetVideoList",
        {},
        { keyId: "LTAI5tFromEnv", secret: "env-secret" },
      ),
    );
    expect(ok.status).toBe(200);
  });

  it("refuses a replayed nonce (V1 and V3) but not a fresh one", () => {
    const [id] = ownIds(sb);
    const first = send(
      sb,
      v1Request("get", "GetVideoInfo", { VideoId: id! }, { nonce: "n-1" }),
    );
    expect(first.status).toBe(200);
    const replay = send(
      sb,
      v1Request(
        "post-form",
        "GetVideoInfo",
        { VideoId: id! },
        { nonce: "n-1", now: NOW + 5000 },
      ),
      NOW + 5000,
    );
    expect([replay.status, replay.json.Code]).toEqual([
      400,
      "SignatureNonceUsed",
    ]);
    expect(
      send(sb, v3Request("GetVideoInfo", { VideoId: id! }, { nonce: "n-1" }))
        .json.Code,
    ).toBe("SignatureNonceUsed");
    expect(
      send(
        sb,
        v1Request("get", "GetVideoInfo", { VideoId: id! }, { nonce: "n-2" }),
      ).status,
    ).toBe(200);
  });

  it("checks the Timestamp window and format, and missing signature parts", () => {
    const skewed = send(
      sb,
      v1Request("get", "GetVideoList", {}, { now: NOW - 16 * 60 * 1000 }),
    );
    expect([skewed.status, skewed.json.Code]).toEqual([
      400,
      "InvalidTimeStamp.Expired",
    ]);
    expect(
      send(
        sb,
        v1Request("get", "GetVideoList", {}, { now: NOW - 14 * 60 * 1000 }),
      ).status,
    ).toBe(200);
    const badFormat = send(
      sb,
      v1Request(
        "get",
        "GetVideoList",
        {},
        { timestamp: "2025-06-01T12:00:00.000Z" },
      ),
    );
    expect(badFormat.json.Code).toBe("InvalidTimeStamp.Format");
    const unsigned = v1Request("get", "GetVideoList");
    unsigned.query.delete("Signature");
    expect(send(sb, unsigned).json.Code).toBe("IncompleteSignature");
    const noNonce = v1Request("get", "GetVideoList");
    noNonce.query.delete("SignatureNonce");
    expect(send(sb, noNonce).json).toMatchObject({ Code: "MissingParameter" });
    expect(
      send(sb, v3Request("GetVideoList", {}, { now: NOW + 20 * 60 * 1000 }))
        .json.Code,
    ).toBe("InvalidTimeStamp.Expired");
  });

  it("answers unknown Action, wrong Version and omitted Format the documented way", () => {
    const unknown = api(sb, "DeleteEverything");
    expect([unknown.status, unknown.json.Code]).toEqual([
      404,
      "InvalidAction.NotFound",
    ]);
    expect(
      send(sb, v1Request("get", "GetVideoList", {}, { version: "2014-05-26" }))
        .json.Code,
    ).toBe("InvalidVersion");
    const xml = send(
      sb,
      v1Request("get", "GetVideoList", { PageSize: "1" }, { format: null }),
    );
    expect(xml.status).toBe(200);
    expect(xml.headers?.["content-type"]).toContain("xml");
    expect(xml.body).toMatch(
      /^<\?xml[^>]*\?><GetVideoListResponse><RequestId>[0-9A-F-]{36}<\/RequestId><Total>60<\/Total>/,
    );
    expect(
      send(sb, v1Request("get", "GetVideoList", {}, { format: "json" })).status,
    ).toBe(200);
    expect(
      sb.handle({ ...v1Request("get", "GetVideoList"), path: "/other" }, NOW),
    ).toBeNull();
  });
});

describe("throttling", () => {
  it("allows 30 DeleteVideo calls a second, then answers 400 Throttling.User", () => {
    const ghosts = sb.missingIds(31);
    const codes = ghosts.map(
      (g, i) => api(sb, "DeleteVideo", { VideoIds: g }, NOW + i * 10).json.Code,
    );
    expect(codes.slice(0, 30).every((c) => c === "InvalidVideo.NotFound")).toBe(
      true,
    );
    const throttled = api(
      sb,
      "DeleteVideo",
      { VideoIds: ownIds(sb)[0]! },
      NOW + 400,
    );
    expect(throttled.status).toBe(400);
    expect(throttled.json).toMatchObject({
      Code: "Throttling.User",
      Message: "Request was denied due to user flow control.",
    });
    expect(codes[30]).toBe("Throttling.User");
    // Other actions have their own budget; the window slides one second past the first call.
    expect(api(sb, "GetVideoList", {}, NOW + 500).status).toBe(200);
    expect(
      api(sb, "DeleteVideo", { VideoIds: ownIds(sb)[0]! }, NOW + 1001).status,
    ).toBe(200);
  });

  it("takes the DeleteVideo QPS from SANDBOX_VOD_DELETE_QPS", () => {
    process.env.SANDBOX_VOD_DELETE_QPS = "2";
    const slow = createVodSandbox(mulberry32(1));
    const [g1, g2, g3] = slow.missingIds(3);
    expect(api(slow, "DeleteVideo", { VideoIds: g1! }).status).toBe(404);
    expect(api(slow, "DeleteVideo", { VideoIds: g2! }).status).toBe(404);
    expect(api(slow, "DeleteVideo", { VideoIds: g3! }).json.Code).toBe(
      "Throttling.User",
    );
  });

  it("formats injected faults the VOD way", () => {
    const throttle = sb.faultResponse("throttle");
    expect([throttle.status, JSON.parse(throttle.body).Code]).toEqual([
      400,
      "Throttling.User",
    ]);
    const error = sb.faultResponse("server_error");
    expect([error.status, JSON.parse(error.body).Code]).toEqual([
      500,
      "InternalError",
    ]);
    expect(() => JSON.parse(sb.faultResponse("malformed").body)).toThrow(
      SyntaxError,
    );
  });
});

describe("state", () => {
  it("persists deletes until reset restores the seeded world", () => {
    const before = sb.videos();
    const [a] = ownIds(sb);
    api(sb, "DeleteVideo", { VideoIds: a! });
    expect(api(sb, "GetVideoInfo", { VideoId: a! }).status).toBe(404);
    expect(stateOf(sb, a!)).toMatchObject({ deleted: true });
    sb.reset(42, 60);
    expect(sb.videos()).toEqual(before);
    expect(api(sb, "GetVideoInfo", { VideoId: a! }).json.Video.VideoId).toBe(a);
  });

  it("is deterministic for a seed and covers every status, owner and ReferenceIds", () => {
    const twin = createVodSandbox(mulberry32(99));
    twin.reset(42, 60);
    expect(twin.videos()).toEqual(sb.videos());
    expect(twin.missingIds(3)).toEqual(sb.missingIds(3));
    expect(twin.seed(5)).toEqual(sb.seed(5));
    expect(createVodSandbox(mulberry32(5)).videos()).toEqual(
      createVodSandbox(mulberry32(5)).videos(),
    );
    twin.reset(43, 60);
    expect(twin.videos()[0]?.id).not.toBe(sb.videos()[0]?.id);
    const vids = sb.videos();
    expect(vids).toHaveLength(65);
    expect(new Set(vids.map((v) => v.status))).toEqual(
      new Set([
        "Uploading",
        "UploadSucc",
        "UploadFail",
        "Transcoding",
        "TranscodeFail",
        "Checking",
        "Blocked",
        "Normal",
        "ProduceFail",
      ]),
    );
    expect(vids.every((v) => /^[0-9a-f]{32}$/.test(v.id))).toBe(true);
    expect(vids.filter((v) => v.owner === "other").length).toBeGreaterThan(3);
    expect(
      sb
        .missingIds(4)
        .every(
          (id) => /^[0-9a-f]{32}$/.test(id) && !vids.some((v) => v.id === id),
        ),
    ).toBe(true);
    const listed = api(sb, "GetVideoList", { PageSize: "100" }).json.VideoList
      .Video as Body[];
    expect(
      listed.filter((v) => v.ReferenceId !== undefined).length,
    ).toBeGreaterThan(5);
  });

  it("answers the same request sequence with the same bodies", () => {
    const a = createVodSandbox(mulberry32(8));
    const b = createVodSandbox(mulberry32(8));
    const search = { Match: "Status = 'Normal'", PageSize: "5" };
    expect(api(a, "SearchMedia", search).body).toBe(
      api(b, "SearchMedia", search).body,
    );
    expect(api(a, "GetVideoList", {}).body).toBe(
      api(b, "GetVideoList", {}).body,
    );
  });
});
