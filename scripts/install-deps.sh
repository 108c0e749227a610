#!/usr/bin/env bash
# Installs the Debian 12 packages Tokenscope builds and tests with; does nothing when all are there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-charts-dev libgl-dev          # Qt 6 Widgets, QtCharts (libgl-dev: Qt's CMake wants OpenGL)
  libcurl4-openssl-dev libsqlite3-dev nlohmann-json3-dev zlib1g-dev
  libpcre2-dev                                   # tokenizer pre-split (PCRE2 with JIT)
  libcpp-httplib-dev                             # the local gateway (serve), and the mock providers in tests
  libhnswlib-dev                                 # the semantic cache's nearest-neighbour index (header-only)
  libhyperscan-dev                               # guardrails: the whole pattern set scanned in one pass
  libjemalloc-dev                                # the executables' allocator (cmake/Allocator.cmake)
  qtkeychain-qt6-dev                             # API keys in the OS keychain
  gnome-keyring dbus-daemon                      # a private Secret Service for the keychain tests (with_keyring.sh)
  xvfb xauth fonts-dejavu-core                   # offscreen screenshots and a real window under Xvfb
  file desktop-file-utils appstream              # the .deb (CPack) and the checks of its metadata (scripts/package.sh)
)

# Node.js 20 with npm (the gateway's SDK tests, the tokenizer benchmark's reference) comes from the
# nodejs package already on the machine (NodeSource's, which bundles npm); Debian's own npm package
# conflicts with it, so it is never installed here.
command -v npm >/dev/null || echo "warning: npm not found: install Node.js 20 (nodejs from NodeSource) for tests/js" >&2

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
