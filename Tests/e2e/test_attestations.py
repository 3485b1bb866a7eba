"""Signed attestations (issue 24) with real uids and the real ssh-keygen: members register their public SSH keys
(member.AddKey/Keys/RemoveKey, self or admin), sign the statement riskd gives with `riskctl interest confirm --sign`
and `riskctl ethics ack --sign`, and an auditor checks every attestation with plain `ssh-keygen -Y verify` on the
files `riskctl audit attestations --export` writes. A changed byte, another member's key, a replay on a later day,
a statement made before the register changed and another namespace are each refused or fail to verify; with
interests.require_signature an unsigned confirmation is refused.
"""
import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from riskd_e2e import SECOND_BOARD, VarlinkCallError, make_test_dir

NOW = "2026-12-06T10:00:00Z"
DECLARATION = {"kind": "funding", "organisation": "Western Balkan Fund", "description": "Coordinator",
               "startedOn": "2026-01-02"}


@pytest.fixture
def homes(users, board2, as_user):
    """{user: home}: for rdt-board and rdt-board2 a private home with ~/.ssh/id_ed25519 made by ssh-keygen as that
    user, so the private key never belongs to root."""
    made = {}
    for user in ("rdt-board", "rdt-board2"):
        home = make_test_dir("riskd-e2e-home-")
        shutil.chown(home, users[user].name, users[user].name)
        home.chmod(0o700)
        assert as_user(user, ["mkdir", "-m", "700", str(home / ".ssh")]).returncode == 0
        made_key = as_user(user, ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", user + "@laptop",
                                  "-f", str(home / ".ssh" / "id_ed25519")])
        assert made_key.returncode == 0, made_key.stderr
        made[user] = home
    yield made
    for home in made.values():
        shutil.rmtree(home, ignore_errors=True)


def public_key(home):
    return (home / ".ssh" / "id_ed25519.pub").read_text().strip()


def fingerprint(path):
    return subprocess.run(["ssh-keygen", "-lf", str(path)], capture_output=True, text=True, check=True,
                          timeout=30).stdout.split()[1]


def riskctl(as_user, user_riskctl, user, daemon, *argv, home=None, input=None, env=None):
    return as_user(user, [user_riskctl, "--socket", daemon.socket, *argv], input=input,
                   env=dict({"HOME": str(home)} if home else {}, **(env or {})))


def call(user_calls, daemon, caller, interface, method, **parameters):
    [result] = user_calls(caller, daemon.socket, [("org.riskd." + interface, method, parameters)])
    return result


def sign(as_user, user, home, text, namespace="riskd"):
    """Signs `text` as `user` with their own key, as ssh-keygen -Y sign does for anyone."""
    signed = as_user(user, ["ssh-keygen", "-q", "-Y", "sign", "-n", namespace, "-f",
                            str(home / ".ssh" / "id_ed25519")], input=text)
    assert signed.returncode == 0, signed.stderr
    return signed.stdout


def refused(result, words):
    assert not result["ok"], result
    assert result["error"].endswith(".InvalidValue"), result
    assert result["parameters"]["field"] == "signature", result
    assert words in result["parameters"]["reason"], result["parameters"]["reason"]


def test_keys_are_managed_by_their_member_or_an_admin(start_daemon, users, homes, as_user, user_riskctl,
                                                      user_calls):
    daemon = start_daemon(board=SECOND_BOARD, now=NOW)
    own = homes["rdt-board"] / ".ssh" / "id_ed25519.pub"
    added = riskctl(as_user, user_riskctl, "rdt-board", daemon, "member", "key", "add", str(own))
    assert added.returncode == 0, added.stderr
    assert added.stdout == "Registered ssh-ed25519 key %s.\n" % fingerprint(own)

    other = homes["rdt-board2"] / ".ssh" / "id_ed25519.pub"
    shutil.copy(other, homes["rdt-board"] / "other.pub")
    shutil.chown(homes["rdt-board"] / "other.pub", "rdt-board", "rdt-board")
    denied = riskctl(as_user, user_riskctl, "rdt-board", daemon, "member", "key", "add",
                     str(homes["rdt-board"] / "other.pub"), "--user", "rdt-board2")
    assert denied.returncode == 77 and "permission denied" in denied.stderr, denied
    assert daemon.call("org.riskd.member.AddKey", user="rdt-board2", publicKey=public_key(homes["rdt-board2"]))[
        "key"]["addedBy"] == "root"

    again = riskctl(as_user, user_riskctl, "rdt-board", daemon, "member", "key", "add", str(own))
    assert again.returncode == 65, again
    assert again.stderr == "riskctl: invalid value for publicKey: is already registered to rdt-board as %s\n" % (
        fingerprint(own))
    theirs = call(user_calls, daemon, "rdt-board", "member", "AddKey", publicKey=public_key(homes["rdt-board2"]))
    assert not theirs["ok"] and "another member" in theirs["parameters"]["reason"], theirs
    for bad, words in [("ssh-dss AAAAB3NzaC1kc3M=", "ssh-dss"), ("not a key", "not an OpenSSH public key"),
                       ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBYQ", "truncated")]:
        result = call(user_calls, daemon, "rdt-board", "member", "AddKey", publicKey=bad)
        assert not result["ok"] and result["parameters"]["field"] == "publicKey", result
        assert words in result["parameters"]["reason"], result

    listed = riskctl(as_user, user_riskctl, "rdt-audit", daemon, "member", "key", "list", "--user", "rdt-board")
    assert listed.returncode == 0 and fingerprint(own) in listed.stdout and "1 key listed." in listed.stdout, listed
    assert not call(user_calls, daemon, "rdt-board", "member", "Keys", user="rdt-board2")["ok"]
    assert not call(user_calls, daemon, "rdt-audit", "member", "RemoveKey", user="rdt-board",
                    fingerprint=fingerprint(own))["ok"]
    removed = riskctl(as_user, user_riskctl, "rdt-board", daemon, "member", "key", "remove", fingerprint(own))
    assert removed.returncode == 0 and "Removed" in removed.stdout, removed
    assert daemon.call("org.riskd.member.Keys", user="rdt-board")["keys"] == []
    gone = riskctl(as_user, user_riskctl, "rdt-board", daemon, "member", "key", "remove", fingerprint(own))
    assert gone.returncode == 65 and "no key" in gone.stderr, gone
    methods = [entry["method"] for entry in daemon.call("org.riskd.audit.Log", limit=1000)["entries"]]
    assert methods.count("org.riskd.member.AddKey") == 2 and methods.count("org.riskd.member.RemoveKey") == 1

    # At most 20 keys at once; the 21st is refused and nothing is stored.
    keys = make_test_dir("riskd-e2e-keys-")
    for number in range(21):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(keys / str(number))], check=True,
                       capture_output=True, timeout=30)
    for number in range(20):
        daemon.call("org.riskd.member.AddKey", user="rdt-board", publicKey=(keys / ("%d.pub" % number)).read_text())
    with pytest.raises(VarlinkCallError) as refusal:
        daemon.call("org.riskd.member.AddKey", user="rdt-board", publicKey=(keys / "20.pub").read_text())
    assert refusal.value.parameters == {"field": "publicKey",
                                        "reason": "rdt-board has 20 keys registered, the most; remove one first"}
    assert len(daemon.call("org.riskd.member.Keys", user="rdt-board")["keys"]) == 20
    shutil.rmtree(keys, ignore_errors=True)


def test_a_signed_confirmation_verifies_with_openssh_alone(start_daemon, users, homes, as_user, user_riskctl,
                                                           user_calls):
    daemon = start_daemon(board=SECOND_BOARD, now=NOW)
    board = homes["rdt-board"]
    assert call(user_calls, daemon, "rdt-board", "interest", "Declare", **DECLARATION)["ok"]
    assert riskctl(as_user, user_riskctl, "rdt-board", daemon, "member", "key", "add",
                   str(board / ".ssh" / "id_ed25519.pub")).returncode == 0
    # No --key: riskctl finds ~/.ssh/id_ed25519.pub and ssh-keygen the private key beside it.
    confirmed = riskctl(as_user, user_riskctl, "rdt-board", daemon, "interest", "confirm", "--sign", "--yes",
                        home=board)
    assert confirmed.returncode == 0, confirmed.stderr
    key = fingerprint(board / ".ssh" / "id_ed25519.pub")
    assert "Signed with %s." % key in confirmed.stdout, confirmed.stdout
    daemon.call("org.riskd.ethics.Publish", title="Code of conduct", body="Declare what you hold.")
    acknowledged = riskctl(as_user, user_riskctl, "rdt-board", daemon, "ethics", "ack", "--yes", "--key",
                           str(board / ".ssh" / "id_ed25519.pub"))
    assert acknowledged.returncode == 0 and "Signed with %s." % key in acknowledged.stdout, acknowledged
    again = riskctl(as_user, user_riskctl, "rdt-board", daemon, "ethics", "ack", "--yes", "--key",
                    str(board / ".ssh" / "id_ed25519.pub"))
    assert again.returncode == 0 and len(daemon.call("org.riskd.audit.Attestations")["attestations"]) == 2, \
        "the same statement signed again the same day is kept once"

    entries = daemon.call("org.riskd.audit.Log", limit=1000)["entries"]
    confirm = [e for e in entries if e["method"] == "org.riskd.interest.Confirm"][-1]
    detail = json.loads(confirm["detail"])
    assert detail["fingerprint"] == key and detail["signature"].startswith("-----BEGIN SSH SIGNATURE-----")
    assert detail["statement"].startswith("sha256:"), detail
    # The board member removes the key afterwards: what it signed still verifies.
    daemon.call("org.riskd.member.RemoveKey", user="rdt-board", fingerprint=key)
    own = call(user_calls, daemon, "rdt-board", "member", "Export")["parameters"]
    assert own["keys"] == [] and [a["kind"] for a in own["attestations"]] == [
        "interest_confirmation", "code_acknowledgement"]

    export = make_test_dir("riskd-e2e-attestations-")
    exported = subprocess.run([user_riskctl, "--socket", daemon.socket, "audit", "attestations", "--export",
                               str(export / "out")], capture_output=True, text=True, timeout=60)
    assert exported.returncode == 0, exported.stderr
    out = export / "out"
    statement = (out / "1.statement").read_text()
    assert statement.startswith("riskd attestation: confirmation of declarations of interests\n")
    assert "Date: 2026-12-06\n" in statement and "Western Balkan Fund" in statement
    assert "Coordinator" not in statement, "the free text is never in a statement"
    assert "version 1 of the ethical code" in (out / "2.statement").read_text()
    assert "ssh-keygen -Y verify -f allowed_signers -I rdt-board -n riskd -s 1.sig < 1.statement" in (
        out / "README").read_text()

    def verify(number, statement_bytes, identity="rdt-board"):
        return subprocess.run(["ssh-keygen", "-Y", "verify", "-f", "allowed_signers", "-I", identity, "-n", "riskd",
                               "-s", "%d.sig" % number], input=statement_bytes, capture_output=True, cwd=out,
                              timeout=30)

    for number in (1, 2):
        checked = verify(number, (out / ("%d.statement" % number)).read_bytes())
        assert checked.returncode == 0, checked.stderr
    changed = bytearray((out / "1.statement").read_bytes())
    changed[-3] ^= 0x01
    assert verify(1, bytes(changed)).returncode != 0, "one changed byte fails to verify"
    assert verify(1, (out / "1.statement").read_bytes(), identity="rdt-board2").returncode != 0
    shutil.rmtree(export, ignore_errors=True)


def test_foreign_stale_replayed_and_wrong_namespace_signatures_are_refused(start_daemon, users, homes, as_user,
                                                                           user_calls):
    daemon = start_daemon(board=SECOND_BOARD, now=NOW)
    board, board2 = homes["rdt-board"], homes["rdt-board2"]
    assert call(user_calls, daemon, "rdt-board", "interest", "Declare", **DECLARATION)["ok"]
    for user, home in (("rdt-board", board), ("rdt-board2", board2)):
        added = call(user_calls, daemon, user, "member", "AddKey", publicKey=public_key(home))
        assert added["ok"], added
    before = len(daemon.call("org.riskd.audit.Log", limit=1000)["entries"])

    statement = call(user_calls, daemon, "rdt-board", "interest", "Statement")["parameters"]["text"]
    foreign = sign(as_user, "rdt-board2", board2, statement)
    refused(call(user_calls, daemon, "rdt-board", "interest", "Confirm", signature=foreign),
            "which is not registered to rdt-board")
    refused(call(user_calls, daemon, "rdt-board", "interest", "Confirm",
                 signature=sign(as_user, "rdt-board", board, statement, namespace="git")), "namespace 'git'")
    refused(call(user_calls, daemon, "rdt-board", "interest", "Confirm",
                 signature=sign(as_user, "rdt-board", board, statement.replace("2026-12-06", "2026-12-07"))),
            "does not verify over the statement as it is now")
    refused(call(user_calls, daemon, "rdt-board", "interest", "Confirm", signature="-----BEGIN SSH SIGNATURE-----\n"),
            "must end with")
    assert len(daemon.call("org.riskd.audit.Log", limit=1000)["entries"]) == before, "a refusal changes nothing"

    signature = sign(as_user, "rdt-board", board, statement)
    # A statement made before the register changed no longer verifies.
    assert call(user_calls, daemon, "rdt-board", "interest", "Declare",
                **dict(DECLARATION, organisation="Open Society Foundations"))["ok"]
    refused(call(user_calls, daemon, "rdt-board", "interest", "Confirm", signature=signature),
            "the register or the day changed")

    fresh = call(user_calls, daemon, "rdt-board", "interest", "Statement")["parameters"]["text"]
    signed = sign(as_user, "rdt-board", board, fresh)
    accepted = call(user_calls, daemon, "rdt-board", "interest", "Confirm", signature=signed)
    assert accepted["ok"] and accepted["parameters"]["fingerprint"] == fingerprint(board / ".ssh" / "id_ed25519.pub")
    # A year later the same signature is a replay: the date is in the statement.
    daemon.set_now("2027-12-06T10:00:00Z")
    refused(call(user_calls, daemon, "rdt-board", "interest", "Confirm", signature=signed),
            "does not verify over the statement as it is now")
    attestations = daemon.call("org.riskd.audit.Attestations")["attestations"]
    assert [(a["kind"], a["user"], a["statement"]) for a in attestations] == [
        ("interest_confirmation", "rdt-board", fresh)]
    mine = call(user_calls, daemon, "rdt-board2", "audit", "Attestations")
    assert mine["ok"] and mine["parameters"]["attestations"] == [], "a board member reads only their own"


def test_require_signature_refuses_unsigned(start_daemon, users, homes, as_user, user_riskctl, user_calls):
    daemon = start_daemon(board=SECOND_BOARD, now=NOW, extra_config="[interests]\nrequire_signature = true\n")
    unsigned = riskctl(as_user, user_riskctl, "rdt-board", daemon, "interest", "confirm", "--yes")
    assert unsigned.returncode == 65 and "invalid value for signature: is required" in unsigned.stderr, unsigned
    assert daemon.call("org.riskd.member.Get", user="rdt-board")["member"].get("lastConfirmedAt") is None
    daemon.call("org.riskd.ethics.Publish", title="Code", body="Be honest.")
    code = daemon.call("org.riskd.ethics.Current")["code"]
    refused(call(user_calls, daemon, "rdt-board", "ethics", "Acknowledge", version=code["version"],
                 sha256=code["sha256"]), "is required")
    assert call(user_calls, daemon, "rdt-board", "member", "AddKey", publicKey=public_key(homes["rdt-board"]))["ok"]
    signed = riskctl(as_user, user_riskctl, "rdt-board", daemon, "interest", "confirm", "--sign", "--yes",
                     home=homes["rdt-board"])
    assert signed.returncode == 0, signed.stderr
    with pytest.raises(VarlinkCallError):
        daemon.call("org.riskd.interest.Statement")  # root holds no board role


def test_board_pack_and_register_mark_signed_confirmations(start_daemon, users, homes, as_user, user_riskctl, user_calls):
    daemon = start_daemon(board=SECOND_BOARD, now=NOW)
    first = call(user_calls, daemon, "rdt-board2", "interest", "Confirm", nothingToDeclare=True)
    assert first["ok"], first
    pack = daemon.call("org.riskd.report.Board")["html"]
    assert "The latest confirmation is not signed" in pack, "one unsigned confirmation"
    assert call(user_calls, daemon, "rdt-board", "member", "AddKey", publicKey=public_key(homes["rdt-board"]))["ok"]
    assert riskctl(as_user, user_riskctl, "rdt-board", daemon, "interest", "confirm", "--nothing-to-declare",
                   "--sign", "--yes", home=homes["rdt-board"]).returncode == 0
    pack = daemon.call("org.riskd.report.Board")["html"]
    assert "1 of the 2 latest confirmations is signed" in pack, pack
    register = daemon.call("org.riskd.interest.Register")
    assert sorted((c["member"], c["signed"]) for c in register["confirmations"]) == [
        ("rdt-board", True), ("rdt-board2", False)]
    page = subprocess.run([user_riskctl, "--socket", daemon.socket, "interest", "register", "--format", "html"],
                          capture_output=True, text=True, timeout=60)
    assert page.returncode == 0 and "1 of the 2 latest confirmations is signed with the member" in page.stdout, page


def test_a_signing_failure_sends_nothing(start_daemon, users, homes, as_user, user_riskctl):
    daemon = start_daemon(board=SECOND_BOARD, now=NOW)
    empty = make_test_dir("riskd-e2e-nokey-")
    shutil.chown(empty, "rdt-board", "rdt-board")
    result = riskctl(as_user, user_riskctl, "rdt-board", daemon, "interest", "confirm", "--sign", "--yes",
                     home=empty)
    assert result.returncode == 1 and "no SSH key to sign with" in result.stderr, result
    missing = riskctl(as_user, user_riskctl, "rdt-board", daemon, "interest", "confirm", "--yes", "--key",
                      str(Path(empty) / "absent.pub"))
    assert missing.returncode == 1 and "ssh-keygen could not sign" in missing.stderr, missing
    assert daemon.call("org.riskd.member.Get", user="rdt-board")["member"].get("lastConfirmedAt") is None
    shutil.rmtree(empty, ignore_errors=True)


def test_ssh_agent_signs_when_it_holds_the_key(start_daemon, users, homes, as_user, user_riskctl, user_calls):
    """The agent holds the private key, which is nowhere on disk: the key never reaches riskctl, only the signature
    does. Without --key, riskctl picks the key registered in riskd among the default and the agent's keys."""
    daemon = start_daemon(board=SECOND_BOARD, now=NOW)
    home = homes["rdt-board"]
    registered = home / "registered.pub"
    (home / ".ssh" / "id_ed25519.pub").rename(registered)
    assert call(user_calls, daemon, "rdt-board", "member", "AddKey", publicKey=registered.read_text())["ok"]
    socket = home / "agent.sock"
    user = users["rdt-board"]
    agent = subprocess.Popen(["setpriv", "--reuid=%d" % user.uid, "--regid=%d" % user.gid, "--init-groups", "--",
                              "ssh-agent", "-D", "-a", str(socket)], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        agent_env = {"SSH_AUTH_SOCK": str(socket)}
        added = as_user("rdt-board", ["ssh-add", "-q", str(home / ".ssh" / "id_ed25519")], env=agent_env)
        assert added.returncode == 0, added.stderr
        (home / ".ssh" / "id_ed25519").rename(home / "private-key-elsewhere")
        # A second key, not registered, is now the default one on disk.
        other = as_user("rdt-board", ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
                                      str(home / ".ssh" / "id_ed25519")])
        assert other.returncode == 0, other.stderr

        without = riskctl(as_user, user_riskctl, "rdt-board", daemon, "interest", "confirm", "--yes", "--key",
                          str(registered))
        assert without.returncode == 1 and "ssh-keygen could not sign" in without.stderr, without
        signed = riskctl(as_user, user_riskctl, "rdt-board", daemon, "interest", "confirm", "--yes", "--key",
                         str(registered), env=agent_env)
        assert signed.returncode == 0 and "Signed with %s." % fingerprint(registered) in signed.stdout, signed
        chosen = riskctl(as_user, user_riskctl, "rdt-board", daemon, "interest", "confirm", "--yes", "--sign",
                         home=home, env=agent_env)
        assert chosen.returncode == 0 and "Signed with %s." % fingerprint(registered) in chosen.stdout, chosen
        unregistered = riskctl(as_user, user_riskctl, "rdt-board", daemon, "interest", "confirm", "--yes", "--sign",
                               home=home)
        assert unregistered.returncode == 65 and "is not registered to rdt-board" in unregistered.stderr, unregistered
    finally:
        agent.terminate()
        agent.wait(timeout=30)
