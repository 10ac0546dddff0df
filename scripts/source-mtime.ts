import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_ROOTS = [
  "app",
  "components",
  "lib",
  "public",
  "drizzle",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "package-lock.json",
];

/** Newest modification time under the folders a production build depends on. */
export function newestSourceMtime(): number {
  let newest = 0;
  const visit = (entry: string) => {
    let stats;
    try {
      stats = statSync(entry);
    } catch {
      return;
    }
    if (stats.isDirectory())
      for (const child of readdirSync(entry)) visit(path.join(entry, child));
    else newest = Math.max(newest, stats.mtimeMs);
  };
  SOURCE_ROOTS.forEach(visit);
  return newest;
}
