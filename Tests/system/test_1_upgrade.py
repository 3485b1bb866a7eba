"""Installing the package on a machine that never had riskd, using it, then upgrading it.

The first install creates the riskd and riskd-mail users and the groups (systemd-sysusers), registers the journal
catalog, enables and starts riskd.socket, riskd.service and riskd-mail.timer. The register is then filled (the 21 risks of examples/register.csv, a code
of ethics), the configuration edited, and the package upgraded: dpkg keeps the edited conffile, the postinst
restarts riskd.service on the new binary, and the risks and the audit chain, up to the head read before, are intact.
The previous version is the same build packaged with a lower version (see conftest.py).
"""

import json
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def verify(machine, *arguments):
    return json.loads(machine.riskctl("audit", "verify", "--json", *arguments).stdout)


def test_first_install_creates_users_catalog_and_starts_the_units(machine, debs):
    if machine.installed_version() is not None:
        machine.dpkg("--purge", "riskd")
    output = machine.dpkg_install(debs["previous"])
    assert machine.installed_version() == debs["previous_version"], output
    passwd = Path(machine.path("/etc/passwd")).read_text()
    assert "\nriskd:x:" in passwd and ":/var/lib/riskd:" in passwd, passwd
    groups = Path(machine.path("/etc/group")).read_text()
    for group in ("riskd", "riskd-admin", "riskd-board", "riskd-audit"):
        assert "\n%s:x:" % group in groups, group
    catalog = machine.run(["journalctl", "--list-catalog"]).stdout
    assert "102927c9fb4a4bc7a0d6461db84c36a1" in catalog, "the catalog was not registered"
    assert "\nriskd-mail:x:" in passwd, passwd
    for unit in ("riskd.socket", "riskd.service", "riskd-mail.timer"):
        state = machine.show(unit, "ActiveState", "UnitFileState")
        assert state == {"ActiveState": "active", "UnitFileState": "enabled"}, (unit, state)
    assert Path(machine.path("/run/riskd/riskd.sock")).is_socket()


def test_upgrade_keeps_the_edited_configuration_the_register_and_the_chain(machine, debs):
    if machine.installed_version() != debs["previous_version"]:
        test_first_install_creates_users_catalog_and_starts_the_units(machine, debs)
    shutil.copy(REPO / "examples/register.csv", machine.path("/root/register.csv"))
    shutil.copy(REPO / "examples/ethical-code.md", machine.path("/root/ethical-code.md"))
    machine.riskctl("risk", "import", "/root/register.csv")
    machine.riskctl("ethics", "publish", "/root/ethical-code.md", "--title", "Code of Ethics")
    before = verify(machine)
    assert before["ok"], before
    risks_before = json.loads(machine.riskctl("risk", "list", "--json").stdout)["risks"]
    assert len(risks_before) == 21
    config = Path(machine.path("/etc/riskd/riskd.toml"))
    config.write_text(config.read_text() + "\n# edited by the administrator before the upgrade\n")
    pid = machine.main_pid()

    output = machine.dpkg_install(debs["current"])
    assert machine.installed_version() == debs["version"], output
    assert "edited by the administrator" in config.read_text(), "the upgrade replaced the edited configuration"
    assert not Path(machine.path("/etc/riskd/riskd.toml.dpkg-new")).exists()
    assert machine.show("riskd.service", "ActiveState")["ActiveState"] == "active"
    assert machine.main_pid() not in (0, pid), "riskd.service was not restarted on the new binary"

    risks_after = json.loads(machine.riskctl("risk", "list", "--json").stdout)["risks"]
    assert [(r["id"], r["title"]) for r in risks_after] == [(r["id"], r["title"]) for r in risks_before]
    after = verify(machine, "--head", before["head"])
    assert after["ok"], after
    assert json.loads(machine.riskctl("ethics", "show", "--json").stdout)["code"]["version"] == 1
