// `npm run bench:pages`, part (a): the first-load JavaScript of every page route of the production
// build in .next, as Next itself decides it. Method: a page's first load is the build's root main
// files (.next/build-manifest.json `rootMainFiles`: React, Next's router, the Turbopack runtime)
// plus the page's entry chunks with those of its layouts (`entryJSFiles` of the page in
// .next/server/app/<route>/page_client-reference-manifest.js). Chunks only reached through
// next/dynamic or import() are not among them, which is the point of loading them lazily; the
// legacy-browser polyfills (`polyfillFiles`, loaded with `nomodule`, never by a current browser)
// are left out. Each distinct file is gzipped at level 9, as Next's own size report did, and the
// sizes summed. Checked against the <script src> tags of the served HTML: the same chunks.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

export interface PageJs {
  route: string;
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
}

type ClientManifest = Record<
  string,
  { entryJSFiles: Record<string, string[]> }
>;

/** `/(console)/runs/new/page` → `/runs/new`. */
const routeOf = (key: string) =>
  key
    .replace(/\/page$/, "")
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .join("/") || "/";

export function firstLoadJs(distDir = ".next"): PageJs[] {
  const { rootMainFiles } = JSON.parse(
    readFileSync(path.join(distDir, "build-manifest.json"), "utf8"),
  ) as { rootMainFiles: string[] };
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (!size) {
      const body = readFileSync(path.join(distDir, file));
      size = { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
      sizes.set(file, size);
    }
    return size;
  };
  const appDir = path.join(distDir, "server", "app");
  const manifests = (readdirSync(appDir, { recursive: true }) as string[])
    .filter((file) => file.endsWith("page_client-reference-manifest.js"))
    .sort();
  const pages: PageJs[] = [];
  for (const file of manifests) {
    // The manifest is a script that assigns globalThis.__RSC_MANIFEST[page]; run it on its own.
    const scope: { __RSC_MANIFEST?: ClientManifest } = {};
    runInNewContext(readFileSync(path.join(appDir, file), "utf8"), {
      globalThis: scope,
      self: scope,
    });
    for (const [key, manifest] of Object.entries(scope.__RSC_MANIFEST ?? {})) {
      if (key.startsWith("/_")) continue; // Next's own not-found and error pages
      const files = new Set([
        ...rootMainFiles,
        ...(manifest.entryJSFiles[`[project]/app${key}`] ?? []),
      ]);
      let rawBytes = 0;
      let gzipBytes = 0;
      for (const chunk of files) {
        const size = sizeOf(chunk);
        rawBytes += size.raw;
        gzipBytes += size.gzip;
      }
      pages.push({
        route: routeOf(key),
        scripts: files.size,
        rawBytes,
        gzipBytes,
      });
    }
  }
  return pages.sort((a, b) => a.route.localeCompare(b.route));
}
