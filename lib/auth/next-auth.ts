import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { NextAuthOptions } from "next-auth";
import { decode } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { auditContext, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Operator } from "@/lib/auth/operator";
import { hasRole, type Role } from "@/lib/auth/roles";
import {
  readCookie,
  sessionCookieName,
  usesSecureCookies,
} from "@/lib/auth/session-cookie";
import { resolveSession, revokeSession } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { getAuthSecret, getEnv } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";

// The only module that touches next-auth (docs/style.md §4): the rest calls getOperator()/requireOperator().
// next-auth carries a signed JWT holding just our session ID; the sessions table decides validity.

/**
 * next-auth's signOut event carries no request; inside the sign-out route the request headers are
 * still in scope, so the event records IP and user agent like every other event. Elsewhere
 * (a script revoking a session) there is no request to describe.
 */
async function signOutRequest() {
  try {
    const bag = await headers();
    return {
      ip: clientIp(bag) ?? undefined,
      userAgent: bag.get("user-agent"),
    };
  } catch {
    return undefined;
  }
}

/**
 * Largest body next-auth's public endpoints read: the sign-in form (email ≤ 320, password ≤ 1024
 * characters, percent-encoded up to 6 bytes each, CSRF token, callback URL) fits with room.
 */
export const SIGN_IN_MAX_BODY_BYTES = 16_384;

export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: getAuthSecret(),
    // Stated, not left to next-auth's own guess, so the cookie it writes is the one we read.
    useSecureCookies: usesSecureCookies(env.NEXTAUTH_URL),
    session: { strategy: "jwt", maxAge: env.ERASURE_SESSION_MAX_HOURS * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const headerBag = new Headers(req.headers as Record<string, string>);
          const result = await signIn(credentials, {
            ip: clientIp(headerBag),
            userAgent: headerBag.get("user-agent") ?? undefined,
          });
          if (result.ok) return { ...result.user, sid: result.sessionId };
          // next-auth passes a thrown message to the client as `error`; the login form explains it.
          if (result.reason === "throttled")
            throw new Error(`TooManyAttempts:${result.retryAfterSeconds}`);
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && "sid" in user) token.sid = user.sid as string;
        return token;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid !== "string") return;
        const user = await revokeSession(token.sid);
        if (user) {
          const request = await signOutRequest();
          await recordAuditEvent({
            ...auditContext(
              {
                id: user.id,
                email: user.email,
                name: "",
                role: "viewer",
                via: { kind: "session", sessionId: token.sid },
              },
              request,
            ),
            action: "auth.signed_out",
            targetType: "user",
            targetId: user.id,
          });
        }
      },
    },
  };
}

/** Resolves the operator from a Cookie header value, or null. */
export async function operatorFromCookieHeader(
  cookieHeader: string | null,
): Promise<Operator | null> {
  if (!cookieHeader) return null;
  const raw = readCookie(
    cookieHeader,
    sessionCookieName(getEnv().NEXTAUTH_URL),
  );
  if (!raw) return null;
  const token = await decode({ token: raw, secret: getAuthSecret() }).catch(
    () => null,
  );
  return typeof token?.sid === "string" ? resolveSession(token.sid) : null;
}

/** The signed-in operator for a server component, or null. */
export async function getOperator(): Promise<Operator | null> {
  const cookieStore = await cookies();
  const header = cookieStore
    .getAll()
    .map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`)
    .join("; ");
  return operatorFromCookieHeader(header);
}

/** The signed-in operator for a page; redirects to sign-in, or to the start page without the role. */
export async function requireOperator(
  role: Role = "viewer",
): Promise<Operator> {
  const operator = await getOperator();
  if (!operator) {
    const path = (await headers()).get("x-erasure-path") ?? "/";
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (!hasRole(operator.role, role)) redirect("/runs");
  return operator;
}
