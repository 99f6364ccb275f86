#!/usr/bin/env bash
# `npm test`: install what is missing, then run every unit and end-to-end test, and close on one
# summary line ("Tests: N passed, N failed, N skipped").
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund || exit 1
fi
bash scripts/ensure-chromium.sh || exit 1
bash scripts/ensure-postgres.sh || exit 1

rm -rf tests/.tmp && mkdir -p tests/.tmp
failed=0

# Types and lint first: a type error or a layer crossing fails the run as a test would.
echo "== typecheck (tsc, every project: app, lib, db, scripts, tests, bench)"
node_modules/.bin/tsc --noEmit -p tsconfig.json || { echo "typecheck" >> tests/.tmp/failed-checks; failed=1; }

echo "== lint (eslint)"
node_modules/.bin/eslint --cache --cache-location node_modules/.cache/eslint/ . || { echo "lint" >> tests/.tmp/failed-checks; failed=1; }

echo "== unit and database tests (vitest)"
node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json=tests/.tmp/vitest.json || failed=1

echo "== build"
node_modules/.bin/next build || { echo "build failed"; failed=1; }

if [ -f .next/BUILD_ID ]; then
  echo "== end-to-end tests (Playwright, Chromium)"
  node_modules/.bin/playwright test "$@" || failed=1

  echo "== API and reliability tests on PostgreSQL 15 (Playwright, a throwaway server)"
  if url=$(node_modules/.bin/tsx tests/support/throwaway-postgres.ts start tests/.tmp/postgres.json); then
    E2E_DATABASE_URL="$url" node_modules/.bin/playwright test --project=api-postgres || failed=1
    node_modules/.bin/tsx tests/support/throwaway-postgres.ts stop tests/.tmp/postgres.json || failed=1
  else
    failed=1
  fi
fi

node scripts/summarize-tests.mjs tests/.tmp/vitest.json tests/.tmp/playwright.json tests/.tmp/playwright-postgres.json || failed=1
exit $failed
