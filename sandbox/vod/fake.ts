// Fake Alibaba Cloud ApsaraVideo VOD 2017-03-21 (docs/providers/vod.md): signed RPC on path `/`.
//
// Readings where vod.md is [unknown], [inferred], [inconsistent] or [conflict] (those marked
// "switch" can be changed with `PUT /__sandbox/limits {provider:"vod", ...}`, see limits.ts):
// - §4 cap "per list or combined" [unknown]: VideoIds + ReferenceIds together ≤ 20 (entries as
//   sent, duplicates counted), else 400 VideoIdsExceededMax and nothing deleted. GetVideoInfos
//   (§5.1) follows the same rule. Switch `idCapMode: "per_list"` allows 20 + 20.
// - §4 neither VideoIds nor ReferenceIds [inferred]: 400 MissingParameter naming VideoIds.
// - §4 / §5.1 all-missing 404: only when every requested VideoId *and* ReferenceId is non-existent.
//   Deleted, never-existing and malformed IDs are non-existent; a forbidden ID exists, so a batch of
//   forbidden + missing IDs is a 200 with lists. Nothing is deleted by a 404.
// - §4 empty lists "may be omitted" [inferred]: DeleteVideo omits them (switch `omitEmptyLists`);
//   GetVideoInfos always sends both NonExist lists, as its sample does. The legacy
//   UnRemoveableVideoIds ([doc inconsistency]) is never sent.
// - Another account's videos (owner `other`, AppId app-2000000): vod.md only says DeleteVideo lists
//   them in ForbiddenVideoIds ("usually missing permission"). We model that case: visible to
//   GetVideoInfos, GetVideoInfo, GetVideoList and SearchMedia like any video, refused only by
//   DeleteVideo (switch `foreignVisible: false` makes look-ups and lists treat them as missing).
//   A forbidden video named by ReferenceId is reported by its VideoId in ForbiddenVideoIds.
// - §5.3 VideoListExceededMax [inferred trigger]: a page starting at record 5,000 or later; a page
//   straddling the cap is cut at 5,000. Total is the true count. PageSize > 100 is InvalidParameter.
// - §5.4 ScrollToken, simplified: every answer returns a token standing after its last item; a
//   request with it gets the following page (keyset, so deletes in between skip nothing). Without
//   a token, PageNo > 200 or a page past 5,000 is 400 InvalidParameter (PageNo); an unknown token,
//   or one from another Match/SortBy/SearchType, is InvalidParameter (ScrollToken).
// - §5.4 Match grammar: the subset in match.ts; SearchType other than video finds nothing.
// - §5.2 AuditStatus values are not in vod.md: Blocked/Checking/Normal echo the status, else Init.
// - §6 SignatureDoesNotMatch 400 vs 403 [inconsistent]: 400 (switch `signatureMismatchStatus`).
//   Throttling is always Throttling.User 400; Throttling.Api / Throttling (503) are never sent.
// - §3 nonce window [unknown]: 15 minutes per AccessKeyId, shared by V1 and V3, recorded once the
//   signature is valid (so a throttled request has used its nonce; SDKs re-sign on retry).
// - §3 Format: default XML for V1 (XML bodies are served), JSON for V3 [our reading]; compared
//   case-insensitively (§11). Query and form body are merged; on a name clash the body wins.
// - §10 V3: x-acs-date is held to the V1 Timestamp format and 15-minute skew [our reading]; `host`
//   and every x-acs-* header must be signed; x-acs-content-sha256 must match the body.
// - §8 QPS per AccessKeyId and Action: DeleteVideo 30, GetVideoInfos 100, SearchMedia 50;
//   GetVideoInfo and GetVideoList have no documented limit and are unlimited unless configured.
// - Check order: parameters, Timestamp, AccessKeyId, signature, nonce, Version, Action, throttle.
// - SecurityToken (STS) is accepted as just another signed parameter/header; it is not validated.
// - `reset(seed)` builds the world from the seed alone (the core also reseeds our rng, but this
//   way a direct `reset` reproduces too); the creation-time `rng` seeds the initial world.
import { createHash } from "node:crypto";
import { limitsControl } from "../patch-limits";
import { mulberry32 } from "../rng";
import type {
  CallInfo,
  FaultKind,
  HandledResponse,
  ProviderSandbox,
  Rng,
  SandboxRequest,
  SandboxResponse,
} from "../types";
import {
  deleteVideo,
  getVideoInfo,
  getVideoInfos,
  type Action,
  type ScrollCursor,
} from "./actions";
import { authenticate } from "./auth";
import {
  DEFAULT_HOST,
  render,
  renderError,
  requestIdFor,
  VodFailure,
} from "./errors";
import {
  qpsFor,
  readVodEnv,
  SlidingWindowLimiter,
  vodLimitsSchema,
  type VodLimits,
} from "./limits";
import { getVideoList, searchMedia } from "./list";
import { collectParams, describeVod, NonceStore, regionOf } from "./request";
import { makeVideo, missingVideoId, toVideoState, VodLibrary } from "./store";

export const VOD_API_VERSION = "2017-03-21";
/** Videos present before the core's first `reset`. */
const INITIAL_COUNT = 50;
/** Keeps this provider's stream apart from another fake seeded with the same number. */
const VOD_SALT = 0x564f44;

const ACTIONS = new Map<string, Action>([
  ["DeleteVideo", deleteVideo],
  ["GetVideoInfos", getVideoInfos],
  ["GetVideoInfo", getVideoInfo],
  ["GetVideoList", getVideoList],
  ["SearchMedia", searchMedia],
]);

/** Fake of VOD; credentials and QPS come from SANDBOX_VOD_* (see limits.ts). */
export function createVodSandbox(rng: Rng): ProviderSandbox {
  const env = readVodEnv(process.env);
  const credentials = env.credentials;
  let limits: VodLimits = env.limits;
  const nonces = new NonceStore();
  const limiter = new SlidingWindowLimiter();
  const scrolls = new Map<string, ScrollCursor>();
  let library = new VodLibrary();
  let worldSeed = 0;
  let generate: Rng = mulberry32(0);
  let requests = 0;
  let tokens = 0;
  let missing = 0;

  const secretFor = (accessKeyId: string) =>
    accessKeyId === credentials.accessKeyId
      ? credentials.accessKeySecret
      : undefined;
  const nextToken = () =>
    createHash("md5")
      .update(`vod-scroll:${worldSeed}:${(tokens += 1)}`)
      .digest("hex");

  function addVideos(count: number): string[] {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const video = makeVideo(generate, library.all.length, (id) =>
        library.knows(id),
      );
      library.add(video);
      ids.push(video.videoId);
    }
    return ids;
  }

  function reset(seed: number, count: number): void {
    worldSeed = seed >>> 0;
    generate = mulberry32(worldSeed ^ VOD_SALT);
    library = new VodLibrary();
    requests = 0;
    tokens = 0;
    missing = 0;
    nonces.clear();
    limiter.clear();
    scrolls.clear();
    addVideos(count);
  }

  function answer(
    req: SandboxRequest,
    call: CallInfo,
    now: number,
  ): SandboxResponse {
    const requestId = requestIdFor((requests += 1));
    const collected = collectParams(req);
    try {
      const method = req.method.toUpperCase();
      if (method !== "GET" && method !== "POST") {
        throw new VodFailure(
          "InvalidParameter",
          `The HTTP method ${method} is not supported.`,
        );
      }
      if (collected.formatError) throw collected.formatError;
      const caller = authenticate(req, collected, now, { secretFor, nonces });
      call.operation = caller.action;
      if (caller.version !== VOD_API_VERSION)
        throw new VodFailure("InvalidVersion");
      const action = ACTIONS.get(caller.action);
      if (action === undefined) throw new VodFailure("InvalidAction.NotFound");
      const key = `${caller.accessKeyId}\n${caller.action}`;
      if (!limiter.allow(key, qpsFor(limits, caller.action), now)) {
        call.throttled = true;
        throw new VodFailure("Throttling.User");
      }
      const ctx = {
        library,
        now,
        regionId: regionOf(req.host),
        nextToken,
        scrolls,
        limits,
      };
      const body = { RequestId: requestId, ...action(collected.params, ctx) };
      return render(200, body, collected.format, `${caller.action}Response`);
    } catch (error) {
      if (!(error instanceof VodFailure)) throw error;
      const status =
        error.code === "SignatureDoesNotMatch"
          ? limits.signatureMismatchStatus
          : error.status;
      return renderError(
        error,
        requestId,
        req.host || DEFAULT_HOST,
        collected.format,
        status,
      );
    }
  }

  function faultResponse(kind: FaultKind): SandboxResponse {
    const requestId = requestIdFor((requests += 1));
    if (kind === "malformed") {
      // What pop-core chokes on (§11: SyntaxError on a non-JSON body): a 200 cut mid-array.
      return {
        status: 200,
        headers: { "content-type": "application/json;charset=utf-8" },
        body: `{"RequestId":"${requestId}","NonExistVideoIds":["`,
      };
    }
    const code =
      kind === "throttle"
        ? "Throttling.User"
        : kind === "auth"
          ? "InvalidAccessKeyId.NotFound"
          : "InternalError";
    return renderError(new VodFailure(code), requestId, DEFAULT_HOST, "JSON");
  }

  reset(Math.floor(rng() * 4294967296), INITIAL_COUNT);

  return {
    name: "vod",
    handle(req: SandboxRequest, now: number): HandledResponse | null {
      const call = describeVod(req);
      return call ? { ...answer(req, call, now), call } : null;
    },
    faultResponse,
    reset,
    seed: addVideos,
    videos: () => library.all.map(toVideoState),
    missingIds: (count) =>
      Array.from({ length: count }, () =>
        missingVideoId(worldSeed, (missing += 1), (id) => library.knows(id)),
      ),
    describe: describeVod,
    credentials: () => ({ ...credentials }),
    ...limitsControl(
      vodLimitsSchema,
      () => limits,
      (next) => (limits = next),
    ),
  };
}
