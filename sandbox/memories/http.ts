// Wire basics of the memories.ai fake: routes, body parsing, the call-log summary, the answer
// envelope and injected faults. Source: docs/providers/memories.md §1, §3, §4, §5.
import type {
  CallInfo,
  FaultKind,
  SandboxRequest,
  SandboxResponse,
} from "../types";

export type ApiVersion = "v1" | "v1.1";

export type Operation = "delete" | "list" | "metadata";
export interface Route {
  method: "GET" | "POST";
  operation: Operation;
  version: ApiVersion;
}

const route = (
  method: Route["method"],
  operation: Operation,
  version: ApiVersion,
): Route => ({ method, operation, version });

// §1: v1 paths are current; v1.1 (`/serve/api/video/...`) is deprecated but still served (§9).
export const ROUTES = new Map<string, Route>([
  ["/serve/api/v1/delete_videos", route("POST", "delete", "v1")],
  ["/serve/api/video/delete_videos", route("POST", "delete", "v1.1")],
  ["/serve/api/v1/list_videos", route("POST", "list", "v1")],
  ["/serve/api/video/list_videos", route("POST", "list", "v1.1")],
  ["/serve/api/v1/get_metadata", route("GET", "metadata", "v1")],
]);

export const INVALID_JSON = Symbol("invalid-json");

/** The JSON body, `undefined` when empty, or INVALID_JSON. */
export function parseBody(body: Buffer): unknown {
  const text = body.toString("utf8").trim();
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const strings = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === "string")
    : [];

// §4 v1.1 [doc inconsistency]: parameters documented as query but sent as JSON in the example;
// take both, the body winning. v1 reads the JSON body only.
export function listInput(
  req: SandboxRequest,
  version: ApiVersion,
  body: unknown,
): unknown {
  const fromQuery = version === "v1.1" ? Object.fromEntries(req.query) : {};
  if (body === undefined) return fromQuery;
  return isRecord(body) ? { ...fromQuery, ...body } : body;
}

/** The call-log entry; `lookup` is list_videos with `video_nos`, the batch look-up of §4. */
export function describeCall(
  route: Route,
  req: SandboxRequest,
  body: unknown,
): CallInfo {
  if (route.operation === "delete") {
    return { operation: "delete", ids: strings(body) };
  }
  if (route.operation === "metadata") {
    const id = req.query.get("video_no");
    return { operation: "metadata", ids: id ? [id] : [] };
  }
  const input = listInput(req, route.version, body);
  const fields = isRecord(input) ? input : {};
  const batch = route.version === "v1" ? strings(fields.video_nos) : [];
  const single = typeof fields.video_no === "string" ? [fields.video_no] : [];
  return {
    operation: batch.length > 0 ? "lookup" : "list",
    ids: [...batch, ...single.filter(Boolean)],
  };
}

/** §5 envelope; `code` is a four-character string and `success`/`failed` mirror it. */
export function envelope(
  code: string,
  msg: string,
  data: unknown,
  options: { status?: number; extra?: Record<string, unknown> } = {},
): SandboxResponse {
  const success = code === "0000";
  return {
    status: options.status ?? 200,
    headers: { "content-type": "application/json;charset=UTF-8" },
    body: JSON.stringify({
      code,
      msg,
      data,
      ...options.extra,
      success,
      failed: !success,
    }),
  };
}

export const badParameter = (msg: string): SandboxResponse =>
  envelope("0001", msg, null);

export const fail = (
  code: string,
  msg: string,
  status = 200,
): SandboxResponse => envelope(code, msg, null, { status });

export function memoriesFault(kind: FaultKind): SandboxResponse {
  // §6: "0429" travels in the usual HTTP 200 envelope.
  if (kind === "throttle") {
    return fail("0429", "too many requests, rate limit exceeded");
  }
  if (kind === "auth")
    return fail("9009", "permission denied, please check your API key");
  // No 5xx body is documented; the envelope with an invented code is the likeliest shape.
  if (kind === "server_error") {
    return fail("0500", "internal server error", 500);
  }
  // A body cut off mid-field, as a dropped connection behind a proxy leaves it.
  return {
    status: 200,
    headers: { "content-type": "application/json;charset=UTF-8" },
    body: '{"code":"0000","msg":"success","data":{"current_page":1,"total_co',
  };
}
