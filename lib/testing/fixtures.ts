// Test-only helpers: real rows through the real modules, never mocks of our own code.
import { randomUUID } from "node:crypto";
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

export async function bearer(userId: string): Promise<string> {
  const { token } = await createApiToken({
    userId,
    name: `test-${randomUUID().slice(0, 8)}`,
  });
  return token;
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
