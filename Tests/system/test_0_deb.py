"""The package as a file, before any machine: what it holds, what it depends on, and what lintian says of it.

lintian runs with --fail-on error,warning and the package's own overrides (packaging/deb/lintian-overrides, each
with its reason); info and pedantic tags are printed, not failed on.
"""

import subprocess

from conftest import package
from riskd_e2e import REPO

EXPECTED = [
    "./usr/bin/riskd", "./usr/bin/riskctl", "./lib/systemd/system/riskd.service", "./lib/systemd/system/riskd.socket",
    "./lib/systemd/system/riskd-mail.service", "./lib/systemd/system/riskd-mail.timer",
    "./usr/share/man/man8/riskd-mail.service.8.gz",
    "./usr/lib/sysusers.d/riskd.conf", "./usr/lib/systemd/catalog/riskd.catalog", "./etc/riskd/riskd.toml",
    "./usr/share/man/man1/riskctl.1.gz", "./usr/share/man/man5/riskd.toml.5.gz",
    "./usr/share/man/man7/riskd-varlink.7.gz", "./usr/share/man/man8/riskd.8.gz",
    "./usr/share/bash-completion/completions/riskctl", "./usr/share/zsh/vendor-completions/_riskctl",
    "./usr/share/fish/vendor_completions.d/riskctl.fish", "./usr/share/doc/riskd/copyright",
    "./usr/share/doc/riskd/changelog.gz",
]


def deb(*arguments):
    return subprocess.run(["dpkg-deb", *arguments], capture_output=True, text=True, check=True, timeout=120).stdout


def test_the_package_holds_every_file_and_the_configuration_as_a_conffile():
    path = package("RISKD_DEB")
    listing = {line.split()[-1] for line in deb("-c", path).splitlines()}
    missing = [name for name in EXPECTED if name not in listing]
    assert not missing, missing
    conffiles = subprocess.run(["sh", "-c", "dpkg-deb --ctrl-tarfile '%s' | tar -xO ./conffiles" % path],
                               capture_output=True, text=True, check=True, timeout=60).stdout
    assert conffiles.split() == ["/etc/riskd/riskd.toml"], conffiles
    fields = deb("-f", path, "Depends", "Installed-Size", "Architecture")
    for dependency in ("libc6", "libsqlite3-0", "libsystemd0", "systemd"):
        assert dependency in fields, fields
    # make release packs relative relocations (DT_RELR), which need glibc 2.36 though no symbol says so.
    assert "libc6 (>= 2.36)" in fields, fields
    print(fields)


def shared_files():
    """(source in the tree, path in the package) of packaging/share-files: the examples and the template."""
    entries = []
    for line in (REPO / "packaging" / "share-files").read_text().splitlines():
        if line and not line.startswith("#"):
            source, directory = line.split()
            place = "/usr/share/riskd/" + ("" if directory == "." else directory + "/")
            entries.append((source, place + source.rsplit("/", 1)[-1]))
    return entries


def test_the_package_ships_the_examples_and_the_board_pack_template():
    path = package("RISKD_DEB")
    shipped = shared_files()
    places = [place for _, place in shipped]
    for expected in ("/usr/share/riskd/examples/ethical-code.md", "/usr/share/riskd/examples/register.csv",
                     "/usr/share/riskd/examples/organisations.example.csv", "/usr/share/riskd/board-pack.mustache"):
        assert expected in places, expected
    listing = {line.split()[-1] for line in deb("-c", path).splitlines()}
    for source, place in shipped:
        assert "." + place in listing, place
        data = subprocess.run(["sh", "-c", "dpkg-deb --fsys-tarfile '%s' | tar -xO '.%s'" % (path, place)],
                              capture_output=True, check=True, timeout=120).stdout
        assert data == (REPO / source).read_bytes(), "%s is not %s" % (place, source)
    # The installed configuration names the template where the package puts it.
    config = subprocess.run(["sh", "-c", "dpkg-deb --fsys-tarfile '%s' | tar -xO ./etc/riskd/riskd.toml" % path],
                            capture_output=True, text=True, check=True, timeout=120).stdout
    assert "/usr/share/riskd/board-pack.mustache" in config and "Sources/RiskDaemon" not in config


def test_riskctl_carries_no_icu_data_and_riskd_does():
    """riskctl is built on FoundationEssentials: ICU's data (the icudt… blob, about 30 MB) is not linked in. riskd
    needs full Foundation (GRDB, TOMLKit and swift-mustache import it, docs/size.md), so it shows that the check can
    fail."""
    path = package("RISKD_DEB")
    for program, expected in (("riskctl", False), ("riskd", True)):
        data = subprocess.run(["sh", "-c", "dpkg-deb --fsys-tarfile '%s' | tar -xO ./usr/bin/%s" % (path, program)],
                              capture_output=True, check=True, timeout=120).stdout
        print("%s: %.1f MB stripped" % (program, len(data) / 1e6))
        found = b"icudt" in data
        assert found == expected, "%s: ICU data %s" % (program, "linked in" if found else "missing")


def test_lintian_finds_no_error_or_warning():
    result = subprocess.run(["lintian", "--fail-on", "error,warning", "--display-info",
                             package("RISKD_DEB")], capture_output=True, text=True, timeout=600)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
