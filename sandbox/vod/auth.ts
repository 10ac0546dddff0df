// Request authentication for the fake VOD: V1 (vod.md §9) and V3 (§10) signatures, the Timestamp
// window and nonce replay (§3).
import type { SandboxRequest } from "../types";
import { invalidParameter, missingParameter, VodFailure } from "./errors";
import { headerValue, type CollectedParams, type NonceStore } from "./request";
import {
  canonicalRequestV3,
  parseAuthorizationV3,
  sameSignature,
  sha256Hex,
  signV1,
  signV3,
  stringToSignV1,
  stringToSignV3,
  V3_ALGORITHM,
} from "./signing";

/** §3 / §8: Timestamp (and, by our reading, x-acs-date) must be within 15 minutes of server time. */
export const TIMESTAMP_SKEW_MS = 15 * 60 * 1000;

export interface Authenticated {
  accessKeyId: string;
  action: string;
  version: string;
}

export interface AuthDeps {
  secretFor(accessKeyId: string): string | undefined;
  nonces: NonceStore;
}

/** §3: `yyyy-MM-ddTHH:mm:ssZ` exactly (no milliseconds), within the skew of `now`. */
function checkTimestamp(value: string, now: number): void {
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value)
    ? Date.parse(value)
    : NaN;
  if (Number.isNaN(at)) throw new VodFailure("InvalidTimeStamp.Format");
  if (Math.abs(at - now) > TIMESTAMP_SKEW_MS)
    throw new VodFailure("InvalidTimeStamp.Expired");
}

function secretOrThrow(deps: AuthDeps, accessKeyId: string): string {
  const secret = deps.secretFor(accessKeyId);
  if (secret === undefined) throw new VodFailure("InvalidAccessKeyId.NotFound");
  return secret;
}

const V1_REQUIRED = [
  "AccessKeyId",
  "Action",
  "Version",
  "SignatureMethod",
  "SignatureVersion",
  "SignatureNonce",
  "Timestamp",
];

/** §9: the signed set is every query and form parameter; the method is the request's own. */
function authenticateV1(
  req: SandboxRequest,
  params: Map<string, string>,
  now: number,
  deps: AuthDeps,
): Authenticated {
  const signature = params.get("Signature");
  if (!signature) throw new VodFailure("IncompleteSignature");
  for (const name of V1_REQUIRED)
    if (!params.get(name)) throw missingParameter(name);
  const get = (name: string) => params.get(name) ?? "";
  if (get("SignatureMethod") !== "HMAC-SHA1")
    throw invalidParameter("SignatureMethod");
  if (get("SignatureVersion") !== "1.0")
    throw invalidParameter("SignatureVersion");
  checkTimestamp(get("Timestamp"), now);
  const secret = secretOrThrow(deps, get("AccessKeyId"));
  const stringToSign = stringToSignV1(req.method, params);
  if (!sameSignature(signV1(stringToSign, secret), signature)) {
    // §9: like the real service, the message carries the server's StringToSign.
    throw new VodFailure(
      "SignatureDoesNotMatch",
      `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
    );
  }
  if (!deps.nonces.use(get("AccessKeyId"), get("SignatureNonce"), now))
    throw new VodFailure("SignatureNonceUsed");
  return {
    accessKeyId: get("AccessKeyId"),
    action: get("Action"),
    version: get("Version"),
  };
}

const V3_REQUIRED = [
  "x-acs-action",
  "x-acs-version",
  "x-acs-date",
  "x-acs-signature-nonce",
];

/** §10: canonical request rebuilt from the SignedHeaders list as sent; `host` from the core. */
function authenticateV3(
  req: SandboxRequest,
  now: number,
  deps: AuthDeps,
): Authenticated {
  const auth = parseAuthorizationV3(
    headerValue(req.headers.authorization) ?? "",
  );
  if (!auth) throw new VodFailure("IncompleteSignature");
  if (auth.algorithm !== V3_ALGORITHM) {
    throw new VodFailure(
      "IncompleteSignature",
      `Unsupported signature algorithm ${auth.algorithm}.`,
    );
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    const v = headerValue(value);
    if (v !== undefined) headers[name.toLowerCase()] = v;
  }
  headers.host = req.host;
  for (const name of V3_REQUIRED)
    if (!headers[name]) throw missingParameter(name);
  // §10 step 2 has the client sign host and every x-acs-* header; one left unsigned could be
  // rewritten (a replayed request with a fresh nonce), so we refuse it.
  const mustSign = [
    "host",
    ...Object.keys(headers).filter((h) => h.startsWith("x-acs-")),
  ];
  const unsigned = mustSign.filter((h) => !auth.signedHeaders.includes(h));
  if (unsigned.length > 0) {
    throw new VodFailure(
      "IncompleteSignature",
      `Headers not signed: ${unsigned.join(";")}.`,
    );
  }
  checkTimestamp(headers["x-acs-date"] ?? "", now);
  const secret = secretOrThrow(deps, auth.credential);
  const payloadHash = sha256Hex(req.body);
  const declared = headers["x-acs-content-sha256"];
  if (declared !== undefined && declared.toLowerCase() !== payloadHash) {
    throw new VodFailure(
      "SignatureDoesNotMatch",
      "x-acs-content-sha256 does not match the request body.",
    );
  }
  const canonical = canonicalRequestV3({
    method: req.method,
    query: req.query,
    headers,
    signedHeaders: auth.signedHeaders,
    payloadHash,
  });
  const stringToSign = stringToSignV3(canonical);
  if (
    !sameSignature(signV3(stringToSign, secret), auth.signature.toLowerCase())
  ) {
    throw new VodFailure(
      "SignatureDoesNotMatch",
      `The request signature does not conform to Aliyun standards. server string to sign is:${stringToSign}`,
    );
  }
  if (
    !deps.nonces.use(
      auth.credential,
      headers["x-acs-signature-nonce"] ?? "",
      now,
    )
  ) {
    throw new VodFailure("SignatureNonceUsed");
  }
  return {
    accessKeyId: auth.credential,
    action: headers["x-acs-action"] ?? "",
    version: headers["x-acs-version"] ?? "",
  };
}

/** Throws a VodFailure in the provider's wording, or names the caller and the API it called. */
export function authenticate(
  req: SandboxRequest,
  collected: CollectedParams,
  now: number,
  deps: AuthDeps,
): Authenticated {
  return collected.isV3
    ? authenticateV3(req, now, deps)
    : authenticateV1(req, collected.params, now, deps);
}
