// The Content-Security-Policy of every page, with a fresh nonce per request (set by proxy.ts).
// Next puts the nonce on its own inline bootstrap scripts and chunks, and 'strict-dynamic' lets
// those load the rest, so an injected inline script never runs. Responses that are not pages
// (API JSON, files) get `default-src 'none'` from next.config.mjs instead. Edge-safe and pure.

/** `dev` adds what Next's fast refresh needs. */
export function pageContentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and Tailwind set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
