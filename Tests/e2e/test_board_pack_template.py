"""report.template end to end: an organisation's own Mustache file renders the board pack, a SIGHUP picks up a
changed one, and a template that cannot be read or parsed stops riskd at start, or is refused on SIGHUP with the
running one kept, each with the key and where the template is broken.
"""
import re
import signal

from riskd_e2e import Daemon, make_test_dir

OWN = "<!DOCTYPE html><title>{{asOfDay}}</title><p>{{#heatMaps}}{{title}}={{total}};{{/heatMaps}}</p>" \
      "<p>{{auditHead}}</p>\n"


def configuration(template):
    return '[report]\ntemplate = "%s"\n' % template


def test_an_organisations_template_renders_the_pack_and_reloads(start_daemon):
    directory = make_test_dir()
    template = directory / "pack.mustache"
    template.write_text(OWN, encoding="utf-8")
    daemon = start_daemon(extra_config=configuration(template), now="2026-12-15T09:00:00Z")
    daemon.call("org.riskd.risk.Add", title="Funding gap", category="financial", likelihood=3, impact=4)
    pack = daemon.call("org.riskd.report.Board")
    assert pack["html"] == "<!DOCTYPE html><title>15 December 2026</title><p>Inherent=1;Current=1;</p><p>%s</p>\n" \
        % pack["auditHead"]

    # A broken template on SIGHUP is refused; the running one stays.
    template.write_text("<p>{{#heatMaps}}never closed</p>", encoding="utf-8")
    daemon.proc.send_signal(signal.SIGHUP)
    daemon.wait_for_log(r"Configuration not reloaded")
    assert re.search(r"report\.template: .*line 1, column", daemon.stderr_text()), daemon.stderr_tail()
    assert daemon.call("org.riskd.report.Board")["html"] == pack["html"]

    # A good one is taken at once.
    template.write_text("<p>{{asOfExact}}</p>", encoding="utf-8")
    daemon.proc.send_signal(signal.SIGHUP)
    daemon.wait_for_log(r"Configuration reloaded")
    assert daemon.call("org.riskd.report.Board")["html"] == "<p>2026-12-15T09:00:00Z</p>"


def refusal(text=None, missing=False):
    directory = make_test_dir()
    template = directory / "pack.mustache"
    if not missing:
        template.write_text(text, encoding="utf-8")
    daemon = Daemon(directory, extra_config=configuration(template))
    status, stderr = daemon.start_refused()
    assert status != 0
    return stderr


def test_a_broken_template_stops_riskd_at_start():
    stderr = refusal("<html>\n<p>{{#risks}}x{{/highest}}</p>")
    assert re.search(r"riskd\.toml:\d+: report\.template: .*pack\.mustache is not a valid Mustache template: "
                     r"line 2, column \d+", stderr), stderr


def test_a_missing_template_stops_riskd_at_start():
    stderr = refusal(missing=True)
    assert re.search(r"report\.template: cannot read .*pack\.mustache", stderr), stderr
