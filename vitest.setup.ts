import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

// Each test file runs in its own process with its own PGlite folder (PGlite allows one process
// per folder); on the PostgreSQL project DATABASE_URL is set and the folder is unused.
process.env.ERASURE_DATA_DIR = mkdtempSync(
  path.join(tmpdir(), "erasure-test-"),
);
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.LOG_LEVEL ??= "silent";

afterAll(async () => {
  const { closeDb } = await import("@/lib/db/db");
  await closeDb();
});
