"""Every sentence the board pack says about everyone or no one is true of its date (issue 21): the pack is
rendered by a real chromium to PDF, and the PDF's text (pdftotext) must say exactly what the data says, for a
register where each sentence is false (no one has), partly true (some have) and true (all have), and for a board
with no one on it. Board members are named by their account's full name (GECOS), set here with usermod.

The PDFs and screenshots are kept in .build/test-artefacts/ for a person to look at.
"""
from printed import chromium, full_names, pdf_text  # noqa: F401  (chromium, full_names: fixtures)
from riskd_e2e import SECOND_BOARD

REPORT = "org.riskd.report"
CODE = "# Code of Ethics\n\nWe declare our interests.\n"


def ethics_ack(user_calls, daemon, user):
    status = daemon.call("org.riskd.ethics.Current")
    [result] = user_calls(user, daemon.socket, [("org.riskd.ethics", "Acknowledge",
                                                 {"version": status["code"]["version"],
                                                  "sha256": status["code"]["sha256"]})])
    assert result["ok"], result


def confirm(user_calls, daemon, user):
    [result] = user_calls(user, daemon.socket, [("org.riskd.interest", "Confirm", {"nothingToDeclare": True})])
    assert result["ok"], result


def test_each_everyone_sentence_says_what_the_data_says(start_daemon, user_calls, full_names, chromium):
    daemon = start_daemon(board=SECOND_BOARD, now="2026-09-01T09:00:00Z",
                          extra_config='[organisation]\nname = "Drug Policy Network"\n')
    daemon.call("org.riskd.ethics.Publish", title="Code of Ethics", body=CODE)
    risk = daemon.call("org.riskd.risk.Add", title="One core funder", category="financial", likelihood=5,
                       impact=4)["risk"]["id"]

    # No one has.
    none = pdf_text(chromium, daemon.call(REPORT + ".Board")["html"], "statements-none")
    assert "Board pack of Drug Policy Network" in none
    assert "1 September 2026 at 09:00 UTC" in none
    assert ("2 of 2 board members have not yet acknowledged version 1, published on 1 September 2026: "
            "Ana Petrović and Marko Ilić.") in none
    assert ("2 of 2 board members have not confirmed their declarations in time or at all (2 never confirmed): "
            "Ana Petrović and Marko Ilić.") in none
    assert "Ana Petrović never confirmed; due by 29 September 2026" in none
    assert "1 finding is open on 1 September 2026" in none and "High risks with no open action" in none
    for false in ("All 2 board members", "No finding is open", "rdt-board"):
        assert false not in none, false

    # Some have: rdt-board acknowledged and confirmed.
    ethics_ack(user_calls, daemon, "rdt-board")
    confirm(user_calls, daemon, "rdt-board")
    some = pdf_text(chromium, daemon.call(REPORT + ".Board")["html"], "statements-some")
    assert "1 of 2 board members has not yet acknowledged version 1, published on 1 September 2026: Marko Ilić." in some
    assert "1 of 2 board members has not confirmed their declarations" in some
    assert "All 2 board members" not in some

    # All have, and the risk has an action: every "everyone" and "no" sentence is now true, and said.
    ethics_ack(user_calls, daemon, "rdt-board2")
    confirm(user_calls, daemon, "rdt-board2")
    daemon.call("org.riskd.risk.AddAction", riskId=risk, description="Find a second funder", owner="rdt-board",
                dueOn="2026-12-01")
    everyone = pdf_text(chromium, daemon.call(REPORT + ".Board")["html"], "statements-all")
    assert "All 2 board members have acknowledged version 1, published on 1 September 2026." in everyone
    assert "All 2 board members have confirmed their declarations, and no confirmation is overdue." in everyone
    assert "No finding is open on 1 September 2026" in everyone
    assert "not yet acknowledged" not in everyone

    # Overdue: a month and more later, a second version nobody acknowledged in time.
    daemon.set_now("2026-11-20T09:00:00Z")
    daemon.call("org.riskd.ethics.Publish", title="Code of Ethics", body=CODE + "\nAnd we mean it.\n")
    daemon.set_now("2026-12-25T09:00:00Z")
    late = pdf_text(chromium, daemon.call(REPORT + ".Board")["html"], "statements-late")
    assert ("2 of 2 board members have not yet acknowledged version 2, published on 20 November 2026, all past "
            "their deadline: Ana Petrović and Marko Ilić.") in late
    assert "overdue: was due on 20 December 2026" in late
    assert "Actions overdue" in late and "Find a second funder" in late


def test_a_board_with_no_one_on_it_is_said_so(start_daemon, chromium):
    daemon = start_daemon(board=["unix-group:rdt-nobody-has-this-group"], now="2026-09-01T09:00:00Z")
    daemon.call("org.riskd.ethics.Publish", title="Code of Ethics", body=CODE)
    empty = pdf_text(chromium, daemon.call(REPORT + ".Board")["html"], "statements-empty")
    assert "No one held the board role, so no one was asked to acknowledge it." in empty
    assert "No one held the board role, so no one was asked to confirm." in empty
    assert "No finding is open on 1 September 2026" in empty
    assert "All 0" not in empty and "0 of 0" not in empty
