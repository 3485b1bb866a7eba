"""The first day, from the package alone: the block of docs/install.md marked for this test, run as it is written
in a machine where riskd was just installed (after a purge), then what it should have left checked.

The commands come from docs/install.md itself, so the guide cannot drift from what the package does.
"""

import json
import re
from pathlib import Path

import pytest

from riskd_e2e import REPO

GUIDE = REPO / "docs" / "install.md"
MARK = "<!-- tested: Tests/system/test_5_first_day.py runs the next block -->"
AS_OF = "2030-01-01"


def guide_block():
    """The sh block right after MARK in docs/install.md."""
    text = GUIDE.read_text()
    assert text.count(MARK) == 1, "docs/install.md must mark exactly one block for this test"
    match = re.match(r"\s*```sh\n(.*?)\n```\n", text.split(MARK, 1)[1], re.S)
    assert match, "the mark in docs/install.md is not followed by a ```sh block"
    return match.group(1)


def test_the_guides_block_is_the_first_day():
    block = guide_block()
    for step in ("riskctl org import /usr/share/riskd/examples/organisations.example.csv",
                 "riskctl risk import /usr/share/riskd/examples/register.csv",
                 "riskctl ethics publish /usr/share/riskd/examples/ethical-code.md", "usermod -aG riskd-board ana",
                 "runuser -u ana -- riskctl interest declare", "riskctl report board -o board-pack.html"):
        assert step in block, step


@pytest.fixture
def first_day(machine, debs):
    """A machine with only the package, just installed (purged first), and ana, an account on no riskd group."""
    if machine.installed_version() is not None:
        machine.dpkg("--purge", "riskd")
    machine.dpkg_install(debs["current"])
    machine.sh("id ana >/dev/null 2>&1 || useradd --create-home --shell /bin/sh ana")
    machine.run(["gpasswd", "-d", "ana", "riskd-board"], check=False)
    machine.run(["rm", "-f", "/root/board-pack.html"])
    return machine


def test_the_first_day_of_the_guide_runs_with_only_the_package(first_day):
    machine = first_day
    script = "cd /root\n" + guide_block() + "\n"
    result = machine.run(["sh", "-eux"], input=script, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "board" in result.stdout  # ana's whoami after usermod

    risks = json.loads(machine.riskctl("risk", "list", "--json").stdout)["risks"]
    assert len(risks) == 21, len(risks)
    organisations = json.loads(machine.riskctl("org", "list", "--json").stdout)["organisations"]
    csv_rows = len(Path(machine.path("/usr/share/riskd/examples/organisations.example.csv")).read_text()
                   .strip().splitlines()) - 1
    assert len(organisations) == csv_rows + 1, (len(organisations), csv_rows)
    status = json.loads(machine.riskctl("ethics", "status", "--json").stdout)
    assert [entry["user"] for entry in status["acknowledged"]] == ["ana"] and not status["pending"], status

    pack = Path(machine.path("/root/board-pack.html")).read_text()
    for words in ("No ethical code", "Udruženje Prevent", "has acknowledged version 1", "ana"):
        assert words in pack, words


def test_the_shipped_template_is_riskds_own(first_day):
    """report.template set to the shipped copy gives the same pack, byte for byte, as riskd's built-in one; a marked
    copy first shows that the key is applied (else the two would agree for want of a change)."""
    machine = first_day
    machine.riskctl("risk", "import", "/usr/share/riskd/examples/register.csv")
    config = Path(machine.path("/etc/riskd/riskd.toml"))
    original = config.read_text()
    assert '#template = ""' in original and "/usr/share/riskd/board-pack.mustache" in original
    shipped = "/usr/share/riskd/board-pack.mustache"
    marked = Path(machine.path("/etc/riskd/marked.mustache"))
    marked.write_text(Path(machine.path(shipped)).read_text() + "<!-- marked -->\n")

    def pack():
        # The footer's audit head moves on: each change of template is an audit entry (subject "configuration").
        reply = json.loads(machine.riskctl("report", "board", "--as-of", AS_OF, "--json").stdout)
        return reply["html"].replace(reply["auditHead"], "AUDIT-HEAD")

    def use(template):
        config.write_text(original.replace('#template = ""', 'template = "%s"' % template))
        machine.run(["systemctl", "reload", "riskd.service"])

    built_in = pack()
    try:
        use("/etc/riskd/marked.mustache")
        machine.wait_until("the marked template in use", lambda: "<!-- marked -->" in pack())
        use(shipped)
        from_shipped = machine.wait_until("the shipped template in use",
                                          lambda: (lambda html: html if "<!-- marked -->" not in html else None)(pack()))
    finally:
        config.write_text(original)
        marked.unlink()
        machine.run(["systemctl", "reload", "riskd.service"])
    assert from_shipped == built_in

    def template_changes():
        entries = json.loads(machine.riskctl("audit", "log", "--subject", "configuration", "--json").stdout)["entries"]
        changed = [json.loads(entry["detail"])["changed"] for entry in entries]
        return changed if len(changed) >= 3 else None

    # Marked, shipped, riskd's own again: three changes of the pack's template, each in the audit trail.
    assert machine.wait_until("the template changes audited", template_changes)[-3:] == ["template"] * 3
