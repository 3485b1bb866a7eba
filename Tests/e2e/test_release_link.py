"""Release builds link without the mktemp warning.

The toolchain's static Foundation calls mktemp in its temporary-file code, and GNU ld prints glibc's link-time
warning about it in every static link of a Foundation program. The Makefile's STATIC_FLAGS link with the
toolchain's lld, which does not. Checked on a three-line Foundation program built the way `make release` links
riskd (a release build of riskd itself takes minutes), with the flags read from the Makefile.
"""

import re
import shutil
import subprocess

import pytest

from riskd_e2e import REPO, make_test_dir

PROGRAM = 'import Foundation\nprint(FileManager.default.fileExists(atPath: "/"), Data("x".utf8).count)\n'


def swiftc():
    found = shutil.which("swiftc") or "/opt/swift/usr/bin/swiftc"
    if not shutil.which(found):
        pytest.fail("swiftc not found")
    return found


def static_flags():
    text = (REPO / "Makefile").read_text()
    match = re.search(r"^STATIC_FLAGS := (.*)$", text, re.M)
    assert match, "no STATIC_FLAGS in the Makefile"
    flags = match.group(1).split()
    # SwiftPM flags to their swiftc equivalents.
    converted = []
    for flag in flags:
        if flag == "--static-swift-stdlib":
            converted.append("-static-stdlib")
        elif flag != "-Xswiftc":
            converted.append(flag)
    return converted


def link(flags):
    directory = make_test_dir("riskd-link-")
    try:
        (directory / "main.swift").write_text(PROGRAM)
        result = subprocess.run([swiftc(), "-O", *flags, str(directory / "main.swift"), "-o", str(directory / "m")],
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        run = subprocess.run([str(directory / "m")], capture_output=True, text=True, timeout=30)
        assert run.stdout == "true 1\n", run
        return result.stderr
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def test_the_default_static_link_warns_about_mktemp():
    # Shows that the check below can fail: without lld the warning is there.
    assert "mktemp" in link(["-static-stdlib"])


def test_release_flags_link_without_the_mktemp_warning():
    assert "mktemp" not in link(static_flags())
