import "server-only";
import { httpRequest } from "../http";
import {
  formBody,
  signedRpcParams,
  type SignOverrides,
  type VodCredentials,
} from "./signing";
import { readResponse, type RpcResult } from "./wire";

// One signed RPC call to ApsaraVideo VOD (docs/providers/vod.md §3): POST to path `/` with every
// parameter, Signature included, in an application/x-www-form-urlencoded body. Each call is signed
// afresh (new nonce and Timestamp), so a retry after SignatureNonceUsed or InvalidTimeStamp.Expired
// is re-signed (§12).

export interface VodClient {
  /** The endpoint with a trailing `/` (§1: the request path is always `/`). */
  url: string;
  credentials: VodCredentials;
  timeoutMs: number;
}

/** `https://vod.<region>.aliyuncs.com` (§1) unless an endpoint is given; any path is kept. */
export function endpointUrl(region: string, endpoint?: string): string {
  const base = endpoint ?? `https://vod.${region}.aliyuncs.com`;
  return `${base.replace(/\/+$/, "")}/`;
}

/** Never throws for a provider or network failure: every outcome is an `RpcResult`. */
export async function callVod(
  client: VodClient,
  action: string,
  business: Record<string, string>,
  overrides?: SignOverrides,
): Promise<RpcResult> {
  const signed = signedRpcParams(
    "POST",
    action,
    business,
    client.credentials,
    overrides,
  );
  const response = await httpRequest(client.url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
    },
    body: formBody(signed),
    timeoutMs: client.timeoutMs,
  });
  if (!response.ok) {
    const { code, message, retryable } = response;
    return {
      ok: false,
      failure: { outcome: "failed", code, message, retryable },
    };
  }
  return readResponse(response.status, response.text, response.retryAfterMs);
}
