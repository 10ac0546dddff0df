// The fake VOD's own signature arithmetic (vod.md §9 V1, §10 V3), written from the document with
// node:crypto only. It must never share code with lib/providers: if the adapter misreads the
// algorithm, the sandbox has to disagree with it.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** RFC 3986 encoding of vod.md §9 step 3: only `A-Z a-z 0-9 - _ . ~` stay literal. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Names sorted by code point (§9 step 2): names are case-sensitive, so no locale compare. */
function sortedPairs(params: Iterable<[string, string]>): [string, string][] {
  return [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** §9 steps 1, 2 and 4: every parameter except `Signature`, sorted and encoded. */
export function canonicalizeV1(params: Iterable<[string, string]>): string {
  return sortedPairs(params)
    .filter(([name]) => name !== "Signature")
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join("&");
}

/** §9 step 5: the method is part of what is signed, so a GET signature fails as a POST. */
export function stringToSignV1(
  method: string,
  params: Iterable<[string, string]>,
): string {
  return `${method.toUpperCase()}&${percentEncode("/")}&${percentEncode(canonicalizeV1(params))}`;
}

/** §9 step 6: the HMAC key is the secret followed by `&`. */
export function signV1(stringToSign: string, accessKeySecret: string): string {
  return createHmac("sha1", `${accessKeySecret}&`)
    .update(stringToSign, "utf8")
    .digest("base64");
}

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** §10 step 1: the V3 query uses the same encoding as V1, with no `Signature` to drop. */
export function canonicalQueryV3(query: Iterable<[string, string]>): string {
  return sortedPairs(query)
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join("&");
}

export interface CanonicalRequestV3Input {
  method: string;
  query: Iterable<[string, string]>;
  /** Lower-cased header names to their values, as the request carried them. */
  headers: Record<string, string>;
  /** The `SignedHeaders` list exactly as the client sent it (§10, "Server side"). */
  signedHeaders: string[];
  /** Hex SHA-256 of the body the server received. */
  payloadHash: string;
}

/** §10 steps 2-4. CanonicalHeaders ends with `\n`, hence the blank line before SignedHeaders. */
export function canonicalRequestV3(input: CanonicalRequestV3Input): string {
  const canonicalHeaders = input.signedHeaders
    .map((name) => `${name}:${(input.headers[name] ?? "").trim()}\n`)
    .join("");
  return [
    input.method.toUpperCase(),
    "/",
    canonicalQueryV3(input.query),
    canonicalHeaders,
    input.signedHeaders.join(";"),
    input.payloadHash,
  ].join("\n");
}

export const V3_ALGORITHM = "ACS3-HMAC-SHA256";

/** §10 step 5. */
export function stringToSignV3(canonicalRequest: string): string {
  return `${V3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

/** §10 step 6: lowercase hex, and unlike V1 the key has no `&` suffix. */
export function signV3(stringToSign: string, accessKeySecret: string): string {
  return createHmac("sha256", accessKeySecret)
    .update(stringToSign, "utf8")
    .digest("hex");
}

export interface AuthorizationV3 {
  algorithm: string;
  credential: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses `ACS3-HMAC-SHA256 Credential=..,SignedHeaders=a;b,Signature=..`; null if incomplete. */
export function parseAuthorizationV3(header: string): AuthorizationV3 | null {
  const match = /^(\S+)\s+(.*)$/.exec(header.trim());
  if (!match) return null;
  const fields = new Map<string, string>();
  for (const part of (match[2] ?? "").split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!credential || !signedHeaders || !signature) return null;
  return {
    algorithm: match[1] ?? "",
    credential,
    signedHeaders: signedHeaders.split(";").map((h) => h.trim().toLowerCase()),
    signature,
  };
}

/** Constant-time comparison so the fake does not teach timing side channels. */
export function sameSignature(expected: string, received: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(received, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
