"""Every sentence the public register page says about everyone or no one is true of its date (issue 21): the page
of `riskctl interest register --format html` is rendered by a real chromium to PDF, and the PDF's text (pdftotext)
must say exactly what the data says, for a register where "everyone confirmed" is false (no one has), partly true,
true, false again (everyone past the deadline to confirm again), and for a board with no one on it. Board members
are named by their account's full name (GECOS, set here with usermod and put back). Upheld breaches are in the
table, the CSV and the page. The pages, PDFs and screenshots are kept in .build/test-artefacts/.
"""
import csv
import io
import subprocess

from printed import NAMES, chromium, full_names, pdf_text  # noqa: F401  (chromium, full_names: fixtures)
from riskd_e2e import RISKCTL, SECOND_BOARD

INTEREST = "org.riskd.interest"
PUBLIC = '[organisation]\nname = "Drug Policy Network"\n[interests]\npublic_register = true\n'


def riskctl(daemon, *args):
    result = subprocess.run([RISKCTL, "--socket", daemon.socket, *args], capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "LANG": "C.UTF-8"})
    assert result.returncode == 0 and result.stderr == "", result
    return result.stdout


def page_text(daemon, chromium, name):
    return pdf_text(chromium, riskctl(daemon, "interest", "register", "--format", "html"), name)


def ok(user_calls, daemon, user, interface, method, **parameters):
    [result] = user_calls(user, daemon.socket, [("org.riskd." + interface, method, parameters)])
    assert result["ok"], result
    return result["parameters"]


CONFIRMED_ALL = "All 2 board members have confirmed their declarations, and no confirmation is overdue."


def test_each_confirmation_sentence_of_the_register_page_says_what_the_data_says(start_daemon, user_calls,
                                                                                full_names, chromium):
    daemon = start_daemon(board=SECOND_BOARD + ["unix-user:rdt-board2"], now="2026-09-01T09:00:00Z", extra_config=PUBLIC)
    ok(user_calls, daemon, "rdt-board", "interest", "Declare", kind="governance", organisation="Udruženje Prevent",
       description="Member of the managing board", startedOn="2026-06-01")
    ok(user_calls, daemon, "rdt-board2", "interest", "Declare", kind="family", organisation="Klinika Sever",
       description="My brother runs it", sensitive=True, startedOn="2026-06-01")

    # No one has confirmed.
    none = page_text(daemon, chromium, "register-statements-none")
    assert "Register of interests of Drug Policy Network" in none
    assert "As it stood on 1 September 2026" in none
    assert ("2 of 2 board members have never confirmed their declarations: Ana Petrović and Marko Ilić.") in none
    assert "Ana Petrović never confirmed; due by 29 September 2026" in none
    assert "Ana Petrović governing role Udruženje" in none and "Prevent" in none and "1 June 2026" in none
    assert "Marko Ilić withheld withheld" in none and "Klinika Sever" not in none and "brother" not in none
    assert "No concern that a member left an interest undeclared has been upheld." in none
    for false in ("All 2 board members", "has confirmed", "rdt-board", "2026-06-01", "governance"):
        assert false not in none, false

    # Some have: rdt-board confirmed.
    ok(user_calls, daemon, "rdt-board", "interest", "Confirm")
    some = page_text(daemon, chromium, "register-statements-some")
    assert "1 of 2 board members has never confirmed their declarations: Marko Ilić." in some
    assert "All 2 board members" not in some and "Ana Petrović never" not in some

    # All have.
    ok(user_calls, daemon, "rdt-board2", "interest", "Confirm")
    everyone = page_text(daemon, chromium, "register-statements-all")
    assert CONFIRMED_ALL in everyone
    assert "never confirmed" not in everyone and "past the deadline" not in everyone

    # A year and more later, both are past the deadline to confirm again.
    daemon.set_now("2027-10-01T09:00:00Z")
    late = page_text(daemon, chromium, "register-statements-late")
    assert ("2 of 2 board members are past the deadline to confirm their declarations again: Ana Petrović and "
            "Marko Ilić.") in late
    assert "Ana Petrović overdue: was due on 1 September 2027" in late
    assert CONFIRMED_ALL not in late and "never confirmed" not in late
    # The register as it stood before: all had confirmed then.
    assert CONFIRMED_ALL in pdf_text(chromium, riskctl(daemon, "interest", "register", "--format", "html",
                                                       "--as-of", "2026-12-01"), "register-statements-as-of")


def test_a_register_with_no_board_says_so(start_daemon, chromium):
    daemon = start_daemon(board=["unix-group:rdt-nobody-has-this-group"], now="2026-09-01T09:00:00Z",
                          extra_config=PUBLIC)
    empty = page_text(daemon, chromium, "register-statements-empty")
    assert "No one holds the board role, so no one was asked to confirm their declarations." in empty
    assert "No interest was declared that is in force" in empty
    assert "All 0" not in empty and "0 of 0" not in empty


def test_upheld_breaches_are_in_the_table_the_csv_and_the_page(start_daemon, user_calls, full_names, chromium):
    daemon = start_daemon(board=SECOND_BOARD + ["unix-user:rdt-board2"], now="2026-09-01T09:00:00Z", extra_config=PUBLIC)
    concern = ok(user_calls, daemon, "rdt-board2", "concern", "Raise", kind="undeclared_interest",
                 text="She sits on the fund's board", about="rdt-board")["concern"]["id"]
    daemon.set_now("2026-10-02T09:00:00Z")
    daemon.call("org.riskd.concern.Close", id=concern, status="upheld", outcome="Declared late; reminded")

    table = riskctl(daemon, "interest", "register")
    breaches = table[table.index("BREACH OF"):].splitlines()
    assert breaches[0].split() == ["BREACH", "OF", "CONCERN", "UPHELD"]
    assert breaches[1].split() == ["rdt-board", "C-%d" % concern, "2026-10-02"]
    assert "1 concern that a member left an interest undeclared was upheld, about Ana Petrović." in table

    rows = list(csv.reader(io.StringIO(riskctl(daemon, "interest", "register", "--format", "csv"))))
    assert rows[0] == ["declarant", "kind", "organisation", "description", "startedOn", "endedOn", "record", "name"]
    assert rows[1:] == [["rdt-board", "undeclared_interest", "", "Concern C-%d upheld" % concern, "2026-10-02", "",
                         "breach", "Ana Petrović"]]

    page = page_text(daemon, chromium, "register-statements-breach")
    assert "1 concern that a member left an interest undeclared was upheld, about Ana Petrović." in page
    assert "Ana Petrović C-%d 2 October 2026" % concern in page
    assert "She sits on" not in page and "reminded" not in page, "the concern's text is not published"


def test_a_board_member_who_reads_only_their_own_entries_is_told_of_themselves_only(
        start_daemon, user_calls, full_names, chromium, as_user, user_riskctl):
    daemon = start_daemon(board=SECOND_BOARD + ["unix-user:rdt-board2"], now="2026-09-01T09:00:00Z",
                          extra_config="[interests]\nboard_sees_register = false\npublic_register = false\n")
    ok(user_calls, daemon, "rdt-board2", "interest", "Declare", kind="funding", organisation="Western Balkan Fund",
       description="Coordinator", startedOn="2026-06-01")
    ok(user_calls, daemon, "rdt-board", "interest", "Confirm")
    mine = ok(user_calls, daemon, "rdt-board", "interest", "Register")
    assert mine["ownOnly"] is True and mine["entries"] == [] and mine["unconfirmed"] == [], mine
    assert "Marko" not in str(mine) and "rdt-board2" not in str(mine)
    theirs = ok(user_calls, daemon, "rdt-board2", "interest", "Register")
    assert [u["member"] for u in theirs["unconfirmed"]] == ["rdt-board2"] and theirs["ownOnly"] is True
    admin = daemon.call(INTEREST + ".Register")
    assert admin["ownOnly"] is False and [u["member"] for u in admin["unconfirmed"]] == ["rdt-board2"]
    page = as_user("rdt-board", [user_riskctl, "--socket", daemon.socket, "interest", "register", "--format", "html"])
    assert page.returncode == 0, page
    text = pdf_text(chromium, page.stdout, "register-statements-own")
    assert "This copy shows your own entries only." in text
    assert "You have confirmed your declarations, and your confirmation is not overdue." in text
    assert "No concern that you left an interest undeclared has been upheld." in text
    assert "board members" not in text and "Marko" not in text
