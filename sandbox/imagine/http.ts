// Routing, auth and envelopes of the Imagine.art fake (docs/providers/imagine.md §1, §2, §5).
import type { ImagineLimits } from "./limits";
import type { ImagineOwner } from "./store";
import type { SandboxRequest, SandboxResponse } from "../types";

export interface ImagineCredentials {
  apiKey: string;
  /** Owns the `other` videos. */
  otherApiKey: string;
}

export function imagineCredentialsFromEnv(
  env: Record<string, string | undefined> = process.env,
): ImagineCredentials {
  return {
    apiKey: env.SANDBOX_IMAGINE_API_KEY || "vk-sandbox-imagine-key",
    otherApiKey:
      env.SANDBOX_IMAGINE_OTHER_API_KEY || "vk-sandbox-imagine-other-key",
  };
}

export type RouteKind =
  "delete-legacy" | "delete" | "status" | "status-deprecated" | "status-asset";

interface Route {
  kind: RouteKind;
  pattern: RegExp;
  operation: "delete" | "lookup";
}

// Order matters: `/v2/video/{id}` would also match the two-segment paths above it.
const ROUTES: Route[] = [
  {
    kind: "delete-legacy",
    pattern: /^\/v2\/video\/delete\/([^/]+)$/,
    operation: "delete",
  },
  {
    kind: "status",
    pattern: /^\/v2\/video\/([^/]+)\/status$/,
    operation: "lookup",
  },
  {
    kind: "status-deprecated",
    pattern: /^\/v2\/video\/status\/([^/]+)$/,
    operation: "lookup",
  },
  {
    kind: "status-asset",
    pattern: /^\/v2\/assets\/([^/]+)\/status$/,
    operation: "lookup",
  },
  { kind: "delete", pattern: /^\/v2\/video\/([^/]+)$/, operation: "delete" },
];

export const INTEGER_ID = /^\d{1,19}$/;
export const UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RouteMatch {
  kind: RouteKind;
  operation: Route["operation"];
  /** The path's ID segment, URL-decoded. */
  id: string;
}

/** The route a request is for; null for paths and methods the fake does not serve (core 404). */
export function matchRoute(req: SandboxRequest): RouteMatch | null {
  for (const { kind, pattern, operation } of ROUTES) {
    const found = pattern.exec(req.path);
    if (!found) continue;
    // `/v2/video/{id}` only serves DELETE; e.g. POST /v2/video/text-to-video is creation, not ours.
    if (kind === "delete" && req.method.toUpperCase() !== "DELETE") return null;
    return { kind, operation, id: safeDecode(found[1] as string) };
  }
  return null;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** §1: methods each route serves; anything else is 405 (adapters switch DELETE↔POST on it, §8). */
export function allowedMethods(
  kind: RouteKind,
  limits: ImagineLimits,
): string[] {
  if (kind === "delete-legacy") return limits.deleteMethods;
  if (kind === "status-asset") return ["GET", "POST"];
  return kind === "delete" ? ["DELETE"] : ["GET"];
}

export const json = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): SandboxResponse => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

/** §5 error envelope. */
export const envelope = (
  status: number,
  code: number,
  error: string,
  message: string,
  headers?: Record<string, string>,
) => json(status, { status: "error", code, error, message }, headers);

/** §2 and §9: no Bearer token → 400/1000; an unknown key → 401/1001. */
export function authenticateImagine(
  req: SandboxRequest,
  credentials: ImagineCredentials,
): ImagineOwner | SandboxResponse {
  const key = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1];
  if (!key)
    return envelope(400, 1000, "BadRequest", "Bearer token is missing.");
  if (key === credentials.apiKey) return "console";
  if (key === credentials.otherApiKey) return "other";
  return envelope(
    401,
    1001,
    "Unauthorized",
    "The provided bearer token is invalid.",
  );
}
