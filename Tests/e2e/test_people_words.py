"""Errors and tables in people's words (issue 23), with real uids against the real riskd.

- A refusal says what the person tried, who may, which group to join and what they are, with no protocol name:
  one method of each interface, for every role without access to it. The interfaces are the IDL files; the
  methods, their `Roles:` and `Does:` lines are read from the daemon's own GetInterfaceDescription.
- A record the caller may not see answers exactly as a missing one: the same bytes on the wire, the same riskctl
  line.
- `risk list` fits 80 columns and keeps titles readable; `--full` prints them whole.
- riskctl names every missing option at once, suggests the ISO form of a date written otherwise, says when an
  action is added already overdue, whether `audit verify --head` found the head, and shows a diff in `diff -u`
  order.
"""
import fcntl
import json
import os
import re
import struct
import subprocess
import termios
from pathlib import Path

import pytest

from riskd_e2e import RISKCTL
from test_meeting_cli import SECRET, board  # noqa: F401
from test_risk_governance_cli import ok, riskctl

REPO = Path(__file__).resolve().parents[2]
INTERFACES = sorted(path.stem for path in (REPO / "Sources" / "RiskProtocol" / "IDL").glob("org.riskd.*.varlink"))
DENIED = "org.varlink.service.PermissionDenied"
# Each test user, the role it holds in the test configuration, and the words a refusal calls it by.
USERS = {"rdt-admin": ("admin", "secretariat"), "rdt-board": ("board", "board member"),
         "rdt-audit": ("auditor", "auditor"), "rdt-mailer": ("mailer", "mail deliverer"),
         "rdt-nobody": (None, "no role in riskd")}
# Where each role comes from in the test configuration (riskd_e2e.config_text): a group to join, or a name in the
# access list.
GRANTED_BY = {"admin": "(group rdt-admin)", "board": "(group rdt-board)", "auditor": "(named in riskd's access list)",
              "mailer": "(named in riskd's access list)"}

# Sends each call on its own connection and prints every answer exactly as it came, NUL removed, latin-1.
RAW_CLIENT = r'''
import json, socket, sys
path, calls = sys.argv[1], json.load(sys.stdin)
answers = []
for method, parameters in calls:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(20)
        connection.connect(path)
        connection.sendall(json.dumps({"method": method, "parameters": parameters}).encode() + b"\0")
        data = b""
        while not data.endswith(b"\0"):
            chunk = connection.recv(65536)
            if not chunk:
                break
            data += chunk
    answers.append(data.rstrip(b"\0").decode("latin-1"))
print(json.dumps(answers))
'''


@pytest.fixture(scope="module")
def raw_calls(user_python):
    """raw_calls(user, socket, [(method, parameters)]) -> [the answer's bytes as text], each as that user."""

    def run(user, socket, calls):
        result = user_python(user, RAW_CLIENT, socket, input=json.dumps(calls))
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    return run


def methods_of(daemon, interface):
    """{method: (roles line, does line)} of `interface`, from the daemon's GetInterfaceDescription."""
    description = daemon.call("org.varlink.service.GetInterfaceDescription", interface=interface)["description"]
    found = {}
    for match in re.finditer(r"((?:^#.*\n)*)^method (\w+)\(", description, re.M):
        comment = match.group(1)
        roles = re.search(r"^# Roles: (.*)$", comment, re.M)
        does = re.search(r"^# Does: (.*)$", comment, re.M)
        assert roles and does, "%s.%s has no Roles: or Does: line" % (interface, match.group(2))
        found[match.group(2)] = ({item.split("(")[0].strip() for item in roles.group(1).split(",")},
                                 does.group(1).strip())
    assert found, "no method in %s" % interface
    return found


@pytest.mark.parametrize("interface", INTERFACES)
def test_a_refusal_says_what_was_tried_who_may_and_which_group_to_join(module_daemon, raw_calls, interface):
    refused = 0
    for user, (role, held) in USERS.items():
        # The first method of the interface this user's role may not call; an interface open to the role is skipped.
        method = next(((name, granted, does) for name, (granted, does) in methods_of(module_daemon, interface).items()
                       if "anyone" not in granted and role not in granted), None)
        if method is None:
            continue
        name, granted, does = method
        [answer] = raw_calls(user, module_daemon.socket, [("%s.%s" % (interface, name), {})])
        reply = json.loads(answer)
        assert reply["error"] == DENIED, (user, name, answer)
        assert "org.riskd." not in answer, answer
        message = reply["parameters"]["message"]
        assert message.startswith(does + " is for "), message
        assert message.endswith("; you are %s: %s" % (user, held)), message
        for role_granted in granted:
            assert GRANTED_BY[role_granted] in message, (role_granted, message)
        assert reply["parameters"]["does"] == does and reply["parameters"]["user"] == user
        refused += 1
    assert refused > 0, "every role may call every method of %s" % interface


def test_riskctl_prints_the_refusal_in_peoples_words(module_daemon, as_user, user_riskctl):
    result = riskctl(module_daemon, "risk", "add", "--title", "T", "--category", "governance", "--likelihood", 1,
                     "--impact", 1, user="rdt-board", as_user=as_user, binary=user_riskctl)
    assert result.returncode == 77
    assert result.stderr == ("riskctl: permission denied: adding a risk is for the secretariat (group rdt-admin); "
                             "you are rdt-board: board member\n")


def test_a_refusal_a_parameter_decides_names_who_may_ask_for_it(module_daemon, raw_calls):
    [answer] = raw_calls("rdt-board", module_daemon.socket, [("org.riskd.report.Board", {"confidential": True})])
    reply = json.loads(answer)
    assert reply["error"] == DENIED and "org.riskd." not in answer
    assert reply["parameters"]["message"] == (
        "making the confidential copy of the board pack is for the secretariat (group rdt-admin) and auditors "
        "(named in riskd's access list); you are rdt-board: board member")


# -- a hidden record answers as a missing one ----------------------------------------------------------------
MISSING = 9


def test_a_hidden_record_answers_exactly_as_a_missing_one(board, raw_calls):  # noqa: F811
    daemon = board.daemon
    interests = daemon.call("org.riskd.interest.List")["interests"]
    [hidden] = [i["id"] for i in interests if i["organisation"] == SECRET]
    assert hidden != MISSING and MISSING not in [i["id"] for i in interests]
    [concern] = [daemon.call("org.riskd.concern.Raise", kind="other", text="About the secretariat")["concern"]["id"]]
    assert concern != MISSING

    def calls(interest, concern_id, member):
        return [("org.riskd.interest.Get", {"id": interest}),
                ("org.riskd.interest.Update", {"id": interest, "description": "Changed"}),
                ("org.riskd.interest.Update", {"id": interest, "description": "Changed", "ifRevision": 7}),
                ("org.riskd.interest.End", {"id": interest, "endedOn": "2027-01-15"}),
                ("org.riskd.concern.Get", {"id": concern_id}),
                ("org.riskd.member.Get", {"user": member}),
                ("org.riskd.member.Export", {"user": member}),
                ("org.riskd.audit.Log", {"subject": "interest:%d" % interest})]

    seen = raw_calls("rdt-board", daemon.socket, calls(hidden, concern, "rdt-board2"))
    absent = raw_calls("rdt-board", daemon.socket, calls(MISSING, MISSING, "rdt-ghost"))
    for hidden_answer, absent_answer, (method, _) in zip(seen, absent, calls(hidden, concern, "rdt-board2")):
        assert "NoSuch" in absent_answer or DENIED in absent_answer, (method, absent_answer)
        # The same bytes but for the record asked about.
        asked = str(concern) if "concern" in method else "rdt-board2" if "member" in method else str(hidden)
        assert hidden_answer.replace(asked, "N") == absent_answer.replace(str(MISSING), "N").replace(
            "rdt-ghost", "N"), (method, hidden_answer, absent_answer)

    for args in (["interest", "show"], ["interest", "end"], ["interest", "update", "--description", "Changed"]):
        shown = board("rdt-board", *args, "I-%d" % hidden)
        missing = board("rdt-board", *args, "I-%d" % MISSING)
        assert shown.returncode == missing.returncode == 66, (args, shown.stderr, missing.stderr)
        assert shown.stderr.replace("I-%d" % hidden, "I-N") == missing.stderr.replace("I-%d" % MISSING, "I-N")
        assert SECRET not in shown.stdout + shown.stderr
    assert SECRET in ok(board("rdt-board2", "interest", "show", "I-%d" % hidden))


# -- tables that fit ---------------------------------------------------------------------------------------------
TITLES = ["Loss of the main operating grant when the donor's strategy changes in 2027",
          "Conflicts of interest of board members with member organisations not declared in time",
          "Data protection"]


def test_risk_list_fits_80_columns_and_keeps_titles_readable(daemon):
    for title in TITLES:
        daemon.call("org.riskd.risk.Add", title=title, category="financial", likelihood=4, impact=5,
                    owner="root")
    daemon.call("org.riskd.risk.Accept", id=1, until="2099-06-30", note="Tolerated", decision="M-3 item 4")
    environment = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1", "COLUMNS": "80"}
    narrow = subprocess.run([RISKCTL, "--socket", daemon.socket, "risk", "list"], capture_output=True, text=True,
                            env=environment, timeout=60)
    assert narrow.returncode == 0, narrow.stderr
    lines = narrow.stdout.splitlines()
    header = lines[0]
    assert all(len(line) <= 80 for line in lines), "\n".join(lines)
    start = header.index("TITLE")
    titles = [line[start:] for line in lines[1:4]]
    # Each title whole, or cut to no fewer than 20 characters.
    assert sorted(titles, key=len)[0] == "Data protection", titles
    assert all(len(title) >= 20 and title.endswith("…") for title in titles if title != "Data protection"), titles

    for flag in ("--full", "-l"):
        full = subprocess.run([RISKCTL, "--socket", daemon.socket, "risk", "list", flag], capture_output=True,
                              text=True, env=environment, timeout=60)
        assert full.returncode == 0, full.stderr
        for title in TITLES:
            assert title in full.stdout
    piped = ok(riskctl(daemon, "risk", "list"))
    assert all(title in piped for title in TITLES)

    # On a terminal 80 columns wide, without $COLUMNS: the width comes from the terminal itself.
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    environment.pop("COLUMNS")
    with subprocess.Popen([RISKCTL, "--socket", daemon.socket, "risk", "list"], stdout=slave, stderr=slave,
                          stdin=subprocess.DEVNULL, env=environment) as process:
        os.close(slave)
        output = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        assert process.wait(timeout=60) == 0, output
    os.close(master)
    lines = output.decode().replace("\r\n", "\n").splitlines()
    assert lines[0].startswith("ID") and all(len(line) <= 80 for line in lines), lines
    assert lines == narrow.stdout.splitlines()


# -- small hints ---------------------------------------------------------------------------------------------
def test_every_missing_option_is_named_at_once(daemon):
    result = riskctl(daemon, "risk", "add", "--title", "Funding overlap")
    assert result.returncode == 64
    assert result.stderr.splitlines() == [
        "riskctl: missing expected arguments '--category <name>', '--likelihood <n>' and '--impact <n>' "
        "(see 'riskctl risk add --help')"]
    assert daemon.call("org.riskd.risk.List")["risks"] == []


@pytest.mark.parametrize("written,meant", [("31/12/2026", "did you mean 2026-12-31?"),
                                           ("31.12.2026", "did you mean 2026-12-31?"),
                                           ("2026/12/31", "did you mean 2026-12-31?"),
                                           ("01/02/2027", "did you mean 2027-02-01 or 2027-01-02?")])
def test_a_date_written_otherwise_gets_its_iso_form_suggested(daemon, written, meant):
    result = riskctl(daemon, "risk", "add", "--title", "T", "--category", "financial", "--likelihood", 1,
                     "--impact", 1, "--next-review", written)
    assert result.returncode == 64
    [line] = result.stderr.splitlines()
    assert "must be a real date written YYYY-MM-DD; " + meant in line, line


def test_an_action_added_already_overdue_says_so(daemon):
    daemon.call("org.riskd.risk.Add", title="T", category="financial", likelihood=3, impact=3)
    late = ok(riskctl(daemon, "risk", "action", "add", "R-1", "--description", "Late", "--owner", "root", "--due",
                      "2020-01-31"))
    assert "due 2020-01-31, owner root. It is already overdue: its due day has passed (today is " in late
    timely = ok(riskctl(daemon, "risk", "action", "add", "R-1", "--description", "Timely", "--owner", "root",
                        "--due", "2099-01-31"))
    assert "overdue" not in timely


def test_audit_verify_says_whether_the_head_given_was_found(daemon):
    daemon.call("org.riskd.risk.Add", title="T", category="financial", likelihood=3, impact=3)
    head = daemon.call("org.riskd.audit.Verify")["head"]
    found = riskctl(daemon, "audit", "verify", "--head", head)
    assert found.returncode == 0, found.stderr
    assert found.stdout.rstrip().endswith("; it holds the head you gave (%s…)" % head[:12]), found.stdout
    assert daemon.call("org.riskd.audit.Verify", head=head)["headFound"] is True

    unknown = "ab" * 32
    lost = riskctl(daemon, "audit", "verify", "--head", unknown)
    assert lost.returncode == 1
    assert lost.stdout.startswith("Audit chain does not hold the head you gave (abababababab…): it was not found"), \
        lost.stdout
    assert daemon.call("org.riskd.audit.Verify", head=unknown)["headFound"] is False
    assert "headFound" not in daemon.call("org.riskd.audit.Verify") or \
        daemon.call("org.riskd.audit.Verify")["headFound"] is not False


def test_a_diff_of_the_code_reads_in_diff_u_order(daemon, tmp_path):
    first, second = tmp_path / "v1.md", tmp_path / "v2.md"
    first.write_text("# Code\n\nOne.\nGifts above 50 EUR are declared.\nThree.\n")
    second.write_text("# Code\n\nOne.\nGifts above 30 EUR are declared.\nAnd refused above 100 EUR.\nThree.\n")
    tmp_path.chmod(0o755)
    ok(riskctl(daemon, "ethics", "publish", str(first), "--title", "Code"))
    ok(riskctl(daemon, "ethics", "publish", str(second), "--title", "Code"))
    lines = ok(riskctl(daemon, "ethics", "diff", "1", "2")).splitlines()
    marks = [line[:3] if line.startswith(("---", "+++", "@@")) else line[:1] for line in lines]
    assert marks[:3] == ["---", "+++", "@@ "], lines
    changed = [line for line in lines[3:] if line[:1] in "+-"]
    assert changed == ["-Gifts above 50 EUR are declared.", "+Gifts above 30 EUR are declared.",
                       "+And refused above 100 EUR."], lines
