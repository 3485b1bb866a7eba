#!/usr/bin/env bash
# Builds riskd_VERSION_ARCH.deb with dpkg-deb from binaries already built (`make deb` builds them first).
#
#   bash packaging/deb/build-deb.sh BINDIR OUTDIR [VERSION]
#
# BINDIR holds riskd and riskctl (release builds, Swift runtime linked in); VERSION defaults to riskd's own
# (RiskdProtocol.version). The package's files are laid out as debhelper would lay them out for Debian 12: units in
# /lib/systemd/system, manuals gzipped, the changelog and copyright in /usr/share/doc/riskd. Depends comes from
# dpkg-shlibdeps on the binaries. Prints the path of the .deb on its last line.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
bindir=$(cd "${1:?usage: build-deb.sh BINDIR OUTDIR [VERSION]}" && pwd)
mkdir -p "${2:?usage: build-deb.sh BINDIR OUTDIR [VERSION]}"
outdir=$(cd "$2" && pwd)
version=${3:-$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' "$repo/Sources/RiskProtocol/RiskdProtocol.swift")}
[ -n "$version" ] || { echo "build-deb.sh: no version found" >&2; exit 1; }
arch=$(dpkg --print-architecture)
for tool in dpkg-deb dpkg-shlibdeps strip objdump gzip; do
    command -v "$tool" >/dev/null || { echo "build-deb.sh: $tool is missing (make deb installs dpkg-dev)" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/riskd-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
root="$work/root"
doc="$root/usr/share/doc/riskd"
install -d "$root/DEBIAN" "$root/usr/bin" "$root/lib/systemd/system" "$root/usr/lib/sysusers.d" \
    "$root/usr/lib/systemd/catalog" "$root/etc/riskd" "$doc" "$root/usr/share/lintian/overrides" \
    "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
    "$root/usr/share/fish/vendor_completions.d"

# Binaries, stripped as dh_strip strips them.
for program in riskd riskctl; do
    install -m 0755 "$bindir/$program" "$root/usr/bin/$program"
    strip --remove-section=.comment --remove-section=.note "$root/usr/bin/$program"
done
# The login shell of board accounts: riskctl by another name (postinst lists it in /etc/shells).
ln -s riskctl "$root/usr/bin/riskctl-shell"
# The sshd drop-in for board accounts, off until the administrator links it into /etc/ssh/sshd_config.d.
install -D -m 0644 "$repo/packaging/sshd/riskd-board.conf" "$root/usr/share/riskd/sshd/riskd-board.conf"

install -m 0644 "$repo/systemd/riskd.service" "$repo/systemd/riskd.socket" "$repo/systemd/riskd-mail.service" \
    "$repo/systemd/riskd-mail.timer" "$root/lib/systemd/system/"
install -m 0644 "$repo/systemd/riskd.sysusers" "$root/usr/lib/sysusers.d/riskd.conf"
install -m 0644 "$repo/systemd/riskd.catalog" "$root/usr/lib/systemd/catalog/riskd.catalog"
install -m 0644 "$repo/config/riskd.toml" "$root/etc/riskd/riskd.toml"
# The examples and the board-pack template, as make install puts them (packaging/share-files).
grep -v '^#' "$repo/packaging/share-files" | while read -r source directory; do
    install -D -m 0644 "$repo/$source" "$root/usr/share/riskd/$directory/${source##*/}"
done

for page in "$repo"/man/*.[0-9]; do
    name=${page##*/}
    install -d "$root/usr/share/man/man${name##*.}"
    gzip -9n < "$page" > "$root/usr/share/man/man${name##*.}/$name.gz"
done
# riskctl-shell is riskctl by another name; its manual is riskctl(1), section RISKCTL-SHELL.
ln -s riskctl.1.gz "$root/usr/share/man/man1/riskctl-shell.1.gz"

# bash-completion sources its files: no #! line (argument-parser writes one).
"$bindir/riskctl" --generate-completion-script bash | sed '1{/^#!/d}' > "$root/usr/share/bash-completion/completions/riskctl"
"$bindir/riskctl" --generate-completion-script zsh > "$root/usr/share/zsh/vendor-completions/_riskctl"
"$bindir/riskctl" --generate-completion-script fish > "$root/usr/share/fish/vendor_completions.d/riskctl.fish"

install -m 0644 "$here/copyright" "$doc/copyright"
sed "s/@VERSION@/$version/; s/@DATE@/$(date -R -d @"${SOURCE_DATE_EPOCH:-$(git -C "$repo" log -1 --format=%ct)}")/" \
    "$here/changelog" | gzip -9n > "$doc/changelog.gz"
install -m 0644 "$here/lintian-overrides" "$root/usr/share/lintian/overrides/riskd"

for script in postinst prerm postrm; do
    install -m 0755 "$here/$script" "$root/DEBIAN/$script"
done
echo /etc/riskd/riskd.toml > "$root/DEBIAN/conffiles"

# dpkg-shlibdeps reads debian/control of the directory it runs in.
mkdir -p "$work/src/debian"
printf 'Source: riskd\n\nPackage: riskd\nArchitecture: any\n' > "$work/src/debian/control"
depends=$(cd "$work/src" && dpkg-shlibdeps -O "$root/usr/bin/riskd" "$root/usr/bin/riskctl" 2>/dev/null |
    sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "build-deb.sh: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
# Packed relative relocations (DT_RELR, `make release` links with them) need glibc 2.36: the binaries name the
# GLIBC_ABI_DT_RELR version, which has no symbol, so dpkg-shlibdeps does not see it. Not `grep -q`: it stops at the
# first match, objdump then dies of SIGPIPE, and pipefail makes the test false.
if objdump -p "$root/usr/bin/riskd" "$root/usr/bin/riskctl" | grep GLIBC_ABI_DT_RELR >/dev/null; then
    depends=$(echo "$depends" | sed 's/libc6 (>= [0-9.~]*)/libc6 (>= 2.36)/')
fi

installed_kib=$(du -k -s --apparent-size --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@DEPENDS@/$depends/" \
    -e "s/@INSTALLED_SIZE@/$installed_kib/" "$here/control" > "$root/DEBIAN/control"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\n' | LC_ALL=C sort | xargs md5sum) \
    > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums" "$root/DEBIAN/conffiles" "$root/DEBIAN/control"

deb="$outdir/riskd_${version}_${arch}.deb"
# xz -9: its 64 MiB window (8 MiB at the default level, -6) reaches from one program back into the other, and riskd
# and riskctl carry the same Swift runtime and FoundationEssentials: 20.8 MB instead of 25.3 MB (unpacking needs
# 65 MiB of memory; zstd -19 gave 28.1 MB). docs/size.md.
dpkg-deb --root-owner-group -Zxz -z9 --build "$root" "$deb" >/dev/null
echo "$deb"
