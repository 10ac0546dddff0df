import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { executeRows, openDb } from "./open-db";

// Runs only in the PostgreSQL project (vitest.config.ts), where DATABASE_URL points at a server.
describe("PostgreSQL client", () => {
  it("lets several instances start at once: migrations are serialised, not repeated", async () => {
    const url = process.env.DATABASE_URL!;
    const handles = await Promise.all(
      [1, 2, 3].map(() => openDb({ databaseUrl: url, dataDir: "unused" })),
    );
    try {
      expect(handles.map((handle) => handle.kind)).toEqual([
        "postgres",
        "postgres",
        "postgres",
      ]);
      const rows = await executeRows(
        handles[0]!.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      const { readdirSync } = await import("node:fs");
      const migrations = readdirSync("drizzle").filter((file) =>
        file.endsWith(".sql"),
      ).length;
      expect(rows[0]).toEqual({ n: migrations });
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
  });
});
