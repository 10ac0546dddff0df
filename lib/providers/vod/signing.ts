import "server-only";
import { randomUUID } from "node:crypto";
import OpenApiUtilModule from "@alicloud/openapi-util";

// ApsaraVideo VOD V1 request signing (docs/providers/vod.md §3, §9). The HMAC-SHA1 itself comes
// from Alibaba's maintained @alicloud/openapi-util (`getRPCSignature`), which reproduces the
// official vectors of §9.1 and §9.2 and our derived ones of §9.3 (see signing.test.ts); we only
// assemble the common parameters and encode the form body.

// CJS interop differs by loader: bundlers and vitest unwrap `exports.default`, plain Node ESM
// (tsx scripts) hands over `module.exports` itself.
type OpenApiUtil = typeof OpenApiUtilModule;
const openApiUtil: OpenApiUtil =
  "getRPCSignature" in OpenApiUtilModule
    ? OpenApiUtilModule
    : (OpenApiUtilModule as unknown as { default: OpenApiUtil }).default;

export const VOD_API_VERSION = "2017-03-21";

export interface VodCredentials {
  accessKeyId: string;
  accessKeySecret: string;
}

/** Fixed values for tests (official vectors, nonce replay, expired timestamps). */
export interface SignOverrides {
  now?: Date;
  nonce?: string;
}

/**
 * §9 step 3: RFC 3986 percent-encoding of UTF-8 bytes; space is `%20`, `*` is `%2A`, `~` stays.
 * Also what the form body uses, so the body is byte-for-byte the canonicalized string.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** §9 steps 2 and 4: names sorted by code point (case-sensitive), `name=value` joined by `&`. */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((name) => name !== "Signature")
    .sort()
    .map(
      (name) => `${percentEncode(name)}=${percentEncode(params[name] ?? "")}`,
    )
    .join("&");
}

/** §3: UTC `yyyy-MM-ddTHH:mm:ssZ`, no milliseconds (a fractional second is refused). */
export function rpcTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** §9 steps 5–6: Base64(HMAC-SHA1(secret + "&", StringToSign)), by openapi-util. */
export function signRpc(
  method: "GET" | "POST",
  params: Record<string, string>,
  accessKeySecret: string,
): string {
  const signed = Object.fromEntries(
    Object.entries(params).filter(([name]) => name !== "Signature"),
  );
  return openApiUtil.getRPCSignature(signed, method, accessKeySecret);
}

/**
 * Common parameters of §3 plus the business ones, signed. `Format=JSON` is always sent: the
 * documented default is XML (§3). Parameter names are case-sensitive (`Timestamp`, not
 * `TimeStamp`, §9.1 typo). `RegionId` is not sent: the endpoint selects the region (§3).
 */
export function signedRpcParams(
  method: "GET" | "POST",
  action: string,
  business: Record<string, string>,
  credentials: VodCredentials,
  overrides: SignOverrides = {},
): Record<string, string> {
  const params: Record<string, string> = {
    ...business,
    Action: action,
    Version: VOD_API_VERSION,
    Format: "JSON",
    AccessKeyId: credentials.accessKeyId,
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    // §3: unique per request; a replay inside the window is refused (SignatureNonceUsed).
    SignatureNonce: overrides.nonce ?? randomUUID(),
    Timestamp: rpcTimestamp(overrides.now ?? new Date()),
  };
  return {
    ...params,
    Signature: signRpc(method, params, credentials.accessKeySecret),
  };
}

/** §3 transport for POST: the signed set, Signature included, as a form body. */
export function formBody(signed: Record<string, string>): string {
  const signature = signed.Signature;
  const rest = canonicalQuery(signed);
  return signature === undefined
    ? rest
    : `${rest}&Signature=${percentEncode(signature)}`;
}
