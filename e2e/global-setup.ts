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
  });
  await server.ready;
  return async () => {
    server.stop();
    // Let next-server and the sandbox go before the next run binds the same ports.
    await new Promise((resolve) => setTimeout(resolve, 500));
  };
}
