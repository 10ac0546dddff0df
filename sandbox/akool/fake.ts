// Fake AKOOL image2Video API (v4), after docs/providers/akool.md.
//
// Readings taken where the document says [unknown] or [inferred] (each switchable through
// `PUT /__sandbox/limits {provider:"akool", ...}` where noted):
// - §3 batch cap: undocumented. Default cap 100 IDs per delbyids and per resultsByIds (above the
//   doc's suggested 20–50 chunks, so a sane adapter never meets it); over-cap requests fail as a
//   whole with code 1003 (parameter error), nothing deleted. `batchCap: 0` removes the cap (§3:
//   "accept any count but allow configuring a cap").
// - §3 unknown IDs, already-deleted IDs: listed in `noPermissionItems` with msg "video resource
//   does not exist" (§3: noPermissionItems holds *all* failures). `missingIdMode: "omit"` leaves
//   them out of both arrays instead (§9).
// - §3 another account's video: `noPermissionItems` with "no permission to operate this video
//   resource" (`foreignIdMode: "omit"` as above). resultsByIds never returns it (§4, §9).
// - §3 invalid ID (not 24 hex), an empty segment or a space around a comma: the whole call fails
//   with 1003, as a Mongo-backed `$in` query would. Upper-case hex is accepted and answered in lower
//   case (§7). Duplicates are answered once. A call where nothing is deletable is still code 1000.
// - §7 status 1 (queueing) is deletable; only status 2 is refused with the processing message
//   (`blockedStatuses` changes that).
// - §2 `Authorization: Bearer <API key>` without the token exchange: refused with 1101
//   (`bearerAcceptsApiKey: true` accepts it). `x-api-key` accepts the API key and also the
//   clientSecret, since §2 says the API key is the value formerly called clientSecret.
// - §2 token lifetime: "more than a year" → 366 days (`tokenTtlMs`). getToken errors: 1003 for
//   missing fields, 1101 for wrong ones.
// - §5 error envelope: `{code, msg}` with no `data`, HTTP 200. §6 rate limit: none is documented
//   and no code exists for it, so the fake has none; throttling comes only from injected faults,
//   answered like a proxy would (HTTP 429, HTML body), as are 5xx (§5: "gateway 5xx").
// - §4 resultsByIds returns records in creation order, not request order.
import {
  akoolCredentialsFromEnv,
  answerGetToken,
  authenticateAkool,
} from "./auth";
import { failure, gatewayPage, jsonObject, reply } from "./http";
import {
  akoolLimitsSchema,
  DEFAULT_AKOOL_LIMITS,
  type AkoolLimits,
} from "./limits";
import {
  addAkoolVideos,
  akoolVideoState,
  createAkoolWorld,
  missingAkoolIds,
  renderAkoolResult,
  type AkoolWorld,
} from "./store";
import { limitsControl } from "../patch-limits";
import type {
  CallInfo,
  FaultKind,
  ProviderSandbox,
  Rng,
  SandboxRequest,
  SandboxResponse,
} from "../types";

const ROUTES: Record<string, "token" | "delete" | "lookup"> = {
  "/api/open/v3/getToken": "token",
  "/api/open/v4/image2Video/delbyids": "delete",
  "/api/open/v4/image2Video/resultsByIds": "lookup",
};
const OBJECT_ID = /^[0-9a-fA-F]{24}$/;
const PROCESSING_MSG = "video resource is processing, please try again later";

/** The `_ids` segments exactly as sent, or null when `_ids` is absent, not a string or empty. */
function rawIds(body: Buffer): string[] | null {
  const ids = jsonObject(body)?._ids;
  return typeof ids === "string" && ids !== "" ? ids.split(",") : null;
}

/** Fake of AKOOL; credentials come from SANDBOX_AKOOL_* (see akoolCredentialsFromEnv). */
export function createAkoolSandbox(rng: Rng): ProviderSandbox {
  const credentials = akoolCredentialsFromEnv();
  let limits: AkoolLimits = { ...DEFAULT_AKOOL_LIMITS };
  let world: AkoolWorld = createAkoolWorld(0);

  /** Validated, lower-cased, de-duplicated IDs, or the whole-call 1003 answer. */
  function parseIds(req: SandboxRequest): string[] | SandboxResponse {
    const ids = rawIds(req.body);
    if (!ids) return failure(1003, "parameter error: _ids is required");
    const invalid = ids.find((id) => !OBJECT_ID.test(id));
    if (invalid !== undefined)
      return failure(1003, `parameter error: invalid _id "${invalid}"`);
    if (limits.batchCap > 0 && ids.length > limits.batchCap) {
      return failure(
        1003,
        `parameter error: at most ${limits.batchCap} _ids per request`,
      );
    }
    return [...new Set(ids.map((id) => id.toLowerCase()))];
  }

  function deleteVideos(ids: string[], now: number): SandboxResponse {
    const successIds: string[] = [];
    const noPermissionItems: { _id: string; msg: string }[] = [];
    for (const id of ids) {
      const video = world.byId.get(id);
      if (!video || video.deleted) {
        if (limits.missingIdMode === "no_permission") {
          noPermissionItems.push({ _id: id, msg: limits.missingIdMsg });
        }
      } else if (video.owner !== "console") {
        if (limits.foreignIdMode === "no_permission") {
          noPermissionItems.push({ _id: id, msg: limits.foreignIdMsg });
        }
      } else if (limits.blockedStatuses.includes(video.status)) {
        // §3: a processing video is refused with the "try again later" reason.
        noPermissionItems.push({ _id: id, msg: PROCESSING_MSG });
      } else {
        video.deleted = true;
        video.updateTime = now;
        successIds.push(id);
      }
    }
    return reply({
      code: 1000,
      msg: "Delete successfully",
      data: { successIds, noPermissionItems },
    });
  }

  function lookUp(ids: string[]): SandboxResponse {
    const wanted = new Set(ids);
    const result = world.videos
      .filter((v) => wanted.has(v.id) && !v.deleted && v.owner === "console")
      .map(renderAkoolResult);
    return reply({ code: 1000, msg: "OK", data: { result } });
  }

  function describe(req: SandboxRequest): CallInfo | null {
    const operation =
      req.method.toUpperCase() === "POST" ? ROUTES[req.path] : undefined;
    if (!operation) return null;
    return {
      operation,
      ids: operation === "token" ? [] : (rawIds(req.body) ?? []),
    };
  }

  function answer(
    req: SandboxRequest,
    operation: string,
    now: number,
  ): SandboxResponse {
    if (operation === "token")
      return answerGetToken(req, credentials, limits, now);
    const denied = authenticateAkool(req, credentials, limits, now);
    if (denied) return denied;
    if (limits.banned) return failure(1200, "account is banned");
    const ids = parseIds(req);
    if (!Array.isArray(ids)) return ids;
    return operation === "delete" ? deleteVideos(ids, now) : lookUp(ids);
  }

  function faultResponse(kind: FaultKind): SandboxResponse {
    if (kind === "throttle") return gatewayPage(429, "Too Many Requests");
    if (kind === "server_error") return gatewayPage(502, "Bad Gateway");
    if (kind === "auth") return failure(1101, "invalid authorization");
    // Cut off mid-body, as a dropped upstream connection leaves it.
    return {
      ...reply({}),
      body: '{"code":1000,"msg":"Delete successfully","data":{"successIds":["68',
    };
  }

  return {
    name: "akool",
    handle(req, now) {
      const call = describe(req);
      return call ? { ...answer(req, call.operation, now), call } : null;
    },
    faultResponse,
    reset(seed, count) {
      world = createAkoolWorld(seed);
      addAkoolVideos(world, rng, count);
    },
    seed: (count) => addAkoolVideos(world, rng, count).map((v) => v.id),
    videos: () => world.videos.map(akoolVideoState),
    missingIds: (count) => missingAkoolIds(world, count),
    describe,
    credentials: () => ({ ...credentials }),
    ...limitsControl(
      akoolLimitsSchema,
      () => limits,
      (next) => (limits = next),
    ),
  };
}
