import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import checkFile from "eslint-plugin-check-file";

// Conventions enforced by lint, not review (docs/style.md "From B"): kebab-case names, import
// boundaries, no cycles, ordered imports.
const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "drizzle/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    files: ["**/*.{ts,tsx,mjs}"],
    plugins: { "check-file": checkFile },
    // Resolving into PGlite's bundled WASM glue overflows the parser; cycles only matter in our code.
    settings: { "import/ignore": ["node_modules"] },
    rules: {
      "check-file/filename-naming-convention": [
        "error",
        { "**/*.{ts,tsx,mjs}": "KEBAB_CASE" },
        { ignoreMiddleExtensions: true },
      ],
      "check-file/folder-naming-convention": [
        "error",
        {
          "{app,components,lib,e2e,scripts,sandbox}/**/":
            "NEXT_JS_APP_ROUTER_CASE",
        },
      ],
      "import/no-cycle": ["error", { maxDepth: 10, ignoreExternal: true }],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./lib",
              from: "./app",
              message: "lib/ must not depend on app/.",
            },
            {
              target: "./components",
              from: "./app",
              message: "components/ must not depend on app/.",
            },
            {
              target: "./lib",
              from: "./sandbox",
              message: "The sandbox is a separate process.",
            },
            {
              target: "./sandbox",
              from: "./lib",
              message:
                "The sandbox implements the provider documents on its own (docs/style.md §1).",
            },
            {
              target: "./lib/providers",
              from: "./lib/runs",
              message: "Providers know nothing about runs.",
            },
            {
              target: "./lib/providers",
              from: "./lib/db",
              message: "Providers know nothing about the database.",
            },
          ],
        },
      ],
      "import/order": [
        "error",
        {
          groups: [
            "builtin",
            "external",
            "internal",
            ["parent", "sibling", "index"],
          ],
          pathGroups: [{ pattern: "@/**", group: "internal" }],
          alphabetize: { order: "asc", caseInsensitive: true },
          "newlines-between": "never",
        },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "MemberExpression[object.name='process'][property.name='env']",
          message: "Read configuration through getEnv() from lib/env.ts.",
        },
      ],
    },
  },
  {
    // Files the browser loads must never pull in server modules.
    files: ["**/*.tsx", "lib/**/queries.ts", "lib/**/schemas.ts"],
    ignores: [
      "app/**/page.tsx",
      "app/**/layout.tsx",
      "app/**/route.ts",
      "components/shell/app-shell.tsx",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db/*", "@/lib/env", "@/lib/log/*"],
              message: "Server-only module in browser code.",
            },
          ],
        },
      ],
    },
  },
  {
    // Entry points, tooling and the sandbox read the process environment directly by design.
    files: [
      "lib/env.ts",
      "lib/log/logger.ts",
      "next.config.mjs",
      "playwright.config.ts",
      "instrumentation.ts",
      "vitest.config.ts",
      "vitest.setup.ts",
      "drizzle.config.ts",
      "scripts/**",
      "lib/testing/**",
      "e2e/**",
      "sandbox/**",
      "**/*.test.ts",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
];

export default config;
