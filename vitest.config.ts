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
// Each test file then gets a database of its own (vitest.setup.ts), so console workers started
// by different files never claim each other's runs.
const postgresUrl = process.env.TEST_DATABASE_URL;

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
          // `.test.tsx` files are component tests; they run in the `components` project.
          include: ["{lib,app,sandbox,scripts,components}/**/*.test.ts"],
          exclude: ["**/*.postgres.test.ts", "**/node_modules/**"],
        },
      },
      {
        ...shared,
        test: {
          name: "components",
          environment: "jsdom",
          include: ["{app,components}/**/*.test.tsx"],
          // No database: vitest.setup.ts would create a PGlite folder per file for nothing.
          setupFiles: ["./vitest.setup.components.ts"],
          testTimeout: 30_000,
        },
      },
      ...(postgresUrl
        ? [
            {
              ...shared,
              test: {
                ...testDefaults,
                name: "postgres",
                // Only what touches the database; adapters and the sandbox do not.
                include: [
                  "lib/{audit,auth,db,http,runs,openapi}/**/*.test.ts",
                  "app/**/*.test.ts",
                ],
                exclude: ["**/*.pglite.test.ts", "**/node_modules/**"],
                env: { DATABASE_URL: postgresUrl },
              },
            },
          ]
        : []),
    ],
  },
});
