#!/usr/bin/env bash
# make size: what riskd's and riskctl's bytes are, from the release build (`make release`), measured as the package
# measures them: a stripped copy. Then riskd linked again with a link map, summed by module (bench/linkmap.py), and
# small probe programs linked from the same objects, each importing one dependency alone, to show which of them
# brings Foundation, and with it ICU's data, into a program. docs/size.md reads the figures.
# Usage: bench/size.sh   (LINK_FLAGS: the linker flags of the Makefile's STATIC_FLAGS; RELEASE_DIR, CHECKOUTS: another build)
set -euo pipefail
cd "$(dirname "$0")/.."
swiftc=${SWIFTC:-$(dirname "$(command -v "${SWIFT:-swift}")")/swiftc}
release=$(cd "${RELEASE_DIR:-.build/release}" && pwd -P)
checkouts=${CHECKOUTS:-$PWD/.build/checkouts}
link_flags=${LINK_FLAGS:--use-ld=lld -Xlinker -z -Xlinker now -Xlinker --no-export-dynamic -Xlinker -z -Xlinker pack-relative-relocs}
work=$(mktemp -d /tmp/riskd-size-XXXXXX)
trap 'rm -rf "$work"' EXIT
test -x "$release/riskd" -a -x "$release/riskctl" || { echo "no release build in $release: run make release" >&2; exit 1; }

mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%5.1f MB", b / 1e6 }'; }
icu() { if grep -q icudt "$1"; then echo "ICU data linked in"; else echo "no ICU data"; fi; }

echo "== stripped (strip --remove-section=.comment --remove-section=.note, as packaging/deb/build-deb.sh) =="
for program in riskd riskctl; do
    strip --remove-section=.comment --remove-section=.note -o "$work/$program" "$release/$program"
    echo "$program  $(mb "$work/$program")  $(icu "$work/$program")"
done

echo
echo "== riskd by module (allocated sections of a link map; the toolchain's archives by name) =="
# shellcheck disable=SC2086
"$swiftc" -L/usr/lib/x86_64-linux-gnu -lsystemd -lstdc++ -L "$release" -o "$work/riskd-mapped" -static-stdlib \
    -emit-executable -Xlinker --gc-sections -Xlinker --defsym -Xlinker main=riskd_main \
    "@$release/riskd.product/Objects.LinkFileList" $link_flags -Xlinker "-Map=$work/riskd.map" 2>/dev/null
python3 bench/linkmap.py "$work/riskd.map" 25

echo
echo "== probes: a program importing one module alone, static Swift runtime, stripped =="
objects() { for module in "$@"; do find "$release/$module.build" -name '*.o'; done; }
probe() {  # $1 name, $2 source, $3 modules to link, $4 libraries
    local name=$1
    printf '%s\n' "$2" >"$work/$name.swift"
    # shellcheck disable=SC2046,SC2086
    "$swiftc" -O -static-stdlib -parse-as-library -module-name "probe_$name" -I "$release/Modules" \
        -module-cache-path "$work/cache" \
        -Xcc "-fmodule-map-file=$checkouts/GRDB.swift/Sources/GRDBSQLite/module.modulemap" \
        -Xcc "-fmodule-map-file=$release/CTOML.build/module.modulemap" \
        -Xlinker --gc-sections $link_flags "$work/$name.swift" $(objects $3) $4 -o "$work/$name" 2>"$work/$name.err" || {
        echo "$name: does not build (see below)"; cat "$work/$name.err"; return; }
    strip -o "$work/$name.stripped" "$work/$name"
    printf '%-24s %s  %s\n' "$name" "$(mb "$work/$name.stripped")" "$(icu "$work/$name.stripped")"
}
probe "nothing" '@main struct P { static func main() { print("hi") } }' "" ""
probe "FoundationEssentials" 'import FoundationEssentials
@main struct P { static func main() throws { print(try JSONEncoder().encode(["a": Date()]).count) } }' "" ""
probe "Foundation" 'import Foundation
@main struct P { static func main() throws { print(try JSONEncoder().encode(["a": Date()]).count) } }' "" ""
probe "GRDB" 'import GRDB
@main struct P { static func main() throws { print(try DatabaseQueue().read { try Int.fetchOne($0, sql: "SELECT 1") } ?? 0) } }' \
    "GRDB" "-lsqlite3"
probe "TOMLKit" 'import TOMLKit
@main struct P { static func main() throws { print(try TOMLTable(string: "a = 1")["a"]?.int ?? 0) } }' \
    "TOMLKit CTOML" "-lstdc++"
probe "Mustache" 'import Mustache
@main struct P { static func main() throws { print(try MustacheTemplate(string: "{{a}}").render(["a": 1])) } }' \
    "Mustache" ""
probe "RiskCore" 'import RiskCore
@main struct P { static func main() { print(NameMatching.matchingForm("Udruženje Đorđe")) } }' "RiskCore" ""
