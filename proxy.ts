import { NextResponse, type NextRequest } from "next/server";

// Only a convenience redirect for signed-out page visits; the real check is requireOperator()
// in the console layout and withOperator() in every route handler (STYLE.md §4).
const SESSION_COOKIES = [
  "__Secure-next-auth.session-token",
  "next-auth.session-token",
];

export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname + request.nextUrl.search;
  if (!SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL("/login", request.url);
    if (path !== "/") login.searchParams.set("callbackUrl", path);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(request.headers);
  headers.set("x-erasure-path", path);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/|login|favicon.ico|.*\\.[a-z0-9]+$).*)"],
};
