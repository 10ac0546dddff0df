import { describe, expect, it } from "vitest";
import type { SandboxRequest } from "../types";
import { authenticate } from "./auth";
import { collectParams, NonceStore } from "./request";
import {
  canonicalizeV1,
  canonicalRequestV3,
  parseAuthorizationV3,
  percentEncode,
  sha256Hex,
  signV1,
  signV3,
  stringToSignV1,
  stringToSignV3,
} from "./signing";

const entries = (o: Record<string, string>) => Object.entries(o);

describe("percentEncode (vod.md §9 step 3)", () => {
  it("keeps only unreserved characters literal", () => {
    expect(percentEncode("a b*c~d'e(f)!g+h/i=j:k,l")).toBe(
      "a%20b%2Ac~d%27e%28f%29%21g%2Bh%2Fi%3Dj%3Ak%2Cl",
    );
    expect(percentEncode("é")).toBe("%C3%A9");
  });
});

describe("V1 official vector A, VOD page (§9.1)", () => {
  const params = {
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

  it("canonicalizes, builds the StringToSign and signs", () => {
    expect(canonicalizeV1(entries(params))).toBe(
      "AccessKeyId=testAccessKeyId&Action=GetVideoPlayAuth&Format=JSON&SignatureMethod=HMAC-SHA1&SignatureNonce=8f8a035d-6496-4268-afd4-67c22837e38d&SignatureVersion=1.0&Timestamp=2017-10-10T12%3A02%3A54Z&Version=2017-03-21&VideoId=5aed81b74ba84920be578cdfe004af4b",
    );
    const sts = stringToSignV1("GET", entries(params));
    expect(sts).toBe(
      "GET&%2F&AccessKeyId%3DtestAccessKeyId%26Action%3DGetVideoPlayAuth%26Format%3DJSON%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D8f8a035d-6496-4268-afd4-67c22837e38d%26SignatureVersion%3D1.0%26Timestamp%3D2017-10-10T12%253A02%253A54Z%26Version%3D2017-03-21%26VideoId%3D5aed81b74ba84920be578cdfe004af4b",
    );
    expect(signV1(sts, "testAccessKeySecret")).toBe(
      "Ibgh7y8Vp47LBuAsf5Xhi1SvDss=",
    );
  });

  it("ignores a Signature parameter when canonicalizing", () => {
    const withSig = { ...params, Signature: "Ibgh7y8Vp47LBuAsf5Xhi1SvDss=" };
    expect(canonicalizeV1(entries(withSig))).toBe(
      canonicalizeV1(entries(params)),
    );
  });

  it("gives the doc-typo signature for the misspelt TimeStamp (names are case-sensitive)", () => {
    const { Timestamp, ...rest } = params;
    const typo = { ...rest, TimeStamp: Timestamp };
    expect(
      signV1(stringToSignV1("GET", entries(typo)), "testAccessKeySecret"),
    ).toBe("y7bxGI/A7mac6a+GYiAkfjNOgZ4=");
  });
});

describe("V1 official vector B, generic RPC page (§9.2)", () => {
  const params = {
    AccessKeyId: "testid",
    Action: "DescribeRegions",
    Format: "XML",
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
    SignatureVersion: "1.0",
    Timestamp: "2016-02-23T12:46:24Z",
    Version: "2014-05-26",
  };

  it("matches the published StringToSign and signature", () => {
    const sts = stringToSignV1("GET", entries(params));
    expect(sts).toBe(
      "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
    );
    expect(signV1(sts, "testsecret")).toBe("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
  });

  it("signs POST differently, and the old TimeStamp edition as printed", () => {
    expect(signV1(stringToSignV1("POST", entries(params)), "testsecret")).toBe(
      "MxbnVAM4w6sft9xjVpe/GCKueuk=",
    );
    const { Timestamp, ...rest } = params;
    expect(
      signV1(
        stringToSignV1("GET", entries({ ...rest, TimeStamp: Timestamp })),
        "testsecret",
      ),
    ).toBe("CT9X0VtwR86fNWSnsc6v8YGOjuE=");
  });
});

describe("derived DeleteVideo vectors (§9.3)", () => {
  const params = {
    AccessKeyId: "testAccessKeyId",
    Action: "DeleteVideo",
    Format: "JSON",
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: "00000000-0000-4000-8000-000000000001",
    SignatureVersion: "1.0",
    Timestamp: "2024-01-02T03:04:05Z",
    Version: "2017-03-21",
    VideoIds:
      "5aed81b74ba84920be578cdfe004af4b,0123456789abcdef0123456789abcdef",
  };

  it("double-encodes the comma and signs GET and POST", () => {
    const get = stringToSignV1("GET", entries(params));
    expect(
      get.endsWith(
        "%26Version%3D2017-03-21%26VideoIds%3D5aed81b74ba84920be578cdfe004af4b%252C0123456789abcdef0123456789abcdef",
      ),
    ).toBe(true);
    expect(signV1(get, "testAccessKeySecret")).toBe(
      "sCEPT3HM6wCNExKWUuy3ea0WTuA=",
    );
    expect(
      signV1(stringToSignV1("POST", entries(params)), "testAccessKeySecret"),
    ).toBe("pMSdqwjSENiD54MzOjwxhuuXEQI=");
  });
});

describe("V3 official vector (§10.1)", () => {
  const headers = {
    host: "ecs.cn-shanghai.aliyuncs.com",
    "x-acs-action": "RunInstances",
    "x-acs-content-sha256":
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "x-acs-date": "2023-10-26T10:22:32Z",
    "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
    "x-acs-version": "2014-05-26",
  };
  const query = new URLSearchParams({
    ImageId: "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd",
    RegionId: "cn-shanghai",
  });
  const signedHeaders =
    "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";
  const expectedSignature =
    "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0";
  const authorization = `ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=${signedHeaders},Signature=${expectedSignature}`;

  it("hashes the canonical request and signs as published", () => {
    expect(sha256Hex("")).toBe(headers["x-acs-content-sha256"]);
    const canonical = canonicalRequestV3({
      method: "POST",
      query,
      headers,
      signedHeaders: signedHeaders.split(";"),
      payloadHash: sha256Hex(Buffer.alloc(0)),
    });
    expect(sha256Hex(canonical)).toBe(
      "7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259",
    );
    expect(signV3(stringToSignV3(canonical), "YourAccessKeySecret")).toBe(
      expectedSignature,
    );
  });

  it("parses the published Authorization header", () => {
    expect(parseAuthorizationV3(authorization)).toEqual({
      algorithm: "ACS3-HMAC-SHA256",
      credential: "YourAccessKeyId",
      signedHeaders: signedHeaders.split(";"),
      signature: expectedSignature,
    });
    expect(parseAuthorizationV3("ACS3-HMAC-SHA256 Credential=x")).toBeNull();
  });

  it("is accepted end to end by the fake's verifier", () => {
    const { host, ...rest } = headers;
    const req: SandboxRequest = {
      method: "POST",
      path: "/",
      query,
      headers: { ...rest, authorization },
      body: Buffer.alloc(0),
      host,
    };
    const deps = {
      secretFor: (id: string) =>
        id === "YourAccessKeyId" ? "YourAccessKeySecret" : undefined,
      nonces: new NonceStore(),
    };
    const now = Date.parse("2023-10-26T10:25:00Z");
    expect(authenticate(req, collectParams(req), now, deps)).toEqual({
      accessKeyId: "YourAccessKeyId",
      action: "RunInstances",
      version: "2014-05-26",
    });
    const tampered = {
      ...req,
      query: new URLSearchParams({
        ...Object.fromEntries(query),
        RegionId: "cn-beijing",
      }),
    };
    expect(() =>
      authenticate(tampered, collectParams(tampered), now, deps),
    ).toThrow(/server string to sign/);
  });
});
