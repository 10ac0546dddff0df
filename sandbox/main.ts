// `npm run sandbox`: the fake providers as a standalone process for the demo, benchmarks and
// browser tests. Configured from the environment only (names below).
import type { FaultPatch } from "./faults";
import { startSandbox } from "./server";

function number(
  name: string,
  fallback: number,
  check: (n: number) => boolean,
): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || !check(value)) {
    console.error(`sandbox: invalid ${name}=${raw}`);
    process.exit(2);
  }
  return value;
}

const isRate = (n: number) => n >= 0 && n <= 1;
const isCount = (n: number) => Number.isInteger(n) && n >= 0;

// Applied to every provider; per-provider faults are set through PUT /__sandbox/faults.
const faults: FaultPatch = {
  latencyMs: number("SANDBOX_LATENCY_MS", 0, isCount),
  jitterMs: number("SANDBOX_LATENCY_JITTER_MS", 0, isCount),
  errorRate: number("SANDBOX_ERROR_RATE", 0, isRate),
  throttleRate: number("SANDBOX_THROTTLE_RATE", 0, isRate),
  hangRate: number("SANDBOX_HANG_RATE", 0, isRate),
  resetRate: number("SANDBOX_RESET_RATE", 0, isRate),
  malformedRate: number("SANDBOX_MALFORMED_RATE", 0, isRate),
  authRate: number("SANDBOX_AUTH_RATE", 0, isRate),
};

const sandbox = await startSandbox({
  port: number("SANDBOX_PORT", 4010, (n) => isCount(n) && n <= 65535),
  host: process.env.SANDBOX_HOST || "127.0.0.1",
  seed: number("SANDBOX_SEED", 1, Number.isInteger),
  count: number("SANDBOX_COUNT", 200, isCount),
  faults,
});
console.log(`sandbox listening on ${sandbox.url}`);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
