// Fake Imagine.art (Vyro) video API, after docs/providers/imagine.md. Paths are relative to the
// real base `https://api.vyro.ai`, so adapters use `${sandboxUrl}/imagine/v2` as their base.
//
// Readings taken where the document says [unknown] or [conflict] (switchable through
// `PUT /__sandbox/limits {provider:"imagine", ...}` where noted):
// - §1/§3 delete path and method: `DELETE` and `POST` on the guide's `/v2/video/delete/{id}`
//   (`deleteMethods` narrows it, to test an adapter's 405 fallback) and `DELETE` on the inferred
//   current `/v2/video/{id}`; a wrong method on a served path gets 405 with an `allow` header.
// - §3 success: HTTP 200 `{"message":"video deleted","status":"success"}` on both delete paths.
// - §3 unknown or already-deleted ID: 404 with the error envelope (`unknownIdStatus: 400` gives
//   400/1100). No not-found code is documented, so every envelope the fake invents uses 1100.
// - §3 another account's video: answered like an unknown ID (404), so that existence is not
//   revealed (`foreignId: "forbidden"` answers 403). Status look-ups treat it the same way.
// - §3 pending/processing videos: deletable, since no restriction is documented
//   (`inProgressDelete: "conflict"` answers 409).
// - §7 IDs: every endpoint takes the integer ID or the UUID of the same video; anything else is
//   400/1100. §4 `video.code` is opaque: 0 pending, 1 processing, 2 finished, 3 failed.
// - §4 `/v2/assets/{id}/status`: GET, and POST too (one page says POST).
// - §2 a missing header or one without a Bearer token: 400/1000; an unknown key: 401/1001.
//   A second key (SANDBOX_IMAGINE_OTHER_API_KEY) owns the `other` videos.
// - §6 rate limit: per key, sliding 60 s window, default 50 (SANDBOX_IMAGINE_RATE_PER_MIN,
//   `ratePerMin`; 0 disables); 429/1202 with the third-party-reported `x-ratelimit-limit` header.
//   Checked after auth; rejected requests do not count.
// - Injected faults: 5xx is 503/1200 and throttle is 429/1202, both documented in §5.
import {
  allowedMethods,
  authenticateImagine,
  envelope,
  imagineCredentialsFromEnv,
  INTEGER_ID,
  json,
  matchRoute,
  UUID,
  type RouteKind,
} from "./http";
import {
  imagineLimitsFromEnv,
  imagineLimitsSchema,
  type ImagineLimits,
} from "./limits";
import {
  addImagineVideos,
  createImagineWorld,
  imagineVideoState,
  missingImagineIds,
  renderAssetStatus,
  renderCurrentStatus,
  renderDeprecatedStatus,
  type ImagineOwner,
  type ImagineVideo,
  type ImagineWorld,
} from "./store";
import { limitsControl } from "../patch-limits";
import { createSlidingWindow } from "../sliding-window";
import type {
  CallInfo,
  FaultKind,
  ProviderSandbox,
  Rng,
  SandboxRequest,
  SandboxResponse,
} from "../types";

const RENDER = {
  status: renderCurrentStatus,
  "status-deprecated": renderDeprecatedStatus,
  "status-asset": renderAssetStatus,
} as const;

/** Fake of Imagine.art; keys come from SANDBOX_IMAGINE_* (see imagineCredentialsFromEnv). */
export function createImagineSandbox(rng: Rng): ProviderSandbox {
  const credentials = imagineCredentialsFromEnv();
  let limits: ImagineLimits = imagineLimitsFromEnv();
  let world: ImagineWorld = createImagineWorld(0);
  const rateWindow = createSlidingWindow(60_000);

  function find(id: string): ImagineVideo | undefined {
    if (INTEGER_ID.test(id)) return world.byId.get(BigInt(id).toString());
    return world.byUuid.get(id.toLowerCase());
  }

  function act(
    kind: RouteKind,
    id: string,
    owner: ImagineOwner,
    headers: Record<string, string>,
  ) {
    if (!INTEGER_ID.test(id) && !UUID.test(id)) {
      return envelope(
        400,
        1100,
        "BadRequest",
        `Invalid video id "${id}".`,
        headers,
      );
    }
    const video = find(id);
    const hidden =
      video && video.owner !== owner && limits.foreignId === "hidden";
    if (!video || video.deleted || hidden) {
      return limits.unknownIdStatus === 404
        ? envelope(404, 1100, "NotFound", "Video not found.", headers)
        : envelope(
            400,
            1100,
            "BadRequest",
            "Invalid request: video not found.",
            headers,
          );
    }
    if (video.owner !== owner) {
      return envelope(
        403,
        1100,
        "Forbidden",
        "You do not have access to this video.",
        headers,
      );
    }
    if (kind !== "delete" && kind !== "delete-legacy")
      return json(200, RENDER[kind](video), headers);
    const inProgress =
      video.status === "pending" || video.status === "processing";
    if (inProgress && limits.inProgressDelete === "conflict") {
      return envelope(
        409,
        1100,
        "Conflict",
        "Video is still processing, try again later.",
        headers,
      );
    }
    video.deleted = true;
    return json(200, { message: "video deleted", status: "success" }, headers);
  }

  function answer(
    req: SandboxRequest,
    kind: RouteKind,
    id: string,
    now: number,
    call: CallInfo,
  ): SandboxResponse {
    const allowed = allowedMethods(kind, limits);
    if (!allowed.includes(req.method.toUpperCase())) {
      const message = `Method ${req.method} is not allowed here.`;
      return envelope(405, 1100, "MethodNotAllowed", message, {
        allow: allowed.join(", "),
      });
    }
    const owner = authenticateImagine(req, credentials);
    if (typeof owner !== "string") return owner;
    if (limits.ratePerMin === 0) return act(kind, id, owner, {});
    const verdict = rateWindow.admit(owner, now, limits.ratePerMin);
    const headers = {
      "x-ratelimit-limit": String(limits.ratePerMin),
      "x-ratelimit-remaining": String(verdict.remaining),
    };
    if (!verdict.admitted) {
      call.throttled = true;
      return envelope(
        429,
        1202,
        "TooManyRequests",
        "Too many requests.",
        headers,
      );
    }
    return act(kind, id, owner, headers);
  }

  function faultResponse(kind: FaultKind): SandboxResponse {
    if (kind === "throttle")
      return envelope(429, 1202, "TooManyRequests", "Too many requests.");
    if (kind === "server_error") {
      return envelope(503, 1200, "ServiceUnavailable", "Service unavailable.");
    }
    if (kind === "auth") {
      return envelope(
        401,
        1001,
        "Unauthorized",
        "The provided bearer token is invalid.",
      );
    }
    return { ...json(200, {}), body: '{"message":"video del' };
  }

  const describe = (req: SandboxRequest) => {
    const found = matchRoute(req);
    return found && { operation: found.operation, ids: [found.id] };
  };

  return {
    name: "imagine",
    handle(req, now) {
      const found = matchRoute(req);
      if (!found) return null;
      const call: CallInfo = { operation: found.operation, ids: [found.id] };
      return { ...answer(req, found.kind, found.id, now, call), call };
    },
    faultResponse,
    reset(seed, count) {
      world = createImagineWorld(seed);
      addImagineVideos(world, rng, count);
      rateWindow.clear();
    },
    seed: (count) =>
      addImagineVideos(world, rng, count).map((v) => String(v.id)),
    videos: () => world.videos.map(imagineVideoState),
    missingIds: (count) => missingImagineIds(world, count),
    describe,
    credentials: () => ({ ...credentials }),
    ...limitsControl(
      imagineLimitsSchema,
      () => limits,
      (next) => (limits = next),
    ),
  };
}
