// Test-only VOD client for vod*.test.ts. It signs on its own (vod.md §9 and §10, written again
// here rather than imported from signing.ts) so a bug in the fake's verifier cannot hide
// behind the same bug in the signer.
import { createHash, createHmac } from "node:crypto";
import { expect } from "vitest";
import { mulberry32 } from "../rng";
import type {
  HandledResponse,
  ProviderSandbox,
  SandboxRequest,
  VideoState,
} from "../types";

export { mulberry32 };

export const KEY_ID = "LTAI5tSandboxVodKey";
export const SECRET = "sandbox-vod-secret";
export const HOST = "127.0.0.1:4010";
export const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

const enc = (s: string) =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase(),
  );
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19) + "Z";
const join = (o: Record<string, string>) =>
  Object.keys(o)
    .sort()
    .map((k) => `${enc(k)}=${enc(o[k] ?? "")}`)
    .join("&");

let nonceCounter = 0;
export const freshNonce = () =>
  `nonce-${(nonceCounter += 1).toString(16).padStart(8, "0")}`;

export interface SignOptions {
  keyId?: string;
  secret?: string;
  nonce?: string;
  timestamp?: string;
  now?: number;
  /** null leaves `Format` out (the documented default is then XML). */
  format?: string | null;
  version?: string;
}

export function signedParams(
  method: string,
  action: string,
  business: Record<string, string>,
  o: SignOptions = {},
) {
  const params: Record<string, string> = {
    Action: action,
    Version: o.version ?? "2017-03-21",
    AccessKeyId: o.keyId ?? KEY_ID,
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    SignatureNonce: o.nonce ?? freshNonce(),
    Timestamp: o.timestamp ?? stamp(o.now ?? NOW),
    ...business,
  };
  if (o.format !== null) params.Format = o.format ?? "JSON";
  const stringToSign = `${method}&%2F&${enc(join(params))}`;
  params.Signature = createHmac("sha1", `${o.secret ?? SECRET}&`)
    .update(stringToSign)
    .digest("base64");
  return params;
}

export type Placement = "get" | "post-form" | "post-query";

/** V1 request with every parameter in the GET query, a POST form body, or a POST query string. */
export function v1Request(
  placement: Placement,
  action: string,
  business: Record<string, string> = {},
  o: SignOptions = {},
): SandboxRequest {
  const method = placement === "get" ? "GET" : "POST";
  const encoded = Object.entries(signedParams(method, action, business, o))
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .join("&");
  if (placement === "post-form") {
    return {
      method,
      path: "/",
      query: new URLSearchParams(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: Buffer.from(encoded),
      host: HOST,
    };
  }
  return {
    method,
    path: "/",
    query: new URLSearchParams(encoded),
    headers: {},
    body: Buffer.alloc(0),
    host: HOST,
  };
}

/** V3 (ACS3-HMAC-SHA256) POST with business parameters in the query, or in a form body. */
export function v3Request(
  action: string,
  business: Record<string, string> = {},
  o: SignOptions & { form?: boolean } = {},
): SandboxRequest {
  const query = o.form ? {} : business;
  const body = o.form ? join(business) : "";
  const headers: Record<string, string> = {
    host: HOST,
    "x-acs-action": action,
    "x-acs-version": o.version ?? "2017-03-21",
    "x-acs-date": o.timestamp ?? stamp(o.now ?? NOW),
    "x-acs-signature-nonce": o.nonce ?? freshNonce(),
    "x-acs-content-sha256": sha256(body),
  };
  if (o.form) headers["content-type"] = "application/x-www-form-urlencoded";
  const names = Object.keys(headers).sort();
  const canonical = [
    "POST",
    "/",
    join(query),
    names.map((n) => `${n}:${headers[n]}\n`).join(""),
    names.join(";"),
    sha256(body),
  ].join("\n");
  const signature = createHmac("sha256", o.secret ?? SECRET)
    .update(`ACS3-HMAC-SHA256\n${sha256(canonical)}`)
    .digest("hex");
  const { host, ...rest } = headers;
  return {
    method: "POST",
    path: "/",
    query: new URLSearchParams(query),
    headers: {
      ...rest,
      authorization: `ACS3-HMAC-SHA256 Credential=${o.keyId ?? KEY_ID},SignedHeaders=${names.join(";")},Signature=${signature}`,
    },
    body: Buffer.from(body),
    host: host ?? HOST,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are asserted by value
export type Body = Record<string, any>;

export function send(
  sb: ProviderSandbox,
  req: SandboxRequest,
  now = NOW,
): HandledResponse & { json: Body } {
  const res = sb.handle(req, now);
  if (res === null)
    throw new Error("the VOD sandbox did not serve the request");
  return {
    ...res,
    json: res.body.startsWith("{") ? (JSON.parse(res.body) as Body) : {},
  };
}

/** Signed GET with Format=JSON: the common case. */
export const api = (
  sb: ProviderSandbox,
  action: string,
  business: Record<string, string> = {},
  now = NOW,
) => send(sb, v1Request("get", action, business, { now }), now);

/** IDs of the first `n` live videos of `sb` that match `where`; fails the test when there are fewer. */
export function liveIds(
  sb: ProviderSandbox,
  where: (video: VideoState) => boolean,
  n = 1,
): string[] {
  const found = sb
    .videos()
    .filter((video) => !video.deleted && where(video))
    .slice(0, n);
  expect(found).toHaveLength(n);
  return found.map((video) => video.id);
}

/** Live videos of the console's own account. */
export const ownIds = (sb: ProviderSandbox, n = 1) =>
  liveIds(sb, (video) => video.owner === "console", n);
/** Live videos of another account. */
export const foreignIds = (sb: ProviderSandbox, n = 1) =>
  liveIds(sb, (video) => video.owner === "other", n);

export const stateOf = (sb: ProviderSandbox, id: string) =>
  sb.videos().find((video) => video.id === id);
