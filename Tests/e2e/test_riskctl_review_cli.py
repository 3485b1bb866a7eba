"""riskctl review and status against a fake riskd: what each command sends, prints and exits with.

The fake daemon of test_riskctl_cli.py answers with canned Varlink messages; StreamingListener below extends
it so that one call can get several replies (`more`), wait for the test, or have its connection closed, as
`org.riskd.review.Watch` needs. RISKCTL names the binary (default <repo>/.build/debug/riskctl).
"""

import fcntl
import json
import os
import pty
import select
import socket
import struct
import subprocess
import termios
import threading

import pytest

from test_riskctl_cli import Listener, one_error_line, riskctl

pytestmark = pytest.mark.riskctl

REVIEW_COMMANDS = [["review"], ["review", "run"], ["review", "preview"], ["review", "findings"],
                   ["review", "ack"], ["review", "runs"], ["review", "watch"]]

# A canned reply that closes the connection instead of answering.
CLOSE = "close"


def finding(id, **fields):
    """A Finding as riskd sends it: an open, unacknowledged warning about risk 4 unless `fields` say otherwise."""
    value = {"id": id, "rule": "risk-review-overdue", "subject": "risk:4", "severity": "warning",
             "message": "Risk R-4 \"Funding overlap\" is overdue for review (due 2026-11-20, severity high)",
             "firstSeenAt": "2026-11-21T06:00:01Z", "lastSeenAt": "2026-11-29T06:00:01Z",
             "lastAlertedAt": "2026-11-21T06:00:01Z", "resolvedAt": None, "acknowledgedBy": None,
             "acknowledgedAt": None, "note": None}
    value.update(fields)
    return value


def review_run(id=211, **fields):
    """A ReviewRun as riskd sends it."""
    value = {"id": id, "trigger": "manual", "startedAt": "2026-11-29T06:00:00Z",
             "finishedAt": "2026-11-29T06:00:01Z", "raised": 2, "open": 5, "resolved": 1, "alerted": 4}
    value.update(fields)
    return value


def rows(result):
    """The lines of a table printed with --no-legend, split into cells at runs of spaces."""
    return [[cell.strip() for cell in line.split("  ") if cell.strip()] for line in result.stdout.splitlines()]


class StreamingListener(Listener):
    """A fake riskd whose canned reply for a call may be a list: every dict in it is sent in order, a
    threading.Event is waited for (so the test can read riskctl's output in between), and CLOSE closes the
    connection at once."""

    def _serve(self):
        while not self.stopping:
            try:
                connection, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            with connection:
                connection.settimeout(5)
                self._answer(connection)

    def _answer(self, connection):
        buffer = b""
        while True:
            try:
                chunk = connection.recv(65536)
            except (socket.timeout, OSError):
                return
            if not chunk:
                return
            buffer += chunk
            while b"\0" in buffer:
                frame, buffer = buffer.split(b"\0", 1)
                self.calls.append(json.loads(frame))
                reply = self.replies.pop(0) if self.replies else {"error": "org.example.NoReply", "parameters": {}}
                for step in reply if isinstance(reply, list) else [reply]:
                    if step == CLOSE:
                        return
                    if isinstance(step, threading.Event):
                        step.wait(10)
                        continue
                    connection.sendall(json.dumps(step).encode() + b"\0")


@pytest.fixture
def daemon(tmp_path):
    """daemon(replies) -> StreamingListener on a fresh socket, closed at teardown."""
    made = []

    def make(replies=()):
        made.append(StreamingListener(tmp_path / ("s%d" % len(made)), replies))
        return made[-1]

    yield make
    for item in made:
        item.close()


# -- usage ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", REVIEW_COMMANDS, ids=" ".join)
def test_help_works_for_every_review_command(riskctl_binary, command):
    result = riskctl(riskctl_binary, *command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "USAGE: riskctl " + " ".join(command) in result.stdout


def test_preview_help_says_how_a_date_is_sent(riskctl_binary):
    result = riskctl(riskctl_binary, "review", "preview", "--help")
    assert "YYYY-MM-DDT00:00:00Z" in result.stdout


@pytest.mark.parametrize("args", [
    ["review", "ack", "F-0", "--note", "n"],
    ["review", "ack", "R-3", "--note", "n"],
    ["review", "ack", "F-3"],
    ["review", "ack", "F-3", "--note", "  "],
    ["review", "preview", "--as-of", "2027-02-30"],
    ["review", "preview", "--as-of", "tomorrow"],
    ["review", "preview", "--as-of", "2027-01-15T09:00:00"],
    ["review", "findings", "--all", "--resolved"],
    ["review", "runs", "--limit", "0"],
    ["review", "runs", "--limit", "1001"],
], ids=" ".join)
def test_usage_errors_exit_64_and_send_nothing(riskctl_binary, daemon, args):
    fake = daemon()
    result = riskctl(riskctl_binary, *args, "--socket", fake.path)
    assert result.returncode == 64, result.stderr
    assert result.stdout == ""
    assert "--help" in one_error_line(result)
    assert fake.calls == []


# -- findings ------------------------------------------------------------------------------------------
def test_findings_table_and_legend(riskctl_binary, daemon):
    open_findings = [finding(40), finding(41, rule="action-overdue", subject="action:3", severity="critical",
                                          firstSeenAt="2026-11-25T06:00:02Z", acknowledgedBy="marko",
                                          message="Action A-3 is overdue")]
    fake = daemon([{"parameters": {"findings": open_findings, "next": None}}])
    result = riskctl(riskctl_binary, "review", "findings", "--socket", fake.path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert fake.calls == [{"method": "org.riskd.review.Findings", "parameters": {"open": True, "limit": 1000}}]
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "SEVERITY", "RULE", "SUBJECT", "SINCE", "ACK", "MESSAGE"]
    assert lines[1].split()[:5] == ["F-40", "warning", "risk-review-overdue", "risk:4", "2026-11-21"]
    assert lines[1].endswith(open_findings[0]["message"])
    assert lines[2].split()[:7] == ["F-41", "critical", "action-overdue", "action:3", "2026-11-25", "marko",
                                    "Action"]
    # Columns are aligned: every MESSAGE starts where its header does.
    column = lines[0].index("MESSAGE")
    assert lines[1][column:].startswith("Risk R-4") and lines[2][column:].startswith("Action A-3")
    assert lines[-2:] == ["", "2 open findings."]
    assert "\x1b[" not in result.stdout

    fake = daemon([{"parameters": {"findings": open_findings, "next": None}}])
    result = riskctl(riskctl_binary, "review", "findings", "--no-legend", "--socket", fake.path)
    assert [row[0] for row in rows(result)] == ["F-40", "F-41"]


def test_findings_follows_pages_and_filters(riskctl_binary, daemon):
    pages = [{"parameters": {"findings": [finding(1), finding(2)], "next": 2}},
             {"parameters": {"findings": [finding(3)], "next": None}}]
    fake = daemon(pages)
    result = riskctl(riskctl_binary, "review", "findings", "--rule", "risk-review-overdue", "--subject", "risk:4",
                     "--json", "--socket", fake.path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"findings": [finding(1), finding(2), finding(3)], "next": None}
    assert [call["parameters"] for call in fake.calls] == [
        {"open": True, "rule": "risk-review-overdue", "subject": "risk:4", "limit": 1000},
        {"open": True, "rule": "risk-review-overdue", "subject": "risk:4", "limit": 1000, "after": 2},
    ]


def test_findings_all_leaves_out_open(riskctl_binary, daemon):
    both = [finding(7), finding(8, resolvedAt="2026-11-28T06:00:01Z"), finding(9)]
    fake = daemon([{"parameters": {"findings": both, "next": None}}])
    result = riskctl(riskctl_binary, "review", "findings", "--all", "--socket", fake.path)
    assert result.returncode == 0, result.stderr
    assert fake.calls[0]["parameters"] == {"limit": 1000}
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "SEVERITY", "RULE", "SUBJECT", "SINCE", "RESOLVED", "ACK", "MESSAGE"]
    assert lines[2].split()[:6] == ["F-8", "warning", "risk-review-overdue", "risk:4", "2026-11-21", "2026-11-28"]
    assert lines[-1] == "3 findings: 2 open, 1 resolved."


def test_findings_resolved_sends_open_false(riskctl_binary, daemon):
    fake = daemon([{"parameters": {"findings": [finding(8, resolvedAt="2026-11-28T06:00:01Z")], "next": None}}])
    result = riskctl(riskctl_binary, "review", "findings", "--resolved", "--socket", fake.path)
    assert result.returncode == 0, result.stderr
    assert fake.calls[0]["parameters"] == {"open": False, "limit": 1000}
    assert result.stdout.splitlines()[-1] == "1 resolved finding."


# -- preview and run -----------------------------------------------------------------------------------
@pytest.mark.parametrize("given,sent", [
    ("2027-01-15", "2027-01-15T00:00:00Z"),
    ("2027-01-15T09:30:00Z", "2027-01-15T09:30:00Z"),
    ("2027-01-15T10:30:00+01:00", "2027-01-15T09:30:00Z"),
    ("2027-01-15t09:30:00.250z", "2027-01-15T09:30:00Z"),
])
def test_preview_sends_as_of(riskctl_binary, daemon, given, sent):
    fake = daemon([{"parameters": {"findings": [finding(0), finding(40)]}}])
    result = riskctl(riskctl_binary, "review", "preview", "--as-of", given, "--socket", fake.path)
    assert result.returncode == 0, result.stderr
    assert fake.calls == [{"method": "org.riskd.review.Preview", "parameters": {"asOf": sent}}]
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines[1:3]] == ["-", "F-40"]
    assert lines[-1] == "2 findings would be open at %s." % sent


def test_preview_json_is_the_reply(riskctl_binary, daemon):
    reply = {"findings": [finding(0)]}
    fake = daemon([{"parameters": reply}])
    result = riskctl(riskctl_binary, "review", "preview", "--as-of", "2027-01-15", "--json", "--socket", fake.path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == reply


def test_run_asks_for_counts_then_lists_the_open_findings(riskctl_binary, daemon):
    fake = daemon([{"parameters": {"run": review_run(open=2), "findings": []}},
                   {"parameters": {"findings": [finding(40), finding(41)], "next": None}}])
    result = riskctl(riskctl_binary, "review", "run", "--socket", fake.path)
    assert result.returncode == 0, result.stderr
    assert fake.calls == [{"method": "org.riskd.review.Run", "parameters": {"findings": False}},
                          {"method": "org.riskd.review.Findings", "parameters": {"open": True, "limit": 50}}]
    lines = result.stdout.splitlines()
    assert lines[:2] == ["Review run 211: 2 raised, 2 open, 1 resolved", ""]
    assert lines[2].split()[0] == "ID"
    assert [line.split()[0] for line in lines[3:5]] == ["F-40", "F-41"]
    assert lines[-1] == "2 open findings."


def test_run_shows_the_first_fifty_of_many_and_says_where_the_rest_are(riskctl_binary, daemon):
    page = [finding(id) for id in range(1, 51)]
    fake = daemon([{"parameters": {"run": review_run(open=131667), "findings": []}},
                   {"parameters": {"findings": page, "next": 50}}])
    result = riskctl(riskctl_binary, "review", "run", "--socket", fake.path)
    assert result.returncode == 0, result.stderr
    assert len(fake.calls) == 2
    lines = result.stdout.splitlines()
    assert len(lines) == 2 + 1 + 50 + 2
    assert lines[-1] == "The first 50 of 131667 open findings; riskctl review findings lists them all."


def test_run_with_nothing_open_asks_nothing_more(riskctl_binary, daemon):
    fake = daemon([{"parameters": {"run": review_run(open=0), "findings": []}}])
    result = riskctl(riskctl_binary, "review", "run", "--socket", fake.path)
    assert result.returncode == 0, result.stderr
    assert [call["method"] for call in fake.calls] == ["org.riskd.review.Run"]
    assert result.stdout.splitlines()[-1] == "0 open findings."


def test_run_json_is_the_run_reply(riskctl_binary, daemon):
    reply = {"run": review_run(), "findings": []}
    fake = daemon([{"parameters": reply}])
    result = riskctl(riskctl_binary, "review", "run", "--json", "--socket", fake.path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == reply
    assert len(fake.calls) == 1


def test_run_needs_admin(riskctl_binary, daemon):
    fake = daemon([{"error": "org.varlink.service.PermissionDenied", "parameters": {}}])
    result = riskctl(riskctl_binary, "review", "run", "--socket", fake.path)
    assert result.returncode == 77
    assert result.stdout == ""
    assert one_error_line(result) == "permission denied: running the review is for the secretariat"


# -- ack and runs --------------------------------------------------------------------------------------
def test_ack_sends_id_and_note(riskctl_binary, daemon):
    acknowledged = finding(40, acknowledgedBy="marko", acknowledgedAt="2026-11-29T09:00:00Z", note="On the agenda")
    fake = daemon([{"parameters": {"finding": acknowledged}}])
    result = riskctl(riskctl_binary, "review", "ack", "f-40", "--note", "On the agenda", "--socket", fake.path)
    assert result.returncode == 0, result.stderr
    assert fake.calls == [{"method": "org.riskd.review.Acknowledge",
                           "parameters": {"id": 40, "note": "On the agenda"}}]
    assert result.stdout.startswith("F-40 acknowledged")


@pytest.mark.parametrize("error,parameters,status,message", [
    ("org.riskd.review.NoSuchFinding", {"id": 9}, 66, "no finding F-9"),
    ("org.riskd.review.InvalidValue", {"field": "note", "reason": "must not be empty"}, 65,
     "invalid value for --note: must not be empty"),
    ("org.varlink.service.PermissionDenied", {}, 77,
     "permission denied: acknowledging a finding is for the secretariat"),
], ids=["NoSuchFinding", "InvalidValue", "PermissionDenied"])
def test_ack_errors(riskctl_binary, daemon, error, parameters, status, message):
    fake = daemon([{"error": error, "parameters": parameters}])
    result = riskctl(riskctl_binary, "review", "ack", "9", "--note", "n", "--socket", fake.path)
    assert result.returncode == status
    assert result.stdout == ""
    assert one_error_line(result) == message


def test_runs_table(riskctl_binary, daemon):
    fake = daemon([{"parameters": {"runs": [review_run(212, trigger="schedule"), review_run(211)]}}])
    result = riskctl(riskctl_binary, "review", "runs", "--limit", "2", "--socket", fake.path)
    assert result.returncode == 0, result.stderr
    assert fake.calls == [{"method": "org.riskd.review.Runs", "parameters": {"limit": 2}}]
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["RUN", "TRIGGER", "STARTED", "FINISHED", "RAISED", "OPEN", "RESOLVED", "ALERTED"]
    assert lines[1].split() == ["212", "schedule", "2026-11-29T06:00:00Z", "2026-11-29T06:00:01Z", "2", "5", "1",
                                "4"]
    assert lines[-1] == "2 runs listed."


def test_runs_needs_admin_or_auditor(riskctl_binary, daemon):
    fake = daemon([{"error": "org.varlink.service.PermissionDenied", "parameters": {}}])
    result = riskctl(riskctl_binary, "review", "runs", "--socket", fake.path)
    assert result.returncode == 77
    assert one_error_line(result) == "permission denied: listing review runs is for the secretariat and auditors"


# -- watch ---------------------------------------------------------------------------------------------
def event(name, item):
    return {"parameters": {"event": name, "finding": item}, "continues": True}


RAISED = event("raised", finding(40))
RESOLVED = event("resolved", finding(12, rule="interest-unmanaged", subject="interest:8", severity="critical",
                                      message="Interest I-8 has no management plan",
                                      resolvedAt="2026-11-29T06:00:03Z"))
REMINDED = event("reminded", finding(41, lastAlertedAt="2026-11-29T06:00:04Z", message="two\nlines"))


def test_watch_prints_each_event_and_exits_0_when_the_connection_closes(riskctl_binary, daemon):
    fake = daemon([[RAISED, RESOLVED, REMINDED, CLOSE]])
    result = riskctl(riskctl_binary, "review", "watch", "--socket", fake.path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert fake.calls == [{"method": "org.riskd.review.Watch", "parameters": {}, "more": True}]
    assert result.stdout.splitlines() == [
        "2026-11-21T06:00:01Z raised F-40 warning risk-review-overdue risk:4 " + finding(40)["message"],
        "2026-11-29T06:00:03Z resolved F-12 critical interest-unmanaged interest:8 Interest I-8 has no management plan",
        "2026-11-29T06:00:04Z reminded F-41 warning risk-review-overdue risk:4 two lines",
    ]


def test_watch_json_prints_one_object_per_line(riskctl_binary, daemon):
    fake = daemon([[RAISED, RESOLVED, CLOSE]])
    result = riskctl(riskctl_binary, "review", "watch", "--json", "--socket", fake.path)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line) for line in result.stdout.splitlines()] == [RAISED["parameters"],
                                                                        RESOLVED["parameters"]]


def test_watch_ends_with_a_reply_without_continues(riskctl_binary, daemon):
    last = {"parameters": RESOLVED["parameters"]}
    fake = daemon([[RAISED, last], {"error": "org.example.NotExpected", "parameters": {}}])
    result = riskctl(riskctl_binary, "review", "watch", "--socket", fake.path)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2
    assert len(fake.calls) == 1


def test_watch_prints_each_event_as_it_arrives(riskctl_binary, daemon):
    """Through a pipe, an event is on riskctl's stdout before the next one is sent."""
    first_read = threading.Event()
    fake = daemon([[RAISED, first_read, RESOLVED, CLOSE]])
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "NO_COLOR": "1"}
    process = subprocess.Popen([riskctl_binary, "review", "watch", "--socket", fake.path], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=environment)
    try:
        ready, _, _ = select.select([process.stdout], [], [], 10)
        assert ready, "no event printed while the stream was open"
        assert process.stdout.readline().split()[1:3] == ["raised", "F-40"]
        first_read.set()
        assert process.stdout.readline().split()[1:3] == ["resolved", "F-12"]
        assert process.wait(10) == 0
    finally:
        first_read.set()
        if process.poll() is None:
            process.kill()
        process.wait()
        process.stdout.close()
        process.stderr.close()


@pytest.mark.parametrize("error,status,message", [
    ("org.varlink.service.PermissionDenied", 77,
     "permission denied: watching review runs is for the secretariat and auditors"),
    ("org.varlink.service.MethodNotImplemented", 1, "this riskd does not implement org.riskd.review.Watch"),
])
def test_watch_error_reply(riskctl_binary, daemon, error, status, message):
    fake = daemon([[RAISED, {"error": error, "parameters": {}}]] if status == 1 else
                  [{"error": error, "parameters": {}}])
    result = riskctl(riskctl_binary, "review", "watch", "--socket", fake.path)
    assert result.returncode == status
    assert one_error_line(result).startswith(message)


# -- on a terminal -------------------------------------------------------------------------------------
def run_on_terminal(binary, args, columns=100, env=None):
    """Runs riskctl with stdout on a pseudo-terminal `columns` wide; returns (status, output)."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TERM": "xterm"}
    environment.update(env or {})
    process = subprocess.Popen([binary, *args], stdout=terminal, stderr=subprocess.PIPE, env=environment)
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    status = process.wait(10)
    process.stderr.close()
    return status, output.decode().replace("\r\n", "\n")


def test_severity_is_coloured_and_message_cut_on_a_terminal_only(riskctl_binary, daemon):
    long_message = " ".join(["Member ivan has not confirmed their declarations"] * 4)
    findings = [finding(40, message=long_message), finding(41, severity="critical")]
    fake = daemon([{"parameters": {"findings": findings, "next": None}}] * 3)
    status, output = run_on_terminal(riskctl_binary, ["review", "findings", "--socket", fake.path], columns=100)
    assert status == 0
    lines = output.splitlines()
    assert "\x1b[33mwarning\x1b[0m" in lines[1]
    assert "\x1b[31mcritical\x1b[0m" in lines[2]
    assert lines[1].endswith("…")
    assert len(lines[1].replace("\x1b[33m", "").replace("\x1b[0m", "")) == 100

    status, output = run_on_terminal(riskctl_binary, ["review", "findings", "--socket", fake.path],
                                     env={"NO_COLOR": ""})
    assert status == 0
    assert "\x1b[" not in output

    result = riskctl(riskctl_binary, "review", "findings", "--socket", fake.path)
    assert result.stdout.splitlines()[1].endswith(long_message)


# -- status --------------------------------------------------------------------------------------------
STATUS = {"version": "0.1.0", "startedAt": "2026-11-29T05:59:58Z", "schemaVersion": 4, "risks": 21,
          "interests": 3, "openFindings": 5, "lastReviewRun": "2026-11-29T06:00:01Z"}


@pytest.mark.parametrize("last,shown", [("2026-11-29T06:00:01Z", "2026-11-29T06:00:01Z"), (None, "never")])
def test_status_shows_the_last_review_run_and_open_findings(riskctl_binary, daemon, last, shown):
    fake = daemon([{"parameters": dict(STATUS, lastReviewRun=last)}])
    result = riskctl(riskctl_binary, "status", "--socket", fake.path)
    assert result.returncode == 0, result.stderr
    fields = dict(line.strip().split(": ", 1) for line in result.stdout.splitlines())
    assert fields["Open findings"] == "5"
    assert fields["Last review"] == shown
