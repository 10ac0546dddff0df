import { NextResponse, type NextRequest } from "next/server";
import { pageContentSecurityPolicy } from "@/lib/http/content-security-policy";

// Two jobs, neither of them authorisation (that is requireOperator() in the console layout and
// withOperator() in every route handler, docs/style.md §4): a convenience redirect for signed-out
// page visits, and a per-request CSP nonce for every page.
const SESSION_COOKIES = [
  "__Secure-next-auth.session-token",
  "next-auth.session-token",
];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const path = pathname + search;
  if (
    pathname !== "/login" &&
    !SESSION_COOKIES.some((name) => request.cookies.has(name))
  ) {
    const login = new URL("/login", request.url);
    if (path !== "/") login.searchParams.set("callbackUrl", path);
    return NextResponse.redirect(login);
  }
  const nonce = btoa(crypto.randomUUID());
  const policy = pageContentSecurityPolicy(
    nonce,
    // NODE_ENV is replaced at build time, not configuration read at run time.
    // eslint-disable-next-line no-restricted-syntax
    process.env.NODE_ENV !== "production",
  );
  const headers = new Headers(request.headers);
  headers.set("x-erasure-path", path);
  // Next reads the nonce from the request's CSP header and stamps it on its scripts.
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Not API routes (withOperator() answers 401 itself), Next's assets, or files such as those of
  // public/ (favicon.ico, icon.svg, robots.txt): they answer without a session, never a redirect.
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.[a-z0-9]+$).*)"],
};
