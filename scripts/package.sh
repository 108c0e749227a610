#!/usr/bin/env bash
# Builds the .deb from a configured build folder (default build/ci, as scripts/test.sh leaves it) and
# checks it as a user gets it: its metadata validated, unpacked into a scratch root, its Depends
# resolvable by apt, and the installed tokenscope-cli and tokenscope run from that root.
#   scripts/package.sh [BUILD_DIR]      prints the package's path last
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:-build/ci}")
cmake --build "$build" --target tokenscope-cli tokenscope tokenscope-man >/dev/null
rm -rf "$build/package"
(cd "$build" && cpack -G DEB -B "$build/package" >/dev/null)
deb=$(ls "$build"/package/tokenscope_*.deb)

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) KB"
dpkg-deb -f "$deb" Depends | sed 's/^/depends: /'
# Every dependency resolves from the machine's archive (apt simulates the install, changing nothing).
apt-get install -s -q "$deb" >/dev/null

desktop-file-validate "$root/usr/share/applications/tokenscope.desktop"
appstreamcli validate --no-net --no-color "$root/usr/share/metainfo/io.github.tokenscope.Tokenscope.metainfo.xml" >/dev/null
test -s "$root/usr/share/icons/hicolor/scalable/apps/tokenscope.svg"
man_page="$root/usr/share/man/man1/tokenscope-cli.1.gz"
zcat "$man_page" | grep -q '^\.TH TOKENSCOPE\\-CLI 1'
for verb in $("$root/usr/bin/tokenscope-cli" --help | sed -n 's/^  \([a-z]*\) .*/\1/p'); do
  zcat "$man_page" | grep -q "^\.SS $verb\$" || { echo "the manual page lacks the verb $verb" >&2; exit 1; }
done

"$root/usr/bin/tokenscope-cli" --version
"$root/usr/bin/tokenscope-cli" demo --db "$root/demo.tokenscope" --scenario all --days 1 --seed 1 >/dev/null
QT_QPA_PLATFORM=offscreen "$root/usr/bin/tokenscope" --db "$root/demo.tokenscope" --screenshot "$root/traces.png" --panel traces
test -s "$root/traces.png"
echo "installed tokenscope-cli and tokenscope ran from $(basename "$deb")"
echo "$deb"
