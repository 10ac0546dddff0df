#!/usr/bin/env node
// Fails when package-lock.json lacks an entry for an optional dependency that some package
// declares (typically a platform binary: @next/swc-darwin-arm64, @tailwindcss/oxide-win32-x64-msvc, …).
// `npm ci` on such a platform then stops with "Missing: … from lock file", so a newcomer on macOS
// or Windows could not install. Usage: node scripts/check-lockfile.mjs [path/to/package-lock.json]
import { readFileSync } from "node:fs";

const lockPath = process.argv[2] ?? "package-lock.json";
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const packages = lock.packages ?? {};
const missing = [];

for (const [where, pkg] of Object.entries(packages)) {
  for (const dep of Object.keys(pkg.optionalDependencies ?? {})) {
    // npm resolves a dependency from the nearest node_modules folder upward.
    const prefix = where === "" ? "" : `${where}/`;
    const candidates = [`${prefix}node_modules/${dep}`, `node_modules/${dep}`];
    if (!candidates.some((c) => c in packages))
      missing.push(`${where || "(root)"} -> ${dep}`);
  }
}

if (missing.length) {
  console.error(
    `${missing.length} optional dependencies are missing from ${lockPath}:`,
  );
  for (const m of missing.slice(0, 40)) console.error(`  ${m}`);
  console.error(
    "Pin versions whose every platform build is published, then regenerate the lockfile.",
  );
  process.exit(1);
}
console.log(
  `lockfile ok: every optional dependency of ${Object.keys(packages).length} entries is present`,
);
