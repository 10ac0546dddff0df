import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { getAuthOptions, SIGN_IN_MAX_BODY_BYTES } from "@/lib/auth/next-auth";
import { ApiError } from "@/lib/http/errors";
import { withCappedBody } from "@/lib/http/read-body";

// GET|POST /api/auth/* – next-auth's own sign-in, sign-out and CSRF endpoints (public by nature;
// its POSTs carry next-auth's CSRF token). Options are built per request so the environment is
// parsed at run time, not at build time. next-auth reads a body whole, so it is handed one that
// was read within a limit: anyone may call these endpoints.
async function handler(
  req: NextRequest,
  context: { params: Promise<{ nextauth: string[] }> },
) {
  let capped: NextRequest;
  try {
    capped = await withCappedBody(req, SIGN_IN_MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof ApiError) return error.toResponse(randomUUID());
    throw error;
  }
  return NextAuth(getAuthOptions())(capped, context);
}

export { handler as GET, handler as POST };
