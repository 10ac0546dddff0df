import "server-only";
import { httpRequest } from "../http";
import type { RateBudgets, RateFamily, RateGate } from "../rate-budget";
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
  /** The VOD application this console deletes in; look-ups call other apps' videos not ours. */
  appId: string;
  /** When set, every call first awaits the gate with its Action's budget (../rate-budget.ts). */
  rate?: { gate: RateGate; budgets: RateBudgets };
}

/** §8: each Action has its own QPS; the budget family each Action the adapter sends draws on. */
const ACTION_FAMILY: Record<string, RateFamily> = {
  DeleteVideo: "delete",
  GetVideoInfos: "lookup",
  SearchMedia: "list",
};

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
  // Waited for before signing: the Timestamp and nonce then belong to the moment of sending.
  if (client.rate)
    await client.rate.gate(
      client.rate.budgets[ACTION_FAMILY[action] ?? "lookup"],
    );
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
