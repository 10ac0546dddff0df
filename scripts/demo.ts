// `npm run demo`: the console on embedded defaults (PGlite in .data/), demo accounts for each
// role, the provider sandbox (about 2,000 videos per provider, on SANDBOX_PORT, default 4010)
// with every provider pointed at it, and a production build served at http://localhost:3000
// (PORT to change it). The demo's passwords are published, so the console listens on loopback
// only, and the accounts go only into a database the demo owns (scripts/seed-demo-accounts.ts).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { closeDb } from "@/lib/db/client";
import { startSandboxProcess } from "@/lib/testing/sandbox-process";
import { demoAccounts } from "./demo-accounts";
import { seedDemoAccounts } from "./seed-demo-accounts";
import { newestSourceMtime } from "./source-mtime";

const port = Number(process.env.PORT ?? 3000);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);
const dataDir = process.env.ERASURE_DATA_DIR ?? ".data";
// Loopback only: anyone who can reach the port could sign in with the published passwords.
const LOOPBACK = "127.0.0.1";
const origin = `http://localhost:${port}`;
const children: ChildProcess[] = [];

function demoSecret(): string {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "demo-auth-secret");
  if (!existsSync(file))
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** An Ed25519 key for signed audit checkpoints, kept with the demo's data. */
function demoSigningKey(): string {
  const file = path.join(dataDir, "demo-audit-signing-key.pem");
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync("ed25519");
    writeFileSync(file, privateKey.export({ format: "pem", type: "pkcs8" }), {
      mode: 0o600,
    });
  }
  return readFileSync(file, "utf8");
}

/**
 * V8 grows its heap lazily up to a limit set by the machine's memory (gigabytes here), so the
 * console's resident memory grew with run size though its live heap stays near 100–150 MB:
 * 858 MB during a 100,000-ID run, 524 MB with this cap (`npm run bench:runs`). A limit already
 * given in NODE_OPTIONS wins; ERASURE_HEAP_MB changes ours.
 */
function heapLimitFlags(): string[] {
  if (process.env.NODE_OPTIONS?.includes("--max-old-space-size")) return [];
  const heapMb = process.env.ERASURE_HEAP_MB ?? "384";
  if (!/^\d{2,6}$/.test(heapMb))
    throw new Error(
      `ERASURE_HEAP_MB must be megabytes (e.g. 384), not "${heapMb}"`,
    );
  return [`--max-old-space-size=${heapMb}`];
}

function buildIfStale(): void {
  const buildId = path.join(".next", "BUILD_ID");
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newestSourceMtime())
    return;
  console.log("Building the console (first start, or sources changed)…");
  const result = spawnSync(
    process.execPath,
    ["node_modules/next/dist/bin/next", "build"],
    { stdio: "inherit" },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url, { redirect: "manual" }).then(
      (response) => response.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `The console did not answer at ${url} within ${timeoutMs / 1000} s.`,
  );
}

function shutdown(code: number): never {
  for (const child of children) child.kill("SIGTERM");
  process.exit(code);
}

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, ERASURE_DATA_DIR: dataDir };
  env.AUTH_SECRET ??= demoSecret();
  env.ERASURE_AUDIT_SIGNING_KEY ??= demoSigningKey();
  env.NEXTAUTH_URL ??= origin;
  process.env.ERASURE_DATA_DIR = dataDir;

  const created = await seedDemoAccounts();
  await closeDb(); // PGlite allows one process per folder: release it before the server opens it.
  buildIfStale();

  const sandbox = await startSandboxProcess({
    SANDBOX_PORT: String(sandboxPort),
    SANDBOX_COUNT: process.env.SANDBOX_COUNT ?? "2000",
    SANDBOX_SEED: process.env.SANDBOX_SEED ?? "1",
  });
  children.push(sandbox.child);
  sandbox.child.on("exit", (code) => shutdown(code ?? 1));
  Object.assign(env, ...Object.values(await sandbox.providerEnv()));

  const server = spawn(
    process.execPath,
    [
      ...heapLimitFlags(),
      "node_modules/next/dist/bin/next",
      "start",
      "-p",
      String(port),
      "-H",
      LOOPBACK,
    ],
    {
      env: { ...env, NODE_ENV: "production" },
      stdio: "inherit",
    },
  );
  children.push(server);
  server.on("exit", (code) => shutdown(code ?? 1));
  process.on("SIGINT", () => shutdown(0));
  process.on("SIGTERM", () => shutdown(0));

  await waitForServer(`http://${LOOPBACK}:${port}/login`, 120_000);
  console.log(
    `\nErasure is running at ${origin}  (data: ${path.resolve(dataDir)})`,
  );
  console.log(created > 0 ? "Demo accounts created:" : "Demo accounts:");
  for (const account of demoAccounts) {
    console.log(
      `  ${account.role.padEnd(9)} ${account.email.padEnd(24)} password: ${account.password}`,
    );
  }
  console.log("Press Ctrl+C to stop.\n");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  shutdown(1);
});
