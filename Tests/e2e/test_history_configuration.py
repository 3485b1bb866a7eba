"""A past document does not change when riskd.toml changes, end to end: a register grown in March under one
organisation name, board pack template and risk thresholds; riskd restarted in June with another name, thresholds
and the template file rewritten in place, then reloaded (SIGHUP) with a third name. The pack, the public register
and the minutes for a day in March read the same, byte for byte, as riskd's replies and as riskctl writes them
(HTML and text); a document as of now reads with the new settings, and the audit trail says what changed.
Times are the debug build's test clock.
"""
import json
import signal
import subprocess
from pathlib import Path

from board_pack_register import declare
from riskd_e2e import RISKCTL, Daemon, config_text, make_test_dir

MARCH = "2027-03-20"
MARCH_TEMPLATE = "<!DOCTYPE html><title>{{title}}</title><p>March: {{#bands}}{{band}} {{range}};{{/bands}}</p>" \
    "<p>{{#heatMaps}}{{title}}={{total}};{{/heatMaps}}</p><p>{{auditHead}}</p>\n"
JUNE_TEMPLATE = "<!DOCTYPE html><title>{{title}}</title><p>June: {{#bands}}{{band}} {{range}};{{/bands}}</p>\n"


def settings(name, template, high_from):
    return '[organisation]\nname = "%s"\n\n[risk]\nhigh_from = %d\n\n[report]\ntemplate = "%s"\n' \
        % (name, high_from, template)


def riskctl(daemon, *args):
    result = subprocess.run([RISKCTL, "--socket", daemon.socket, *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def documents(daemon, as_of):
    """Every document for `as_of`: riskd's replies, and what riskctl writes of them in each format."""
    return {
        "pack": daemon.call("org.riskd.report.Board", asOf=as_of),
        "confidential pack": daemon.call("org.riskd.report.Board", asOf=as_of, confidential=True, meetingId=1),
        "register": daemon.call("org.riskd.interest.Register", asOf=as_of),
        "minutes": daemon.call("org.riskd.meeting.Minutes", id=1, asOf=as_of, format="html"),
        "riskctl pack": riskctl(daemon, "report", "board", "--as-of", as_of),
        "riskctl register": riskctl(daemon, "interest", "register", "--as-of", as_of),
        "riskctl register html": riskctl(daemon, "interest", "register", "--as-of", as_of, "--format", "html"),
        "riskctl minutes": riskctl(daemon, "meeting", "minutes", "M-1", "--as-of", as_of),
        "riskctl minutes html": riskctl(daemon, "meeting", "minutes", "M-1", "--as-of", as_of, "--format", "html"),
    }


def test_the_march_documents_read_the_same_after_riskd_toml_changed(users, user_calls):
    directory = make_test_dir()
    template = directory / "pack.mustache"
    template.write_text(MARCH_TEMPLATE, encoding="utf-8")
    daemon = Daemon(directory, extra_config=settings("Network March", template, 10), now="2027-03-01T09:00:00Z")
    try:
        daemon.start()
        # Score 12: high under high_from = 10, medium under 13.
        daemon.call("org.riskd.risk.Add", title="Funding overlap", category="financial", likelihood=3, impact=4)
        daemon.call("org.riskd.organisation.Add", name="Western Balkan Fund", aliases=["WBF"], kind="funder")
        declare(user_calls, daemon, "rdt-board", kind="employment", organisation="WBF",
                description="Trainer at the fund", startedOn="2027-02-01")
        daemon.call("org.riskd.meeting.Create", title="Board meeting", date="2027-03-15")
        daemon.call("org.riskd.meeting.AddItem", meetingId=1, title="Grant round",
                    organisations=["Western Balkan Fund"])
        daemon.call("org.riskd.meeting.Publish", id=1)
        daemon.set_now("2027-03-31T12:00:00Z")
        march = documents(daemon, MARCH)
        assert "<title>Board pack of Network March</title><p>March: " in march["pack"]["html"]
        assert "high 10–19;" in march["pack"]["html"]
        assert "Network March" in march["register"]["organisation"]
        assert "Network March" in march["minutes"]["html"]

        # June: another name and thresholds, and the template file rewritten in place.
        daemon.stop()
        Path(daemon.config).write_text(config_text(extra=settings("Network June", template, 13)))
        template.write_text(JUNE_TEMPLATE, encoding="utf-8")
        daemon.set_now("2027-06-15T09:00:00Z")
        daemon.start()
        assert documents(daemon, MARCH) == march
        june = daemon.call("org.riskd.report.Board")["html"]
        assert june == "<!DOCTYPE html><title>Board pack of Network June</title>" \
            "<p>June: low 1–4;medium 5–12;high 13–19;critical 20–25;</p>\n"
        assert daemon.call("org.riskd.interest.Register")["organisation"] == "Network June"

        # A reload applies a third name from then on; March, and the morning of 15 June, keep theirs.
        daemon.set_now("2027-06-15T10:00:00Z")
        Path(daemon.config).write_text(config_text(extra=settings("Network July", template, 13)))
        daemon.proc.send_signal(signal.SIGHUP)
        daemon.wait_for_log(r"Configuration reloaded")
        assert "<title>Board pack of Network July</title>" in daemon.call("org.riskd.report.Board")["html"]
        daemon.set_now("2027-06-16T09:00:00Z")
        assert documents(daemon, MARCH) == march
        morning = daemon.call("org.riskd.report.Board", asOf="2027-06-15T09:30:00Z")["html"]
        assert morning.startswith("<!DOCTYPE html><title>Board pack of Network June</title>"), morning
        minutes = daemon.call("org.riskd.meeting.Minutes", id=1, asOf="2027-06-15T09:30:00Z", format="html")["html"]
        assert "Network June" in minutes and "Network July" not in minutes

        changes = daemon.call("org.riskd.audit.Log", subject="configuration")["entries"]
        assert [json.loads(entry["detail"])["changed"] for entry in changes] == \
            ["organisation name, template, review rules", "organisation name"]
        assert [entry["at"] for entry in changes] == ["2027-06-15T09:00:00Z", "2027-06-15T10:00:00Z"]
        assert json.loads(changes[1]["detail"])["organisation"] == "Network July"
    finally:
        daemon.finish()
