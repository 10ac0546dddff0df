// next-auth names its session cookie after the deployment: `__Secure-` (which browsers only
// accept over https) when the public URL is https, the plain name otherwise. Reading only that
// name means a cookie planted under the other name, e.g. by a plain-http page on a sibling host,
// is never taken for a session.

const PLAIN = "next-auth.session-token";
const SECURE = "__Secure-next-auth.session-token";

/** Whether the console is served over https, by its configured public URL (as next-auth decides). */
export function usesSecureCookies(publicUrl: string | undefined): boolean {
  return publicUrl?.startsWith("https://") ?? false;
}

/** The one session cookie name this deployment writes and accepts. */
export function sessionCookieName(publicUrl: string | undefined): string {
  return usesSecureCookies(publicUrl) ? SECURE : PLAIN;
}

/**
 * The value of cookie `name` in a Cookie header, or null. Only that cookie is decoded, and a
 * malformed percent-escape in it reads as no cookie: what a client sends never becomes a 500.
 */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index === -1 || part.slice(0, index).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(index + 1).trim()) || null;
    } catch {
      return null;
    }
  }
  return null;
}
