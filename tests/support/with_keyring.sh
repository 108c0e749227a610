#!/usr/bin/env bash
# Runs a command inside a private Secret Service: a new session bus (dbus-run-session), a fresh
# temporary HOME, XDG_DATA_HOME and XDG_RUNTIME_DIR, and gnome-keyring-daemon unlocked with a
# throwaway password. Nothing touches the user's own keychain. Usage: with_keyring.sh COMMAND [ARGS...]
set -euo pipefail

if [ "${1:-}" != "--inside" ]; then
  [ $# -ge 1 ] || { echo "usage: with_keyring.sh COMMAND [ARGS...]" >&2; exit 2; }
  for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "with_keyring.sh: $tool is not installed (scripts/install-deps.sh)" >&2; exit 1; }
  done
  root="$(mktemp -d "${TMPDIR:-/tmp}/tokenscope-keyring.XXXXXX")"
  trap 'rm -rf "$root"' EXIT
  mkdir -p "$root/home" "$root/data" "$root/runtime"
  chmod 700 "$root/runtime"
  export HOME="$root/home" XDG_DATA_HOME="$root/data" XDG_RUNTIME_DIR="$root/runtime"
  unset GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
  # Not exec: the trap removes the temporary folder once the bus and the daemon are gone.
  dbus-run-session -- "$0" --inside "$@"
  exit $?
fi

shift
# Starts the daemon on this bus and unlocks (creating) the login keyring with the password on stdin.
eval "$(printf 'tokenscope-test\n' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
export TOKENSCOPE_KEYRING=running
"$@"
