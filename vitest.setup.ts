import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll } from "vitest";

// Each test file runs in its own process with its own PGlite folder (PGlite allows one process
// per folder). On the PostgreSQL project each file gets a fresh database, created from
// DATABASE_URL and dropped afterwards, so workers of different files never share runs.
process.env.ERASURE_DATA_DIR = mkdtempSync(
  path.join(tmpdir(), "erasure-test-"),
);
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.LOG_LEVEL ??= "silent";

const adminUrl = process.env.DATABASE_URL;
const databaseName = `erasure_test_${process.pid}_${Date.now()}`;

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

if (adminUrl) {
  await adminQuery(`create database "${databaseName}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  process.env.DATABASE_URL = url.toString();
}

afterAll(async () => {
  const { closeDb } = await import("@/lib/db/client");
  await closeDb();
  if (adminUrl)
    await adminQuery(`drop database if exists "${databaseName}" with (force)`);
});
