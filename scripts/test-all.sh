#!/usr/bin/env bash
# `npm test`: every test — format, lint, types, unit + integration (PGlite, and PostgreSQL when
# TEST_DATABASE_URL is set), component tests (jsdom), then end-to-end in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format (prettier --check)"
npx prettier --check . --log-level warn
step "lint (eslint)"
npx eslint --max-warnings 0 .
step "types (tsc)"
npx tsc --noEmit
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "unit, integration and components (vitest: PGlite, jsdom and PostgreSQL at ${TEST_DATABASE_URL})"
else
  step "unit, integration and components (vitest: PGlite, jsdom; set TEST_DATABASE_URL to add PostgreSQL)"
fi
npx vitest run
step "end-to-end (Playwright, Chromium)"
npx playwright test
