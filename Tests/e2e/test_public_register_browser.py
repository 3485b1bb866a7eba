"""The public register's HTML page in a real browser (issue 13): Debian's chromium, headless, renders
`riskctl interest register --format html` to PNG and PDF with no network request and no script, and the text of
the PDF holds the members and the organisations that are not sensitive, and not the sensitive one. The page and
its renderings are kept in .build/test-artefacts/ for a person to look at.
"""
import shutil
import subprocess

from riskd_e2e import REPO, RISKCTL, SECOND_BOARD, make_test_dir
from test_board_pack_browser import Chromium, tool

SECRET = "Fondacija Porodica Kovač"
ARTEFACTS = REPO / ".build" / "test-artefacts"


def test_the_public_register_page_renders_offline_without_script_and_without_sensitive_text(start_daemon, board2,
                                                                                             user_calls):
    daemon = start_daemon(board=SECOND_BOARD + ["unix-user:rdt-board2"], extra_config="[interests]\npublic_register = true\n")
    for user, parameters in [
            ("rdt-board", {"kind": "funding", "organisation": "Western Balkan Fund", "description": "Coordinator <b>x</b>",
                           "startedOn": "2026-06-01"}),
            ("rdt-board2", {"kind": "family", "organisation": SECRET, "description": "My brother runs it",
                            "sensitive": True, "startedOn": "2026-06-01"}),
            ("rdt-board2", {"kind": "employment", "organisation": "Udruženje Prevent", "description": "Trainer",
                            "startedOn": "2026-06-01"})]:
        [result] = user_calls(user, daemon.socket, [("org.riskd.interest", "Declare", parameters)])
        assert result["ok"], result
    directory = make_test_dir("riskd-register-page-")
    page = directory / "register.html"
    made = subprocess.run([RISKCTL, "--socket", daemon.socket, "interest", "register", "--format", "html",
                           "-o", str(page)], capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"})
    assert made.returncode == 0, made
    html = page.read_text()
    assert "<script" not in html.lower() and "http://" not in html and "https://" not in html
    assert SECRET not in html and "brother" not in html
    assert "Coordinator &lt;b&gt;x&lt;/b&gt;" in html

    chromium = Chromium(directory)
    png = directory / "register.png"
    pdf = directory / "register.pdf"
    _, requests = chromium.run(page.as_uri(), "--screenshot=%s" % png, "--window-size=1000,800")
    assert requests == [], requests
    dom, requests = chromium.run(page.as_uri(), "--dump-dom")
    assert requests == [] and "<script" not in dom.lower()
    chromium.run(page.as_uri(), "--print-to-pdf=%s" % pdf, "--no-pdf-header-footer")
    text = subprocess.run([tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True,
                          timeout=60).stdout
    text = " ".join(text.split())
    for expected in ("Register of interests", "rdt-board", "Western Balkan Fund", "Udruženje Prevent", "withheld"):
        assert expected in text, expected
    assert SECRET not in text
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for path in (page, png, pdf):
        shutil.copy2(path, ARTEFACTS / ("public-" + path.name))
    shutil.rmtree(directory, ignore_errors=True)
