// Fake memories.ai private video library, after docs/providers/memories.md. Paths are relative
// to the real base `https://api.memories.ai`.
//
// Readings taken where the document marks [unknown], [inferred] or [doc inconsistency]
// (switchable through `PUT /__sandbox/limits {provider:"memories", ...}` where noted):
// - §2 auth, HTTP 401 vs HTTP 200 + code: a missing Authorization gets HTTP 401 code "0401"; a key
//   that is not accepted (a wrong key, or an accepted key sent as `Bearer <key>`, §9) gets HTTP 200
//   code "9009". Adapters must handle both, so the fake produces both. A second key
//   (SANDBOX_MEMORIES_OTHER_API_KEY) owns the `other` videos.
// - §2 namespace: delete takes `unique_id` from the query only (§3: "body" in v1.2 is impossible
//   with an array body); list takes it from the JSON body, get_metadata from the query; absent
//   means "default", an empty string on list is "0001". v1.1 endpoints have no namespace and
//   always act on "default". Another namespace's or account's videos are invisible.
// - §3 re-delete: "0000" (api-tools idempotency); `redeleteCode: "0409"` answers "0409" when the
//   batch names an already-deleted video of the caller, and still deletes the batch's other IDs
//   (§8 step 3 verifies by look-up either way).
// - §3 partial batches: never an error for the batch; IDs that cannot be deleted stay as they are.
// - §3 body: both versions take a bare JSON array of strings; anything else, or more than 100
//   entries, is "0001" (§9). An empty array is "0000". Duplicate IDs count once.
// - §3 data: `null` as the brief and the prose show (`deleteData: "object"` sends `{}`).
// - §4 list: missing page/size default to 1/20 (v1.1 defaults); no page-size cap; newest first;
//   empty `video_nos` is no filter; v1.1 ignores `video_nos` and `unique_id`, matches names
//   partially, and reads its parameters from the query too ([doc inconsistency]; body wins).
//   `cause: "null"` sits in the v1.1 envelope. `folder_id` is accepted and ignored.
// - §4b unknown, deleted or foreign ID on get_metadata: HTTP 200 code "0001" "video not found".
//   Its rate limit is unstated: a third bucket with the same QPS as delete and list.
// - §5/§6 HTTP statuses: every business error is HTTP 200 with a code, "0429" included. Rate
//   limit: sliding one-second window per account and endpoint, checked after auth, rejected
//   requests not counted (SANDBOX_MEMORIES_QPS, `qps`; 0 disables). Injected server_error is
//   HTTP 500 with an invented code "0500"; a wrong method on a served path is HTTP 405.
// - §7 status: PARSE_ERROR is emitted (`failedStatus: "FAILED"` switches); the list filter accepts
//   PARSE_ERROR, FAILED and FAIL. UNPARSE videos are deletable (`unparseDeletable`).
// - §7 `PI-` IDs: seeded as social-media imports in the console's default namespace; listed, but
//   delete_videos leaves them in place while answering "0000" (`publicImportDeletable`).
import {
  badParameter,
  describeCall,
  envelope,
  fail,
  INVALID_JSON,
  listInput,
  memoriesFault,
  parseBody,
  ROUTES,
  type ApiVersion,
  type Operation,
  type Route,
} from "./http";
import {
  memoriesCredentialsFromEnv,
  memoriesLimitsFromEnv,
  memoriesLimitsSchema,
  type MemoriesLimits,
} from "./limits";
import {
  filterVideos,
  parseListQuery,
  renderMetadata,
  renderPage,
} from "./list";
import {
  addVideos,
  createWorld,
  DEFAULT_NAMESPACE,
  missingVideoNos,
  toVideoState,
  type MemoriesAccount,
  type MemoriesStatus,
  type MemoriesWorld,
} from "./store";
import { limitsControl } from "../patch-limits";
import { createSlidingWindow } from "../sliding-window";
import type {
  CallInfo,
  ProviderSandbox,
  Rng,
  SandboxRequest,
  SandboxResponse,
} from "../types";

/** §3: "Max 100 IDs per request". */
export const MEMORIES_MAX_DELETE_BATCH = 100;
const INITIAL_VIDEO_COUNT = 60;

/**
 * Fake of memories.ai; credentials come from SANDBOX_MEMORIES_* (see memoriesCredentialsFromEnv).
 * `rng` only seeds the world until the first reset: reset(seed) rebuilds the stream the core
 * reseeds `rng` with, so a seed gives the same world whoever calls it.
 */
export function createMemoriesSandbox(rng: Rng): ProviderSandbox {
  const credentials = memoriesCredentialsFromEnv();
  let limits: MemoriesLimits = memoriesLimitsFromEnv();
  let world: MemoriesWorld = createWorld(
    Math.floor(rng() * 2 ** 32),
    INITIAL_VIDEO_COUNT,
  );
  const windows = createSlidingWindow(1000);
  const spell = (status: MemoriesStatus) =>
    status === "PARSE_ERROR" ? limits.failedStatus : status;

  // §2: the raw key, no `Bearer ` prefix.
  function authenticate(
    req: SandboxRequest,
  ): MemoriesAccount | SandboxResponse {
    const key = req.headers.authorization;
    if (!key) return fail("0401", "authorization invalid", 401);
    if (key === credentials.apiKey) return "main";
    if (key === credentials.otherApiKey) return "other";
    return fail("9009", "permission denied, please check your API key");
  }

  // §6: 5 QPS per account, counted separately per endpoint.
  function admit(account: MemoriesAccount, op: Operation, now: number) {
    if (limits.qps === 0) return true;
    return windows.admit(`${account}:${op}`, now, limits.qps).admitted;
  }

  function deleteVideos(
    body: unknown,
    account: MemoriesAccount,
    namespace: string,
  ): SandboxResponse {
    if (!Array.isArray(body) || body.some((id) => typeof id !== "string")) {
      return badParameter(
        "parameter incorrect: body must be a JSON array of video_no strings",
      );
    }
    if (body.length > MEMORIES_MAX_DELETE_BATCH) {
      return badParameter(
        `parameter incorrect: at most ${MEMORIES_MAX_DELETE_BATCH} video_nos`,
      );
    }
    let alreadyDeleted = false;
    for (const id of new Set(body as string[])) {
      const video = world.byId.get(id);
      // §3: unknown and foreign IDs are silently accepted and left alone.
      if (video?.account !== account || video.namespace !== namespace) continue;
      if (video.deleted) alreadyDeleted = true;
      else if (video.publicImport && !limits.publicImportDeletable) continue;
      else if (video.status !== "UNPARSE" || limits.unparseDeletable) {
        video.deleted = true;
      }
    }
    if (alreadyDeleted && limits.redeleteCode === "0409") {
      return fail("0409", "duplicate operation not allowed");
    }
    return envelope(
      "0000",
      "success",
      limits.deleteData === "null" ? null : {},
    );
  }

  function listVideos(
    req: SandboxRequest,
    body: unknown,
    account: MemoriesAccount,
    version: ApiVersion,
  ): SandboxResponse {
    const parsed = parseListQuery(listInput(req, version, body));
    if (!parsed.ok) return parsed.response;
    const { query } = parsed;
    const namespace =
      version === "v1"
        ? (query.unique_id ?? DEFAULT_NAMESPACE)
        : DEFAULT_NAMESPACE;
    const scope = { account, namespace };
    const matches = filterVideos(world.videos, scope, query, version);
    return renderPage(matches, query, version, spell);
  }

  function getMetadata(
    req: SandboxRequest,
    account: MemoriesAccount,
  ): SandboxResponse {
    const videoNo = req.query.get("video_no");
    if (!videoNo) {
      return badParameter("parameter incorrect: video_no is required");
    }
    const namespace = req.query.get("unique_id") || DEFAULT_NAMESPACE;
    const video = world.byId.get(videoNo);
    const visible =
      video?.account === account &&
      video.namespace === namespace &&
      !video.deleted;
    return visible
      ? renderMetadata(video, spell)
      : fail("0001", "video not found");
  }

  function answer(
    req: SandboxRequest,
    route: Route,
    body: unknown,
    now: number,
    call: CallInfo,
  ): SandboxResponse {
    if (req.method.toUpperCase() !== route.method) {
      const msg = `Request method '${req.method}' is not supported`;
      return fail("0001", msg, 405);
    }
    const account = authenticate(req);
    if (typeof account !== "string") return account;
    if (!admit(account, route.operation, now)) {
      call.throttled = true;
      return memoriesFault("throttle");
    }
    if (body === INVALID_JSON) {
      return badParameter("parameter incorrect: body is not valid JSON");
    }
    if (route.operation === "metadata") return getMetadata(req, account);
    if (route.operation === "list") {
      return listVideos(req, body, account, route.version);
    }
    const namespace =
      route.version === "v1"
        ? req.query.get("unique_id") || DEFAULT_NAMESPACE
        : DEFAULT_NAMESPACE;
    return deleteVideos(body, account, namespace);
  }

  return {
    name: "memories",
    handle(req, now) {
      const route = ROUTES.get(req.path);
      if (!route) return null;
      const body = parseBody(req.body);
      const call = describeCall(route, req, body);
      return { ...answer(req, route, body, now, call), call };
    },
    describe(req) {
      const route = ROUTES.get(req.path);
      return route ? describeCall(route, req, parseBody(req.body)) : null;
    },
    faultResponse: memoriesFault,
    reset(seed, count) {
      world = createWorld(seed, count);
      windows.clear();
    },
    seed: (count) => addVideos(world, count).map((v) => v.videoNo),
    videos: () => world.videos.map((v) => toVideoState(v, spell)),
    missingIds: (count) => missingVideoNos(world, count),
    credentials: () => ({ ...credentials }),
    ...limitsControl(
      memoriesLimitsSchema,
      () => limits,
      (next) => (limits = next),
    ),
  };
}
