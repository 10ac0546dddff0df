// Test-only helpers: real rows through the real modules, never mocks of our own code.
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { createSession } from "@/lib/auth/sessions";
import { createUser, type PublicUser } from "@/lib/auth/users";
import type { Role } from "@/lib/db/schema";
import { getAuthSecret } from "@/lib/env";

export const TEST_ORIGIN = "http://localhost:3000";

export async function makeUser(
  role: Role,
  password = "correct-horse-battery",
): Promise<PublicUser> {
  return createUser({
    email: `${role}-${randomUUID()}@erasure.test`,
    role,
    password,
  });
}

/** A signed next-auth cookie for a fresh server-side session of this user. */
export async function sessionCookie(
  userId: string,
): Promise<{ cookie: string; sessionId: string }> {
  const sessionId = await createSession(userId, { ip: "127.0.0.1" });
  const jwt = await encode({
    token: { sid: sessionId },
    secret: getAuthSecret(),
  });
  return { cookie: `next-auth.session-token=${jwt}`, sessionId };
}

/** The headers of the console's own pages in a browser signed in as this user (a fresh session). */
export async function browserHeaders(
  userId: string,
): Promise<Record<string, string>> {
  return { cookie: (await sessionCookie(userId)).cookie, origin: TEST_ORIGIN };
}

export async function bearer(userId: string): Promise<string> {
  const { token } = await createApiToken({
    userId,
    name: `test-${randomUUID().slice(0, 8)}`,
  });
  return token;
}

/** An `Authorization` header with a fresh API token of this user, as a script sends it. */
export async function bearerHeaders(
  userId: string,
): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await bearer(userId)}` };
}

export async function revokedBearer(userId: string): Promise<string> {
  const { token, summary } = await createApiToken({ userId, name: "revoked" });
  await revokeApiToken(summary.id);
  return token;
}

export function request(
  url: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: unknown;
  } = {},
): Request {
  const headers = new Headers(init.headers);
  let body: string | undefined;
  if (init.body !== undefined) {
    body =
      typeof init.body === "string" ? init.body : JSON.stringify(init.body);
    headers.set("content-type", "application/json");
  }
  return new Request(new URL(url, TEST_ORIGIN), {
    method: init.method ?? "GET",
    headers,
    body,
  });
}

export const routeContext = (params: Record<string, string> = {}) => ({
  params: Promise.resolve(params),
});

/** A fresh Ed25519 key as ERASURE_AUDIT_SIGNING_KEY takes it; checkpoints and Verify need one. */
export const signingKeyPem = (): string =>
  generateKeyPairSync("ed25519")
    .privateKey.export({ format: "pem", type: "pkcs8" })
    .toString();

/**
 * A configured VOD whose endpoint refuses every connection (port 9), for files that start runs
 * with no worker: starting and cancelling never call it, and a preview's look-up fails at once.
 */
export const UNCALLED_VOD_ENV = {
  VOD_ACCESS_KEY_ID: "id",
  VOD_ACCESS_KEY_SECRET: "secret",
  VOD_ENDPOINT: "http://127.0.0.1:9/",
};

/**
 * For a file that starts runs through the routes with no worker: the VOD above, room for 50
 * queued runs per user, and one trusted reverse proxy in front, so the rightmost X-Forwarded-For
 * entry is the client's address.
 */
export const QUEUED_RUNS_ENV = {
  ...UNCALLED_VOD_ENV,
  ERASURE_MAX_ACTIVE_RUNS_PER_USER: "50",
  ERASURE_TRUSTED_PROXIES: "1",
};

/** The request metadata of an audit event recorded directly (no request, no signed-in user). */
export const auditActor = (actor: string) => ({
  actorId: null,
  actor,
  requestId: null,
  ip: null,
  userAgent: null,
});
