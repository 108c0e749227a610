#!/usr/bin/env bash
# Quick start 2: install what is missing, build with warnings as errors, and run every test.
# Also builds core + CLI without any widget code, as CI must.
set -euo pipefail
cd "$(dirname "$0")/.."
stage() { printf '\n== %s\n' "$*"; }
timed() { local t0=$SECONDS; "$@"; printf '   (%ds)\n' $((SECONDS - t0)); }

# The gateway's SDK tests run the official npm clients (tests/js): installed from the committed
# lockfile when node_modules is missing or older than the lockfile.
js_deps() {
  [ -f tests/js/node_modules/.package-lock.json ] && [ ! tests/js/package-lock.json -nt tests/js/node_modules/.package-lock.json ] && return 0
  npm ci --prefix tests/js --no-audit --no-fund
}

stage "dependencies";        timed scripts/install-deps.sh; timed js_deps
stage "configure (ci)";      timed bash -c 'cmake --preset ci >/dev/null'
stage "build (ci)";          timed cmake --build --preset ci
stage "core + CLI only";     timed bash -c 'cmake --preset core-only >/dev/null && cmake --build --preset core-only --target tokenscope-cli'
stage "tests";               timed ctest --preset ci --timeout 600
stage "package (.deb)";      timed scripts/package.sh build/ci
