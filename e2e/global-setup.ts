import { E2E_PORT } from "../playwright.config";
import { startConsole } from "../scripts/console-process";

/**
 * Starts the console exactly as `npm run demo` does, on a fresh PGlite folder, on E2E_PORT with
 * its sandbox on E2E_PORT + 10; teardown (or the runner's exit) stops the whole process group.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startConsole({
    port: E2E_PORT,
    echo: Boolean(process.env.E2E_VERBOSE),
    // As behind one reverse proxy: `next start` fills an absent X-Forwarded-For with the socket
    // address, so the run header shows this machine's address (e2e/audit.spec.ts) instead of none.
    env: { ERASURE_TRUSTED_PROXIES: "1" },
  });
  await server.ready;
  return async () => {
    server.stop();
    // Let next-server and the sandbox go before the next run binds the same ports.
    await new Promise((resolve) => setTimeout(resolve, 500));
  };
}
