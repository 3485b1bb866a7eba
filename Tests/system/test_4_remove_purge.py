"""Removing the package keeps the register; installing it again serves the same data; purging deletes it, after
saying so."""

import json
from pathlib import Path


def risk_ids(machine):
    return [risk["id"] for risk in json.loads(machine.riskctl("risk", "list", "--json").stdout)["risks"]]


def test_remove_keeps_the_data_and_install_serves_it_again(installed, debs):
    installed.riskctl("risk", "add", "--title", "Kept across remove", "--category", "operational",
                      "--likelihood", "2", "--impact", "2")
    before = risk_ids(installed)
    head = json.loads(installed.riskctl("audit", "verify", "--json").stdout)["head"]

    output = installed.dpkg("--remove", "riskd")
    assert installed.installed_version() is None, output
    assert "kept /var/lib/riskd" in output, output
    assert Path(installed.path("/var/lib/riskd/riskd.sqlite")).is_file()
    assert not Path(installed.path("/usr/bin/riskd")).exists()
    for unit in ("riskd.service", "riskd-mail.timer", "riskd-mail.service"):
        assert installed.show(unit, "LoadState")["LoadState"] in ("not-found", "masked"), unit
    assert Path(installed.path("/etc/riskd/riskd.toml")).is_file(), "remove deleted the conffile"

    installed.dpkg_install(debs["current"])
    assert risk_ids(installed) == before
    assert json.loads(installed.riskctl("audit", "verify", "--json", "--head", head).stdout)["ok"]
    for unit in ("riskd.socket", "riskd.service", "riskd-mail.timer"):
        assert installed.show(unit, "ActiveState", "UnitFileState") == {"ActiveState": "active",
                                                                        "UnitFileState": "enabled"}, unit


def test_purge_says_it_deletes_the_data_then_does(installed):
    output = installed.dpkg("--purge", "riskd")
    assert installed.installed_version() is None, output
    assert "deleting /var/lib/riskd" in output, output
    assert not Path(installed.path("/var/lib/riskd")).exists()
    assert not Path(installed.path("/etc/riskd/riskd.toml")).exists()
    for unit in ("riskd.socket", "riskd.service", "riskd-mail.timer", "riskd-mail.service"):
        assert installed.show(unit, "LoadState")["LoadState"] == "not-found", unit
    left = [*Path(installed.path("/etc/systemd/system")).rglob("riskd.*"),
            *Path(installed.path("/etc/systemd/system")).rglob("riskd-mail.*")]
    assert not left, "links left behind: %s" % left
