"""Fixtures of the system tests: one booted machine for the whole session, and the packages under test.

`make test-system` (part of `make test`) builds the packages once and passes them: RISKD_DEB, the package of this
tree (`make deb`), and RISKD_DEB_PREVIOUS, the "previous version" the upgrade starts from. That one is the same
build packaged again with a lower version (build-deb.sh VERSION~previous), not an older commit's build: the upgrade
test proves the package's upgrade path (conffile kept, service restarted on the new binary, data and audit chain
intact), not migrations between schema versions.

The machine is booted once (a few seconds) and kept for the session; tests change it in the order of their files
(test_1_… to test_4_…), and each fixture below brings it to the state its tests need, so a file also runs alone.
Where the machine cannot boot a container, every test here is skipped with the reason.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from container import CannotBoot, Container

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))

SOCKET = "/run/riskd/riskd.sock"


def package(variable):
    path = os.environ.get(variable)
    if not path or not os.path.isfile(path):
        pytest.fail("%s is not set to a built package: run the system tests with `make test-system`" % variable)
    return path


def deb_version(path):
    """The Version field of the package at `path`."""
    return subprocess.run(["dpkg-deb", "-f", path, "Version"], capture_output=True, text=True, check=True,
                          timeout=60).stdout.strip()


@pytest.fixture(scope="session")
def debs():
    current, previous = package("RISKD_DEB"), package("RISKD_DEB_PREVIOUS")
    return {"current": current, "previous": previous, "version": deb_version(current),
            "previous_version": deb_version(previous)}


@pytest.fixture(scope="session")
def machine(debs):
    try:
        container = Container(files=[debs["current"], debs["previous"]])
    except CannotBoot as reason:
        pytest.skip("this machine cannot boot a systemd container, so riskd is not tested under a real systemd "
                    "here: %s" % reason)
    yield container
    container.stop()


@pytest.fixture
def installed(machine, debs):
    """The machine with this tree's package installed and riskd.service running."""
    if machine.installed_version() != debs["version"]:
        machine.dpkg_install(debs["current"])
    machine.run(["systemctl", "start", "riskd.service"])
    return machine

