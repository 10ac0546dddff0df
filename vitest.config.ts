import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside a React Server Component build; tests run server code directly.
      "server-only": path.join(
        root,
        "node_modules/next/dist/compiled/server-only/empty.js",
      ),
    },
  },
};
const testDefaults = {
  environment: "node" as const,
  setupFiles: ["./vitest.setup.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

// Repository tests run on PGlite always, and again on PostgreSQL when TEST_DATABASE_URL is set.
const adminUrl = process.env.TEST_DATABASE_URL;
const postgresUrl = adminUrl
  ? (() => {
      const url = new URL(adminUrl);
      url.pathname = `/erasure_test_${process.pid}_${Date.now()}`;
      return url.toString();
    })()
  : undefined;
if (postgresUrl) process.env.ERASURE_TEST_PG_URL = postgresUrl;

export default defineConfig({
  ...shared,
  test: {
    pool: "forks",
    projects: [
      {
        ...shared,
        test: {
          ...testDefaults,
          name: "pglite",
          include: ["{lib,app,sandbox,scripts,components}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.postgres.test.ts", "**/node_modules/**"],
        },
      },
      ...(postgresUrl
        ? [
            {
              ...shared,
              test: {
                ...testDefaults,
                name: "postgres",
                globalSetup: ["./vitest.postgres-setup.ts"],
                // Console workers in different test files share this database: one file at a time.
                fileParallelism: false,
                include: ["{lib,app}/**/*.test.{ts,tsx}"],
                exclude: ["**/*.pglite.test.ts", "**/node_modules/**"],
                env: { DATABASE_URL: postgresUrl },
              },
            },
          ]
        : []),
    ],
  },
});
