"""What a person reads on paper: documents rendered by a real chromium to PDF and read back with pdftotext, and
the full names (GECOS) the statement tests give the two board members. Shared by the statement tests of the
board pack and of the public register page; nothing here is a test.
"""
import re
import subprocess

import pytest

from riskd_e2e import make_test_dir
from test_board_pack_browser import ARTEFACTS, Chromium, tool

NAMES = {"rdt-board": "Ana Petrović", "rdt-board2": "Marko Ilić"}


@pytest.fixture(scope="module")
def full_names(users, board2):
    """The two board members' full names, put back as they were afterwards."""
    before = {user: subprocess.run(["getent", "passwd", user], capture_output=True, text=True).stdout.split(":")[4]
              for user in NAMES}
    for user, name in NAMES.items():
        subprocess.run(["usermod", "-c", name, user], check=True, capture_output=True, timeout=30)
    yield NAMES
    for user, gecos in before.items():
        subprocess.run(["usermod", "-c", gecos, user], check=True, capture_output=True, timeout=30)


@pytest.fixture(scope="module")
def chromium():
    return Chromium(make_test_dir("riskd-chromium-"))


def pdf_text(chromium, html, name):
    """The page as a reader of the printout gets it: chromium's PDF through pdftotext, one space per gap. The
    page, its PDF and a screenshot are kept in ARTEFACTS as `name`.*."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page = ARTEFACTS / ("%s.html" % name)
    page.write_text(html, encoding="utf-8")
    pdf = ARTEFACTS / ("%s.pdf" % name)
    pdf.unlink(missing_ok=True)
    chromium.run(page.as_uri(), "--no-pdf-header-footer", "--print-to-pdf=%s" % pdf)
    chromium.run(page.as_uri(), "--window-size=900,2400", "--hide-scrollbars",
                 "--screenshot=%s" % (ARTEFACTS / ("%s.png" % name)))
    text = subprocess.run([tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return re.sub(r"\s+", " ", text)
