import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/next-auth";

// GET|POST /api/auth/* – next-auth's own sign-in, sign-out and CSRF endpoints (public by nature;
// its POSTs carry next-auth's CSRF token). Options are built per request so the environment is
// parsed at run time, not at build time.
async function handler(
  req: Request,
  context: { params: Promise<{ nextauth: string[] }> },
) {
  return NextAuth(getAuthOptions())(req, context);
}

export { handler as GET, handler as POST };
