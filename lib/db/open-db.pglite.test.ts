import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, getDbHandle } from "./client";
import { executeRows } from "./open-db";

const run = promisify(execFile);

describe("embedded PGlite", () => {
  it("applies the migrations and answers SQL", async () => {
    const handle = await getDbHandle();
    expect(handle.kind).toBe("pglite");
    const db = await getDb();
    const rows = await executeRows(
      db,
      sql`select count(*)::int as n from users`,
    );
    expect(rows[0]).toEqual({ n: expect.any(Number) });
  });

  it("refuses a second process on the same data folder with a clear message", async () => {
    await getDbHandle();
    const attempt = run(
      process.execPath,
      [
        "node_modules/tsx/dist/cli.mjs",
        "--conditions=react-server",
        "scripts/cli.ts",
        "user",
        "list",
      ],
      { env: { ...process.env, DATABASE_URL: "" } },
    );
    const failure = await attempt.then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(`is in use by process ${process.pid}`);
    expect(failure?.stderr).toContain("DATABASE_URL");
  });
});
