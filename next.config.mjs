const isProduction = process.env.NODE_ENV === "production";

// Pages get their CSP, with a per-request nonce, from proxy.ts. API answers are never meant to
// run or embed anything: the strictest policy, also on the static files of public/ (the icons and
// robots.txt; nothing in them runs). Next's files keep same-origin loading, because a
// Web Worker (the ID parser) runs under the policy of its own script's response.
const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
const assetContentSecurityPolicy =
  "default-src 'self'; object-src 'none'; frame-ancestors 'none'";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=()",
  },
  ...(isProduction
    ? [
        {
          key: "Strict-Transport-Security",
          value: "max-age=63072000; includeSubDomains",
        },
      ]
    : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pino"],
  // `npm test` type-checks the whole repository (sandbox and scripts included) with tsc; checking
  // again inside every build only slows the demo's first start.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    const csp = (value) => [{ key: "Content-Security-Policy", value }];
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: csp(apiContentSecurityPolicy) },
      { source: "/_next/:path*", headers: csp(assetContentSecurityPolicy) },
      ...["/favicon.ico", "/icon.svg", "/robots.txt"].map((source) => ({
        source,
        headers: csp(apiContentSecurityPolicy),
      })),
    ];
  },
};

export default nextConfig;
