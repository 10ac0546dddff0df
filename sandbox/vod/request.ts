// Reading a fake VOD request: where its parameters are (vod.md §3 "Transport"), what it calls,
// which region it addresses (§1), and which nonces were used (§3).
import type { CallInfo, SandboxRequest } from "../types";
import { idsNamed } from "./actions";
import { invalidParameter, VodFailure, type ResponseFormat } from "./errors";

/** §3 names a replay "window" without a length [unknown]: we remember nonces for the 15 minutes
 *  a Timestamp stays acceptable, since anything older is refused as expired anyway. */
export const NONCE_WINDOW_MS = 15 * 60 * 1000;

export interface CollectedParams {
  params: Map<string, string>;
  isV3: boolean;
  format: ResponseFormat;
  /** Set when `Format` is neither JSON nor XML; answered once the caller can render. */
  formatError?: VodFailure;
}

export const headerValue = (
  v: string | string[] | undefined,
): string | undefined => (Array.isArray(v) ? v.join(",") : v);

/** §3: the server verifies over the union of query and form body; the body wins on a clash. */
export function collectParams(req: SandboxRequest): CollectedParams {
  const params = new Map<string, string>(req.query);
  const contentType = headerValue(req.headers["content-type"]) ?? "";
  if (
    req.method.toUpperCase() === "POST" &&
    contentType.includes("application/x-www-form-urlencoded")
  ) {
    for (const [k, v] of new URLSearchParams(req.body.toString("utf8")))
      params.set(k, v);
  }
  const isV3 = (headerValue(req.headers.authorization) ?? "")
    .trim()
    .startsWith("ACS3-");
  const requested = params.get("Format")?.toUpperCase();
  // §3: the default is XML for V1; V3 answers JSON unless asked otherwise (our reading).
  // §11: openapi-client sends `Format=json`, so the comparison ignores case.
  if (requested === "JSON" || requested === "XML")
    return { params, isV3, format: requested };
  if (requested === undefined)
    return { params, isV3, format: isV3 ? "JSON" : "XML" };
  return {
    params,
    isV3,
    format: "JSON",
    formatError: invalidParameter("Format"),
  };
}

/** Remembers (AccessKeyId, nonce) pairs for NONCE_WINDOW_MS to refuse replays (§3). */
export class NonceStore {
  private readonly seen = new Map<string, number>();

  /** Records the nonce; false if it was already used inside the window. */
  use(accessKeyId: string, nonce: string, now: number): boolean {
    for (const [key, expires] of this.seen) {
      if (expires > now) break;
      this.seen.delete(key);
    }
    const key = `${accessKeyId}\n${nonce}`;
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > now) return false;
    this.seen.delete(key);
    this.seen.set(key, now + NONCE_WINDOW_MS);
    return true;
  }

  clear(): void {
    this.seen.clear();
  }
}

/** §1: `vod.<region>.aliyuncs.com` (or `vod-vpc.`); anything else, such as 127.0.0.1, is Shanghai. */
export function regionOf(host: string): string {
  return (
    /^vod(?:-vpc)?\.([a-z0-9-]+)\.aliyuncs\.com(?::\d+)?$/.exec(host)?.[1] ??
    "cn-shanghai"
  );
}

/** Operation and video IDs of a request, without touching state (also used for faulted calls). */
export function describeVod(req: SandboxRequest): CallInfo | null {
  if (req.path !== "/" && req.path !== "") return null; // §1: the path is always `/`
  const { params, isV3 } = collectParams(req);
  const header = req.headers["x-acs-action"];
  const action =
    isV3 && typeof header === "string" ? header : params.get("Action");
  return { operation: action || "unknown", ids: idsNamed(params) };
}
