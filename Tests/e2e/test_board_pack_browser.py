"""The board pack in a real browser: Debian's chromium, headless, renders the pack of the example register
(board_pack_register.py) to PNG and to PDF. It must make no network request and run no script (each proved
by a canary page that does both, run the same way, so that the checks can fail), print on the expected number
of A4 pages, and its PDF text must hold the heat maps' counts and the audit chain head.

The screenshot, the PDF and the HTML are kept in .build/test-artefacts/ for a person to look at.
`make deps` installs chromium and poppler-utils (pdfinfo, pdftotext, pdftoppm).
"""
import json
import re
import shutil
import subprocess

import pytest

from board_pack_register import PACK_DAY, board_pack, build_register
from riskd_e2e import REPO, DaemonFactory, make_test_dir

ARTEFACTS = REPO / ".build" / "test-artefacts"
# The example register's pack, as of PACK_DAY, on A4 with Chromium's default margins overridden by the pack's CSS.
EXPECTED_PAGES = 3
CANARY = """<!DOCTYPE html><html><head><title>canary</title></head><body><p id="probe">probe</p>
<img src="http://canary.invalid/pixel.png">
<script>document.getElementById("probe").setAttribute("data-script-ran", "yes")</script></body></html>
"""


def tool(name):
    path = shutil.which(name)
    if path is None:
        pytest.fail("%s is not installed: run `make deps` (it installs chromium and poppler-utils)" % name)
    return path


class Chromium:
    """Headless chromium with its own profile, every request sent to a proxy on a closed port and every host name
    unresolvable: nothing can reach the network, and the net log records what was tried."""

    def __init__(self, directory):
        self.binary = tool("chromium")
        self.directory = directory
        self.runs = 0

    def run(self, url, *arguments):
        """Runs chromium on `url`; returns (stdout, the URLs the page asked for)."""
        self.runs += 1
        net_log = self.directory / ("net-%d.json" % self.runs)
        argv = [self.binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--proxy-server=http://127.0.0.1:9",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=%s" % (self.directory / "profile"),
                "--log-net-log=%s" % net_log, *arguments, url]
        result = subprocess.run(argv, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout, page_requests(net_log)


def page_requests(net_log):
    """The URLs a page asked for in a chromium net log: requests started on behalf of a document (an initiator
    origin, or the file:// isolation key of a local page), not the browser's own background requests."""
    text = net_log.read_text(encoding="utf-8")
    try:
        log = json.loads(text)
    except json.JSONDecodeError:
        # Chromium may stop before closing the event list.
        log = json.loads(text.rstrip().rstrip(",") + "]}")
    names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    urls = []
    for event in log["events"]:
        parameters = event.get("params") or {}
        if names.get(event["type"]) != "URL_REQUEST_START_JOB" or "url" not in parameters:
            continue
        from_page = parameters.get("initiator") != "not an origin" or \
            "file://" in parameters.get("network_isolation_key", "")
        if from_page:
            urls.append(parameters["url"])
    return urls


def scripted(dom):
    """What in a DOM could run script: script elements, event handler attributes, javascript: URLs."""
    return re.findall(r"<script\b|\son[a-z]+\s*=|javascript:", dom, re.I)


@pytest.fixture(scope="module")
def rendered(users, board2, user_calls):
    """The example register's pack, rendered to PNG and PDF; the files are kept in ARTEFACTS."""
    factory = DaemonFactory()
    try:
        daemon = build_register(factory, user_calls)
        reply = board_pack(daemon, asOf=PACK_DAY)
        matrix = {basis: daemon.call("org.riskd.risk.Matrix", basis=basis, asOf=reply["asOf"])["cells"]
                  for basis in ("inherent", "current")}
    finally:
        factory.finish()
    work = make_test_dir("riskd-chromium-")
    chromium = Chromium(work)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    html = ARTEFACTS / "board-pack.html"
    html.write_text(reply["html"], encoding="utf-8")
    png, pdf = ARTEFACTS / "board-pack.png", ARTEFACTS / "board-pack.pdf"
    for stale in (png, pdf):
        stale.unlink(missing_ok=True)
    url = html.as_uri()
    dom, dom_requests = chromium.run(url, "--dump-dom")
    _, png_requests = chromium.run(url, "--window-size=900,3600", "--hide-scrollbars", "--screenshot=%s" % png)
    _, pdf_requests = chromium.run(url, "--no-pdf-header-footer", "--print-to-pdf=%s" % pdf)
    canary = work / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    canary_dom, canary_requests = chromium.run(canary.as_uri(), "--dump-dom")
    yield {"reply": reply, "matrix": matrix, "html": html, "png": png, "pdf": pdf, "dom": dom,
           "requests": dom_requests + png_requests + pdf_requests, "canary_dom": canary_dom,
           "canary_requests": canary_requests}
    shutil.rmtree(work, ignore_errors=True)


def test_the_checks_catch_a_page_that_fetches_and_runs_script(rendered):
    assert "http://canary.invalid/pixel.png" in rendered["canary_requests"]
    assert 'data-script-ran="yes"' in rendered["canary_dom"]
    assert scripted(rendered["canary_dom"])


def test_the_pack_makes_no_request_and_holds_no_script(rendered):
    assert rendered["requests"] == []
    assert scripted(rendered["dom"]) == []
    source = rendered["reply"]["html"]
    assert scripted(source) == []
    assert not re.search(r"https?://|\b(src|href)\s*=|url\(|@import", source, re.I)


def test_screenshot_and_pdf_are_written(rendered):
    assert rendered["png"].stat().st_size > 10_000
    assert rendered["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert rendered["pdf"].read_bytes()[:5] == b"%PDF-"
    # A pack is mailed to the board: patterns drawn with CSS gradients once made it 5.6 MB.
    assert rendered["pdf"].stat().st_size < 1_000_000


def test_the_pdf_is_a4_with_the_expected_pages(rendered):
    info = subprocess.run([tool("pdfinfo"), str(rendered["pdf"])], capture_output=True, text=True, timeout=60)
    assert info.returncode == 0, info.stderr
    fields = dict(line.split(":", 1) for line in info.stdout.splitlines() if ":" in line)
    assert int(fields["Pages"]) == EXPECTED_PAGES, info.stdout
    assert "(A4)" in fields["Page size"], info.stdout


def heat_map_counts(text, title, following):
    """The counts of the heat map `title` in the PDF's text, in reading order (likelihood 5 first, impact 1
    first): the bare numbers between its title and `following` (axis labels read L1, I3…)."""
    start = text.index(title + " (")
    section = text[text.index(")", start) + 1:text.index(following, start)]
    return [int(token) for token in section.split() if token.isdigit()]


def expected_counts(cells):
    ordered = sorted(cells, key=lambda cell: (-cell["likelihood"], cell["impact"]))
    return [cell["count"] for cell in ordered if cell["count"]]


def test_the_pdf_text_holds_the_heat_map_counts_and_the_chain_head(rendered):
    text = subprocess.run([tool("pdftotext"), "-raw", str(rendered["pdf"]), "-"], capture_output=True, text=True,
                          timeout=60).stdout
    inherent = heat_map_counts(text, "Inherent", "Current (")
    current = heat_map_counts(text, "Current", "Bands:")
    assert inherent == expected_counts(rendered["matrix"]["inherent"])
    assert current == expected_counts(rendered["matrix"]["current"])
    assert sum(inherent) == sum(current) == 21
    assert rendered["reply"]["auditHead"] in text.replace("\n", "")
    assert "as at %s" % rendered["reply"]["asOf"] in text.replace("\n", " ")


def test_each_page_prints_as_an_image_too(rendered):
    """Page images of the PDF (what a printer gets), kept beside the screenshot."""
    prefix = ARTEFACTS / "board-pack-page"
    for old in ARTEFACTS.glob("board-pack-page-*.png"):
        old.unlink()
    result = subprocess.run([tool("pdftoppm"), "-png", "-r", "70", str(rendered["pdf"]), str(prefix)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert len(list(ARTEFACTS.glob("board-pack-page-*.png"))) == EXPECTED_PAGES
