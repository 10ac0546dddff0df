// Test-only: runs a route handler inside the request scope Next gives it under `next start`.
// next-auth's App Router handler reads `cookies()` and `headers()`, which exist only in that
// scope; our own handlers (withOperator) read the Request and need none of this.
//
// Import this module BEFORE anything that loads Next's server code (route modules, next/headers):
// Next creates its async storages when those load, and without a global AsyncLocalStorage (which
// Next's own server installs first thing) they are stand-ins that refuse to run.
import { AsyncLocalStorage } from "node:async_hooks";

const scope = globalThis as { AsyncLocalStorage?: unknown };
scope.AsyncLocalStorage ??= AsyncLocalStorage;

/** `handle()` with `cookies()` and `headers()` answering from `req`, as in an App Router route. */
export async function inRequestScope<T>(
  req: Request,
  route: string,
  handle: () => Promise<T>,
): Promise<T> {
  const [
    { workAsyncStorage },
    { workUnitAsyncStorage },
    { createWorkStore },
    { createRequestStoreForAPI },
  ] = await Promise.all([
    import("next/dist/server/app-render/work-async-storage.external"),
    import("next/dist/server/app-render/work-unit-async-storage.external"),
    import("next/dist/server/async-storage/work-store"),
    import("next/dist/server/async-storage/request-store"),
  ]);
  const workStore = createWorkStore({
    page: `${route}/route`,
    renderOpts: {
      experimental: {},
      cacheLifeProfiles: {},
    },
    isPrefetchRequest: false,
    buildId: "test",
    previouslyRevalidatedTags: [],
  } as unknown as Parameters<typeof createWorkStore>[0]);
  // The request's headers and URL are all an API route's store reads; no draft mode, no HMR.
  const requestStore = createRequestStoreForAPI(
    ...([
      req,
      new URL(req.url),
      undefined,
      undefined,
      undefined,
      undefined,
    ] as unknown as Parameters<typeof createRequestStoreForAPI>),
  );
  return workAsyncStorage.run(workStore, () =>
    workUnitAsyncStorage.run(requestStore, handle),
  );
}
