// VOD response envelopes (vod.md §6): success bodies carry no `Code`; errors are a non-2xx status
// with {RequestId, HostId, Code, Message, Recommend}. V1 callers that omit `Format` get XML, because
// the documented default is XML (§3), and an adapter that forgets `Format=JSON` must notice here.
import { createHash } from "node:crypto";
import type { SandboxResponse } from "../types";

export type ResponseFormat = "JSON" | "XML";

export const DEFAULT_HOST = "vod.cn-shanghai.aliyuncs.com";

/** The statuses of vod.md §4 and §6; where the doc is inconsistent, the comment says which we use. */
const STATUS: Record<string, number> = {
  MissingParameter: 400,
  InvalidParameter: 400,
  IncompleteSignature: 400,
  // §6 [inconsistent] 400 vs 403: we answer 400, the status on the signature page itself.
  SignatureDoesNotMatch: 400,
  "InvalidAccessKeyId.NotFound": 404,
  "InvalidTimeStamp.Expired": 400,
  "InvalidTimeStamp.Format": 400,
  SignatureNonceUsed: 400,
  InvalidVersion: 400,
  "InvalidAction.NotFound": 404,
  "Throttling.User": 400,
  "InvalidVideo.NotFound": 404,
  VideoIdsExceededMax: 400,
  VideoListExceededMax: 400,
  InternalError: 500,
  ServiceUnavailable: 503,
};

const MESSAGE: Record<string, string> = {
  IncompleteSignature:
    "The request signature does not conform to Aliyun standards.",
  "InvalidAccessKeyId.NotFound": "Specified access key is not found.",
  "InvalidTimeStamp.Expired": "Specified time stamp or date value is expired.",
  "InvalidTimeStamp.Format":
    "Specified time stamp or date value is not well formatted.",
  SignatureNonceUsed: "Specified signature nonce was used already.",
  InvalidVersion: "Specified parameter Version is not valid.",
  "InvalidAction.NotFound":
    "Specified api is not found, please check your url and method.",
  "Throttling.User": "Request was denied due to user flow control.",
  "InvalidVideo.NotFound": "The video does not exist.",
  VideoIdsExceededMax: "The number of IDs exceeds the maximum of 20.",
  VideoListExceededMax:
    "Only the first 5000 records can be listed; use SearchMedia with ScrollToken.",
  InternalError:
    "The request processing has failed due to some unknown error, exception or failure.",
  ServiceUnavailable:
    "The request has failed due to a temporary failure of the server.",
};

/** A provider error; thrown inside the fake and rendered once by `renderError`. */
export class VodFailure extends Error {
  readonly status: number;
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? MESSAGE[code] ?? code);
    this.status = STATUS[code] ?? 400;
  }
}

export const missingParameter = (name: string) =>
  new VodFailure(
    "MissingParameter",
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );

export const invalidParameter = (name: string, why = "") =>
  new VodFailure(
    "InvalidParameter",
    `The specified parameter "${name}" is not valid.${why}`,
  );

/** Uppercase UUID-shaped, like the doc's RequestIds, but derived from a counter for determinism. */
export function requestIdFor(n: number): string {
  const h = createHash("sha1")
    .update(`vod-request:${n}`)
    .digest("hex")
    .toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

function toXml(name: string, value: unknown): string {
  if (Array.isArray(value))
    return value.map((item) => toXml(name, item)).join("");
  if (value !== null && typeof value === "object") {
    const inner = Object.entries(value)
      .map(([k, v]) => toXml(k, v))
      .join("");
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function render(
  status: number,
  body: Record<string, unknown>,
  format: ResponseFormat,
  root: string,
): SandboxResponse {
  const requestId = typeof body.RequestId === "string" ? body.RequestId : "";
  if (format === "XML") {
    return {
      status,
      headers: {
        "content-type": "text/xml;charset=utf-8",
        "x-acs-request-id": requestId,
      },
      body: `<?xml version="1.0" encoding="UTF-8"?>${toXml(root, body)}`,
    };
  }
  return {
    status,
    headers: {
      "content-type": "application/json;charset=utf-8",
      "x-acs-request-id": requestId,
    },
    body: JSON.stringify(body),
  };
}

/** §6 error body, `Recommend` included as in the doc's sample. */
export function renderError(
  failure: VodFailure,
  requestId: string,
  hostId: string,
  format: ResponseFormat,
  status = failure.status,
): SandboxResponse {
  const body = {
    RequestId: requestId,
    HostId: hostId,
    Code: failure.code,
    Message: failure.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(failure.code)}&product=vod`,
  };
  return render(status, body, format, "Error");
}
