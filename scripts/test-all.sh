#!/usr/bin/env bash
# `npm test`: install what is missing, then run every unit and end-to-end test, and close on one
# summary line ("Tests: N passed, N failed, N skipped").
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# Each phase says when it starts, so a slow run shows where its minutes went.
phase() { echo "== $1 ($(date +%T))"; }

rm -rf tests/.tmp && mkdir -p tests/.tmp
failed=0

# What the tests need from Debian (Chromium, pdftotext, PostgreSQL 15) is fetched and unpacked by
# apt while npm installs; nothing before the unit tests needs it.
phase "Debian packages the tests need (apt, when missing), in the background"
(bash scripts/ensure-chromium.sh && bash scripts/ensure-postgres.sh) > tests/.tmp/debian.out 2>&1 &
debian=$!

# better-sqlite3's native build takes a minute on one core; the type check and lint below never
# load it, so it runs beside them (npm rebuild runs the install scripts npm ci skipped).
native=""
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  phase "npm ci"
  npm ci --no-audit --no-fund --ignore-scripts || exit 1
  npm rebuild > tests/.tmp/native-build.out 2>&1 &
  native=$!
fi

# Types and lint first: a type error or a layer crossing fails the run as a test would. Each runs
# on one core, so they run side by side; their output follows, one after the other. The route
# types Next.js generates (`next typegen`) are checked with the rest, so the build below does not
# check the same files again (BUILD_TYPES_CHECKED, next.config.js).
phase "typecheck (tsc, every project: app, lib, db, scripts, tests, bench, route types) and lint (eslint), side by side"
node_modules/.bin/next typegen > tests/.tmp/typegen.out 2>&1 || { cat tests/.tmp/typegen.out; echo "typegen" >> tests/.tmp/failed-checks; failed=1; }
node_modules/.bin/tsc --noEmit -p tsconfig.json > tests/.tmp/typecheck.out 2>&1 &
typecheck=$!
node_modules/.bin/eslint --cache --cache-location node_modules/.cache/eslint/ . > tests/.tmp/lint.out 2>&1 &
lint=$!
wait $typecheck || { echo "typecheck" >> tests/.tmp/failed-checks; failed=1; }
wait $lint || { echo "lint" >> tests/.tmp/failed-checks; failed=1; }
cat tests/.tmp/typecheck.out tests/.tmp/lint.out

if [ -n "$native" ] && ! wait $native; then
  cat tests/.tmp/native-build.out; echo "npm rebuild (native modules) failed"; exit 1
fi
wait $debian || { cat tests/.tmp/debian.out; exit 1; }
cat tests/.tmp/debian.out

phase "unit and database tests (vitest)"
node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json=tests/.tmp/vitest.json || failed=1

# Built once in a checkout that is thrown away: no Turbopack cache for a next build (BUILD_CACHE).
phase "build"
BUILD_TYPES_CHECKED=1 BUILD_CACHE=off node_modules/.bin/next build || { echo "build failed"; failed=1; }

# The API suite on PostgreSQL: a throwaway cluster, its own server on its own port, its own output
# folder and report (see playwright.config.ts).
postgres_suite() {
  local url status=0
  url=$(node_modules/.bin/tsx tests/support/throwaway-postgres.ts start tests/.tmp/postgres.json) || return 1
  E2E_PORT=3200 E2E_DATABASE_URL="$url" node_modules/.bin/playwright test --project=api-postgres --pass-with-no-tests "$@" || status=1
  node_modules/.bin/tsx tests/support/throwaway-postgres.ts stop tests/.tmp/postgres.json || status=1
  return $status
}

# The API suite on SQLite: its own server, port, output folder and report.
sqlite_api_suite() {
  E2E_PORT=3300 E2E_OUTPUT_DIR=test-results-api E2E_REPORT=tests/.tmp/playwright-api.json \
    node_modules/.bin/playwright test --project=api --pass-with-no-tests "$@"
}

if [ -f .next/BUILD_ID ]; then
  # The three Playwright runs side by side: each alone leaves a sixth to two fifths of the cores
  # idle, waiting on its one server. They share no server, database, port (a spec's own servers
  # move with E2E_PORT) or output folder. The API suites' output is kept until the browser's is done.
  phase "browser tests on SQLite (Playwright, Chromium) beside the API and reliability tests on SQLite and on PostgreSQL 15 (their output after it)"
  sqlite_api_suite "$@" > tests/.tmp/api-suite.log 2>&1 &
  sqlite_api=$!
  postgres_suite "$@" > tests/.tmp/postgres-suite.log 2>&1 &
  postgres=$!
  node_modules/.bin/playwright test --project=chromium --pass-with-no-tests "$@" || failed=1
  wait $sqlite_api || failed=1
  wait $postgres || failed=1
  phase "API and reliability tests on SQLite: their output"
  cat tests/.tmp/api-suite.log
  phase "API and reliability tests on PostgreSQL 15: their output"
  cat tests/.tmp/postgres-suite.log
fi

phase "summary"
node scripts/summarize-tests.mjs tests/.tmp/vitest.json tests/.tmp/playwright-api.json tests/.tmp/playwright.json tests/.tmp/playwright-postgres.json || failed=1
exit $failed
