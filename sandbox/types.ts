// Contract between the sandbox core (server.ts: routing, faults, control API, call log) and the
// per-provider fakes. The fakes implement docs/providers/*.md on their own: nothing here is
// shared with lib/providers, so an adapter's misreading cannot be copied into the fake.
import type { IncomingHttpHeaders } from "node:http";

export type ProviderName = "akool" | "memories" | "vod" | "imagine";

/** A request as the core hands it to a provider, with the provider prefix already removed. */
export interface SandboxRequest {
  method: string;
  /** Path after the provider prefix, e.g. `/api/open/v4/image2Video/delbyids` for `/akool/api/...`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Host header value, needed by signature schemes that sign it (VOD V3). */
  host: string;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** What the call log records for each request a provider answered. */
export interface CallInfo {
  /** Provider operation, e.g. `delete`, `lookup`, `list`, `token`, `DeleteVideo`. */
  operation: string;
  /** Video IDs the request named, in request order. */
  ids: string[];
  /** The provider's own rate limit refused the request (its throttle answer was sent). */
  throttled?: boolean;
}

export interface HandledResponse extends SandboxResponse {
  call: CallInfo;
}

/** One video's true state, as the control API reports it. */
export interface VideoState {
  id: string;
  /** Provider's own status vocabulary (e.g. akool `3`, memories `PARSE`, vod `Normal`). */
  status: string;
  /** Account (or namespace) that owns it; `other` means another account than the console's. */
  owner: string;
  deleted: boolean;
  name: string;
  /** A customer-defined alias the provider also deletes by (VOD ReferenceId), when set. */
  referenceId?: string;
}

/** `auth`: the provider's own answer to a revoked or wrong credential, as if the key stopped working. */
export type FaultKind = "server_error" | "throttle" | "malformed" | "auth";

export interface ProviderSandbox {
  name: ProviderName;
  /**
   * Answers one request the provider's way: auth, validation, batch caps, its own rate limits and
   * business logic. Returns null for a path the provider does not serve (the core answers 404).
   */
  handle(req: SandboxRequest, now: number): HandledResponse | null;
  /** The provider's own wording for an injected fault (throttle in its format, 5xx, bad body). */
  faultResponse(kind: FaultKind): SandboxResponse;
  /** Replaces all state with `count` deterministic videos in every state the provider has. */
  reset(seed: number, count: number): void;
  /** Adds `count` more videos (deterministic for the seed); returns their IDs. */
  seed(count: number): string[];
  /** True state of every video, deleted ones included. */
  videos(): VideoState[];
  /** IDs that are well-formed for this provider but exist nowhere (for "already gone" tests). */
  missingIds(count: number): string[];

  // Optional extras, added after the first version of this contract (a fake without them still
  // works; the core then falls back as each comment says).

  /**
   * Names a request's operation and IDs without handling it, so that calls answered by an injected
   * fault are logged with their IDs too. Must not change state. Without it: `unknown`, no IDs.
   */
  describe?(req: SandboxRequest): CallInfo | null;
  /** Credentials this fake accepts, for `GET /__sandbox/credentials`. Without it: `null`. */
  credentials?(): Record<string, string>;
  /** Current tunables (rate limits, caps, doc-reading switches), for `GET /__sandbox/limits`. */
  limits?(): Record<string, unknown>;
  /** Applies a partial tunables patch from `PUT /__sandbox/limits`; returns an error text or null. */
  configure?(patch: Record<string, unknown>): string | null;
}

/** Random source the core hands to providers so that a seed reproduces the same world. */
export type Rng = () => number;
