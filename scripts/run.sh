#!/usr/bin/env bash
# Quick start 1: install what is missing, build, and open Tokenscope on the demo workspace
# (generated on first start; your own workspace is used once you have one).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev
exec build/dev/app/tokenscope "$@"
