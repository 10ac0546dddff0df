export const DEFAULT_CALLBACK_PATH = "/";

/**
 * The path to follow after sign-in, or the start page. The value is resolved the way a browser
 * would resolve it against the console's `origin` (which drops tabs and newlines, reads `\` as
 * `/` and collapses dot segments) and kept only when it stays on that origin; only its path,
 * query and fragment are returned, and never one starting with `//`, which a browser would
 * take for another host.
 */
export function safeCallbackPath(
  value: string | null | undefined,
  origin: string,
): string {
  if (!value) return DEFAULT_CALLBACK_PATH;
  let url: URL;
  try {
    url = new URL(value, origin);
    if (url.origin !== new URL(origin).origin) return DEFAULT_CALLBACK_PATH;
  } catch {
    return DEFAULT_CALLBACK_PATH;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//"))
    return DEFAULT_CALLBACK_PATH;
  return path;
}
