import "server-only";
import { DEFAULT_TIMEOUT_MS, httpRequest } from "../http";
import { accountBudgets, accountTag, type RateGate } from "../rate-budget";
import { deleteOutcome, forEachId, lookupFromReply } from "./outcomes";
import {
  buildImagineUrl,
  classifyImagine,
  IMAGINE_ID_FORMAT,
  IMAGINE_ID_PATTERN,
  IMAGINE_INTEGER_ID,
} from "./wire";
import type { LookupResult, OutcomeResult, ProviderAdapter } from "../types";

// Imagine.art (Vyro) video API: one video per call, no list (docs/providers/imagine.md).

export interface ImagineAdapterConfig {
  /** Host root, e.g. `https://api.vyro.ai` (a base ending in `/v2`, as §1 writes it, works too). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>` (§2). */
  apiKey: string;
  /** §3 [conflict]: the guide's curl uses DELETE, its text says POST. Default DELETE. */
  deleteMethod?: "DELETE" | "POST";
  /** Path template with `{id}`; default the only documented one, `/v2/video/delete/{id}` (§1). */
  deletePath?: string;
  /** Status template for integer IDs; default the current `/v2/video/{id}/status` (§4). */
  statusPath?: string;
  /** §6: undocumented; third parties report 50 a minute. */
  rateLimitPerMinute?: number;
  timeoutMs?: number;
  /** Awaited before every request with the key's budget (the registry passes the shared one). */
  gate?: RateGate;
}

export const IMAGINE_DEFAULT_DELETE_PATH = "/v2/video/delete/{id}";
export const IMAGINE_DEFAULT_STATUS_PATH = "/v2/video/{id}/status";
/** §4: UUIDs belong to the deprecated generation, so they are looked up on its path. */
const DEPRECATED_STATUS_PATH = "/v2/video/status/{id}";
const DEFAULT_RATE_PER_MINUTE = 50;
const PROVIDER = "Imagine.art";

function checkTemplate(name: string, template: string): string {
  if (!template.includes("{id}"))
    throw new Error(`Imagine.art ${name} must contain {id}: ${template}`);
  return template;
}

/**
 * Imagine.art adapter. Deletes one ID per request, in sequence. §6: one limit per key for every
 * request (about 50 a minute), so delete, status look-up and health check share one budget.
 * On a 405 it switches DELETE↔POST once and keeps the method that worked (§8). A 400/1100 on
 * delete is confirmed with a status look-up: not found there ⇒ `not_found` (§8).
 */
export function createImagineAdapter(
  config: ImagineAdapterConfig,
): ProviderAdapter {
  const deletePath = checkTemplate(
    "deletePath",
    config.deletePath ?? IMAGINE_DEFAULT_DELETE_PATH,
  );
  const statusPath = checkTemplate(
    "statusPath",
    config.statusPath ?? IMAGINE_DEFAULT_STATUS_PATH,
  );
  const perMinute = config.rateLimitPerMinute ?? DEFAULT_RATE_PER_MINUTE;
  if (!Number.isInteger(perMinute) || perMinute < 1) {
    throw new Error(
      `Imagine.art rateLimitPerMinute must be a positive integer: ${perMinute}`,
    );
  }
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers = {
    authorization: `Bearer ${config.apiKey}`,
    accept: "application/json",
  };
  let deleteMethod: "DELETE" | "POST" = config.deleteMethod ?? "DELETE";
  const perKey = { endpoint: "all", requests: perMinute, perMs: 60_000 };
  const rateBudgets = accountBudgets(
    "imagine",
    accountTag(config.baseUrl.replace(/\/+$/, ""), config.apiKey),
    { delete: perKey, lookup: perKey, list: perKey },
  );

  const send = async (method: string, template: string, id: string) => {
    await config.gate?.(
      template === deletePath ? rateBudgets.delete : rateBudgets.lookup,
    );
    return classifyImagine(
      await httpRequest(buildImagineUrl(config.baseUrl, template, id), {
        method,
        headers,
        timeoutMs,
      }),
    );
  };

  const lookupOne = async (id: string) =>
    lookupFromReply(
      await send(
        "GET",
        IMAGINE_INTEGER_ID.test(id) ? statusPath : DEPRECATED_STATUS_PATH,
        id,
      ),
    );

  async function deleteOne(id: string): Promise<OutcomeResult> {
    let reply = await send(deleteMethod, deletePath, id);
    if (reply.kind === "method_not_allowed") {
      const other = deleteMethod === "DELETE" ? "POST" : "DELETE";
      reply = await send(other, deletePath, id);
      if (reply.answered && reply.kind !== "method_not_allowed")
        deleteMethod = other;
    }
    if (reply.kind !== "invalid") return deleteOutcome(reply);
    const confirm = await lookupOne(id);
    const said = { code: reply.code, message: reply.message };
    if (confirm.state === "not_found")
      return { outcome: "not_found", ...said, retryable: false };
    if (confirm.state === "failed") {
      return {
        outcome: "failed",
        ...said,
        message: `${reply.message} (look-up to confirm failed: ${confirm.message})`,
        retryable: true,
      };
    }
    return { outcome: "failed", ...said, retryable: false };
  }

  const invalidMessage = (id: string) => `"${id}" is not ${IMAGINE_ID_FORMAT}`;

  return {
    id: "imagine",
    label: PROVIDER,
    idPattern: IMAGINE_ID_PATTERN,
    idFormat: IMAGINE_ID_FORMAT,
    maxBatch: 1,
    answersPerId: true,
    rateLimit: { requests: perMinute, perMs: 60_000 },
    rateBudgets,
    statuses: [],
    lookup: (ids) =>
      forEachId<LookupResult>(
        ids,
        (id) => ({
          state: "failed",
          code: "invalid_id",
          message: invalidMessage(id),
          retryable: false,
        }),
        lookupOne,
      ),
    delete: (ids) =>
      forEachId<OutcomeResult>(
        ids,
        (id) => ({
          outcome: "failed",
          code: "invalid_id",
          message: invalidMessage(id),
          retryable: false,
        }),
        deleteOne,
      ),
    async healthCheck() {
      // No cheap authenticated endpoint is documented: a status look-up of ID 0 is checked for auth
      // only; any answer about the video itself means the key was accepted.
      const reply = await send("GET", statusPath, "0");
      if (
        reply.kind === "auth" ||
        reply.kind === "throttled" ||
        reply.kind === "failed" ||
        reply.kind === "method_not_allowed"
      ) {
        return { ok: false, message: reply.message };
      }
      return { ok: true, message: "credentials accepted" };
    },
  };
}
