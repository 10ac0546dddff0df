import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  canonicalQuery,
  formBody,
  percentEncode,
  rpcTimestamp,
  signedRpcParams,
  signRpc,
} from "./signing";

// Conformance with docs/providers/vod.md §9: the two official V1 vectors (§9.1 VOD page, §9.2
// generic RPC page) and our derived DeleteVideo vectors (§9.3).

const stringToSign = (method: string, params: Record<string, string>) =>
  `${method}&${percentEncode("/")}&${percentEncode(canonicalQuery(params))}`;
/** Independent HMAC over the doc's StringToSign: our encoding and openapi-util's must agree. */
const hmac = (secret: string, sts: string) =>
  createHmac("sha1", `${secret}&`).update(sts).digest("base64");

const vectorA = {
  Action: "GetVideoPlayAuth",
  Format: "JSON",
  SignatureMethod: "HMAC-SHA1",
  SignatureNonce: "8f8a035d-6496-4268-afd4-67c22837e38d",
  SignatureVersion: "1.0",
  Timestamp: "2017-10-10T12:02:54Z",
  Version: "2017-03-21",
  VideoId: "5aed81b74ba84920be578cdfe004af4b",
  AccessKeyId: "testAccessKeyId",
};

const vectorB = {
  AccessKeyId: "testid",
  Action: "DescribeRegions",
  Format: "XML",
  SignatureMethod: "HMAC-SHA1",
  SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
  SignatureVersion: "1.0",
  Timestamp: "2016-02-23T12:46:24Z",
  Version: "2014-05-26",
};

const deleteVector = {
  AccessKeyId: "testAccessKeyId",
  Action: "DeleteVideo",
  Format: "JSON",
  SignatureMethod: "HMAC-SHA1",
  SignatureNonce: "00000000-0000-4000-8000-000000000001",
  SignatureVersion: "1.0",
  Timestamp: "2024-01-02T03:04:05Z",
  Version: "2017-03-21",
  VideoIds: "5aed81b74ba84920be578cdfe004af4b,0123456789abcdef0123456789abcdef",
};

describe("vod.md §9.1 official vector A (VOD GetVideoPlayAuth)", () => {
  it("builds the documented canonicalized query and StringToSign", () => {
    expect(canonicalQuery(vectorA)).toBe(
      "AccessKeyId=testAccessKeyId&Action=GetVideoPlayAuth&Format=JSON&SignatureMethod=HMAC-SHA1&SignatureNonce=8f8a035d-6496-4268-afd4-67c22837e38d&SignatureVersion=1.0&Timestamp=2017-10-10T12%3A02%3A54Z&Version=2017-03-21&VideoId=5aed81b74ba84920be578cdfe004af4b",
    );
    const sts =
      "GET&%2F&AccessKeyId%3DtestAccessKeyId%26Action%3DGetVideoPlayAuth%26Format%3DJSON%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D8f8a035d-6496-4268-afd4-67c22837e38d%26SignatureVersion%3D1.0%26Timestamp%3D2017-10-10T12%253A02%253A54Z%26Version%3D2017-03-21%26VideoId%3D5aed81b74ba84920be578cdfe004af4b";
    expect(stringToSign("GET", vectorA)).toBe(sts);
    expect(hmac("testAccessKeySecret", sts)).toBe(
      "Ibgh7y8Vp47LBuAsf5Xhi1SvDss=",
    );
  });

  it("signs to the published signature, which is URL-encoded with %3D", () => {
    expect(signRpc("GET", vectorA, "testAccessKeySecret")).toBe(
      "Ibgh7y8Vp47LBuAsf5Xhi1SvDss=",
    );
    expect(percentEncode("Ibgh7y8Vp47LBuAsf5Xhi1SvDss=")).toBe(
      "Ibgh7y8Vp47LBuAsf5Xhi1SvDss%3D",
    );
  });

  it("ignores a Signature already in the set", () => {
    expect(
      signRpc("GET", { ...vectorA, Signature: "x" }, "testAccessKeySecret"),
    ).toBe("Ibgh7y8Vp47LBuAsf5Xhi1SvDss=");
  });

  it("is case-sensitive: the doc's `TimeStamp` typo gives another signature", () => {
    const { Timestamp, ...rest } = vectorA;
    const typo = { ...rest, TimeStamp: Timestamp };
    expect(signRpc("GET", typo, "testAccessKeySecret")).toBe(
      "y7bxGI/A7mac6a+GYiAkfjNOgZ4=",
    );
  });
});

describe("vod.md §9.2 official vector B (ECS DescribeRegions)", () => {
  it("reproduces the StringToSign and GET signature", () => {
    const sts =
      "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26";
    expect(stringToSign("GET", vectorB)).toBe(sts);
    expect(signRpc("GET", vectorB, "testsecret")).toBe(
      "OLeaidS1JvxuMvnyHOwuJ+uX5qY=",
    );
    expect(percentEncode("OLeaidS1JvxuMvnyHOwuJ+uX5qY=")).toBe(
      "OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D",
    );
  });

  it("signs the method: POST gives the computed signature", () => {
    expect(signRpc("POST", vectorB, "testsecret")).toBe(
      "MxbnVAM4w6sft9xjVpe/GCKueuk=",
    );
  });
});

describe("vod.md §9.3 derived DeleteVideo vectors", () => {
  it("double-encodes the comma and signs GET and POST", () => {
    expect(stringToSign("GET", deleteVector)).toMatch(
      /%26Version%3D2017-03-21%26VideoIds%3D5aed81b74ba84920be578cdfe004af4b%252C0123456789abcdef0123456789abcdef$/,
    );
    expect(signRpc("GET", deleteVector, "testAccessKeySecret")).toBe(
      "sCEPT3HM6wCNExKWUuy3ea0WTuA=",
    );
    expect(signRpc("POST", deleteVector, "testAccessKeySecret")).toBe(
      "pMSdqwjSENiD54MzOjwxhuuXEQI=",
    );
    expect(
      hmac("testAccessKeySecret", stringToSign("POST", deleteVector)),
    ).toBe("pMSdqwjSENiD54MzOjwxhuuXEQI=");
  });

  it("signedRpcParams adds the §3 common parameters and reproduces the POST vector", () => {
    const signed = signedRpcParams(
      "POST",
      "DeleteVideo",
      { VideoIds: deleteVector.VideoIds },
      {
        accessKeyId: "testAccessKeyId",
        accessKeySecret: "testAccessKeySecret",
      },
      {
        now: new Date("2024-01-02T03:04:05.678Z"),
        nonce: deleteVector.SignatureNonce,
      },
    );
    expect(signed).toEqual({
      ...deleteVector,
      Signature: "pMSdqwjSENiD54MzOjwxhuuXEQI=",
    });
    expect(formBody(signed)).toBe(
      `${canonicalQuery(deleteVector)}&Signature=pMSdqwjSENiD54MzOjwxhuuXEQI%3D`,
    );
    expect(new URLSearchParams(formBody(signed)).get("VideoIds")).toBe(
      deleteVector.VideoIds,
    );
  });

  it("uses a fresh nonce per request and a Timestamp without milliseconds", () => {
    const creds = { accessKeyId: "k", accessKeySecret: "s" };
    const a = signedRpcParams("POST", "DeleteVideo", {}, creds);
    const b = signedRpcParams("POST", "DeleteVideo", {}, creds);
    expect(a.SignatureNonce).not.toBe(b.SignatureNonce);
    expect(a.Timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(rpcTimestamp(new Date("2017-10-10T12:02:54.999Z"))).toBe(
      "2017-10-10T12:02:54Z",
    );
  });
});

describe("percentEncode (§9 step 3)", () => {
  it("encodes as RFC 3986: %20 for space, %2A for *, ~ kept, UTF-8 bytes", () => {
    expect(percentEncode("a b*c~d!'()+/=")).toBe(
      "a%20b%2Ac~d%21%27%28%29%2B%2F%3D",
    );
    expect(percentEncode("é")).toBe("%C3%A9");
  });
});
