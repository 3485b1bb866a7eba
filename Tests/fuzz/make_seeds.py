#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz corpus (Tests/fuzz/corpus/seed-*) and the dictionary (Tests/fuzz/varlink.dict).

An input is one header byte, then what a peer sends. The header's low three bits choose the caller (0 admin,
1 board member, 2 another board member, 3 auditor, 4 no role); its high five bits the size of the reads that
deliver the rest (0: one read; n: reads of 2**(n-1) bytes). See Sources/RiskFuzzing/FuzzHarness.swift.

Run from anywhere: python3 Tests/fuzz/make_seeds.py. Inputs libFuzzer adds (named by their SHA-1) are left alone.
"""

import json
import pathlib
import re
import sys

FUZZ = pathlib.Path(__file__).resolve().parent
IDL = FUZZ.parent.parent / "Sources" / "RiskProtocol" / "IDL"
CORPUS = FUZZ / "corpus"
# Keys and signatures the real ssh-keygen made (Tests/SSHSignatureTests/Fixtures/make-fixtures.sh).
SSH = FUZZ.parent / "SSHSignatureTests" / "Fixtures"
ED25519_KEY = (SSH / "ed25519.pub").read_text().strip()
ED25519_SIGNATURE = (SSH / "ed25519.sig").read_text()
CALLERS = {"admin": 0, "board": 1, "board-other": 2, "auditor": 3, "nobody": 4}

RISK = {"title": "Funding gap", "category": "financial", "likelihood": 3, "impact": 4}
ORG = {"name": "Acme Foundation", "kind": "funder"}
INTEREST = {"kind": "financial", "organisation": "Acme Foundation", "description": "Shares",
            "startedOn": "2025-01-01"}

# One valid (or at least well-typed) call of every method; ids name records the admin session creates.
CALLS = {
    "org.varlink.service.GetInfo": {},
    "org.varlink.service.GetInterfaceDescription": {"interface": "org.riskd.risk"},
    "org.riskd.daemon.Whoami": {},
    "org.riskd.daemon.Status": {},
    "org.riskd.daemon.Backup": {},
    "org.riskd.audit.Log": {"limit": 5},
    "org.riskd.audit.Verify": {},
    "org.riskd.report.Board": {"asOf": "2027-06-01"},
    "org.riskd.risk.History": {"id": 1},
    "org.riskd.risk.Appetites": {},
    "org.riskd.risk.SetAppetite": {"category": "financial", "maxScore": 12},
    "org.riskd.interest.Import": {"interests": [dict(INTEREST, declarant="fuzz-board")]},
    "org.riskd.ethics.Publish": {"title": "Code", "body": "Be honest."},
    "org.riskd.ethics.Current": {},
    "org.riskd.ethics.Get": {"version": 1},
    "org.riskd.ethics.Versions": {},
    "org.riskd.ethics.Acknowledge": {"version": 1, "sha256": "00" * 32},
    "org.riskd.ethics.Status": {},
    "org.riskd.interest.Declare": INTEREST,
    "org.riskd.interest.Get": {"id": 1},
    "org.riskd.interest.List": {"active": True, "limit": 10},
    "org.riskd.interest.Update": {"id": 1, "ifRevision": 1, "description": "More shares", "sensitive": True},
    "org.riskd.interest.End": {"id": 1, "endedOn": "2026-06-30"},
    "org.riskd.interest.Confirm": {"nothingToDeclare": False},
    "org.riskd.interest.Statement": {},
    "org.riskd.ethics.Statement": {},
    "org.riskd.member.AddKey": {"publicKey": ED25519_KEY},
    "org.riskd.member.Keys": {},
    "org.riskd.member.RemoveKey": {"fingerprint": "SHA256:tgLzvj8VCytX0akj9XU3lQ2/ufQkg+I80MHXAexz4WM"},
    "org.riskd.audit.Attestations": {},
    "org.riskd.interest.Manage": {"id": 1, "plan": "Leaves the room when Acme is discussed."},
    "org.riskd.interest.Check": {"organisations": ["Acme Foundation", "ACME"], "matter": "Grant 2027"},
    "org.riskd.interest.Checks": {"limit": 5},
    "org.riskd.member.List": {},
    "org.riskd.member.Get": {"user": "fuzz-board"},
    "org.riskd.organisation.Add": dict(ORG, aliases=["Acme"], interest="high", power="high", note="Main funder"),
    "org.riskd.organisation.Get": {"id": 1},
    "org.riskd.organisation.List": {"kind": "funder", "query": "acme", "limit": 10},
    "org.riskd.organisation.Update": {"id": 1, "ifRevision": 1, "note": "Renewed"},
    "org.riskd.organisation.Import": {"organisations": [{"name": "Beta Trust", "kind": "ngo"},
                                                        {"name": "Gamma Ltd", "kind": "company"}]},
    "org.riskd.review.Run": {},
    "org.riskd.review.Preview": {"asOf": "2027-06-01"},
    "org.riskd.review.Findings": {"open": True, "limit": 10},
    "org.riskd.review.Acknowledge": {"id": 1, "note": "Known"},
    "org.riskd.review.Runs": {"limit": 3},
    "org.riskd.review.Watch": {},
    "org.riskd.risk.Add": dict(RISK, owner="fuzz-board", nextReviewDue="2026-12-31"),
    "org.riskd.risk.Get": {"id": 1},
    "org.riskd.risk.List": {"status": ["open", "mitigating"], "minScore": 4, "overdue": False, "limit": 10},
    "org.riskd.risk.Update": {"id": 1, "ifRevision": 1, "likelihood": 2, "residualLikelihood": 1,
                              "residualImpact": 2},
    "org.riskd.risk.Review": {"id": 1, "note": "Looked at it", "likelihood": 3, "impact": 3},
    "org.riskd.risk.Accept": {"id": 1, "until": "2027-03-01", "note": "Tolerated"},
    "org.riskd.risk.Close": {"id": 1, "reason": "mitigated", "note": "Done"},
    "org.riskd.risk.Reopen": {"id": 1, "note": "Back"},
    "org.riskd.risk.AddAction": {"riskId": 1, "description": "Find a second funder", "owner": "fuzz-board",
                                 "dueOn": "2027-01-31"},
    "org.riskd.risk.UpdateAction": {"id": 1, "status": "done", "note": "Found"},
    "org.riskd.risk.Matrix": {"basis": "current"},
    "org.riskd.risk.Import": {"risks": [RISK, dict(RISK, title="Key person", category="operational")]},
}
# The order in which one caller's session makes every call in one input, records first.
SESSION = ["org.riskd.organisation.Add", "org.riskd.risk.Add", "org.riskd.risk.AddAction", "org.riskd.ethics.Publish",
           "org.riskd.interest.Declare"] + [m for m in CALLS if m not in (
               "org.riskd.organisation.Add", "org.riskd.risk.Add", "org.riskd.risk.AddAction",
               "org.riskd.ethics.Publish", "org.riskd.interest.Declare", "org.riskd.review.Watch")]


def frame(method, parameters=None, **flags):
    message = {"method": method}
    if parameters is not None:
        message["parameters"] = parameters
    message.update(flags)
    return json.dumps(message, separators=(",", ":")).encode() + b"\0"


def write(name, caller, payload, chunk=0):
    (CORPUS / f"seed-{name}").write_bytes(bytes([(chunk << 3) | CALLERS[caller]]) + payload)


def signature_seeds():
    """Inputs for the SSH key and signature parsers (Sources/SSHSignature), reached through AddKey and Confirm:
    good ones of each key type, then broken armour and blobs. `make_seeds.py --signatures` writes only these."""
    sign = "org.riskd.interest.Confirm"
    armour = "-----BEGIN SSH SIGNATURE-----\n%s\n-----END SSH SIGNATURE-----\n"
    seeds = {f"signature-{key}": frame(sign, {"signature": (SSH / f"{key}.sig").read_text()})
             for key in ("ed25519", "ecdsa", "rsa", "rsa-sha256", "ed25519-namespace-git", "ecdsa384")}
    seeds.update({
        "signature-truncated": frame(sign, {"signature": ED25519_SIGNATURE[:120] + "\n-----END SSH SIGNATURE-----\n"}),
        "signature-not-base64": frame(sign, {"signature": armour % "****"}),
        "signature-magic-only": frame(sign, {"signature": armour % "U1NIU0lH"}),
        "signature-empty-blob": frame("org.riskd.ethics.Acknowledge", {"version": 1, "sha256": "00" * 32,
                                                                      "signature": armour % ""}),
        "key-then-signature": frame("org.riskd.member.AddKey", {"publicKey": ED25519_KEY})
        + frame(sign, {"signature": ED25519_SIGNATURE}),
        "key-truncated": frame("org.riskd.member.AddKey", {"publicKey": ED25519_KEY[:40]}),
        "key-type-mismatch": frame("org.riskd.member.AddKey", {"publicKey": "ssh-rsa " + ED25519_KEY.split()[1]}),
    })
    for key in ("rsa", "ecdsa", "rsa1024", "ecdsa384"):
        seeds[f"key-{key}"] = frame("org.riskd.member.AddKey", {"publicKey": (SSH / f"{key}.pub").read_text()})
    for name, payload in seeds.items():
        write(name, "board", payload)


def main():
    methods = []
    for path in sorted(IDL.glob("*.varlink")):
        text = path.read_text()
        interface = re.search(r"^interface (\S+)", text, re.M).group(1)
        methods += [f"{interface}.{name}" for name in re.findall(r"^method (\w+)", text, re.M)]
    missing = set(methods) - set(CALLS)
    assert not missing, f"no seed call for {sorted(missing)}"
    CORPUS.mkdir(parents=True, exist_ok=True)
    for old in CORPUS.glob("seed-*"):
        old.unlink()

    for method, parameters in CALLS.items():
        short = method.removeprefix("org.riskd.").removeprefix("org.varlink.")
        for caller in CALLERS:
            flags = {"more": True} if method.endswith(".Watch") else {}
            write(f"{short}-{caller}", caller, frame(method, parameters, **flags))
    for caller in CALLERS:
        write(f"session-{caller}", caller, b"".join(frame(m, CALLS[m]) for m in SESSION))
    write("session-admin-bytewise", "admin", b"".join(frame(m, CALLS[m]) for m in SESSION[:6]), chunk=1)
    write("session-admin-chunks-16", "admin", b"".join(frame(m, CALLS[m]) for m in SESSION[:6]), chunk=5)

    whoami = frame("org.riskd.daemon.Whoami", {})
    malformed = {
        "empty-frame": b"\0",
        "no-nul": whoami[:-1],
        "truncated": whoami[:12],
        "truncated-after-frame": whoami + frame("org.riskd.risk.List", {})[:20],
        "several-frames": whoami * 3 + frame("org.riskd.risk.List", {"limit": 1}),
        "not-json": b"hello\0" + whoami,
        "array": b"[1,2,3]\0",
        "method-number": b'{"method":42}\0',
        "method-missing": b'{"parameters":{}}\0',
        "method-no-dot": frame("Whoami", {}),
        "unknown-interface": frame("org.example.Nothing", {}),
        "unknown-method": frame("org.riskd.risk.Explode", {}),
        "oneway": frame("org.riskd.risk.Add", CALLS["org.riskd.risk.Add"], oneway=True) + whoami,
        "more": frame("org.riskd.risk.List", {}, more=True),
        "upgrade": frame("org.riskd.daemon.Whoami", {}, upgrade=True),
        "flags-wrong-type": frame("org.riskd.daemon.Whoami", {}, oneway="yes"),
        "parameters-array": frame("org.riskd.risk.Get", [1]),
        "parameters-null": b'{"method":"org.riskd.risk.Get","parameters":null}\0',
        "id-string": frame("org.riskd.risk.Get", {"id": "R-1"}),
        "id-huge": b'{"method":"org.riskd.risk.Get","parameters":{"id":99999999999999999999999999}}\0',
        "id-float": b'{"method":"org.riskd.risk.Get","parameters":{"id":1e400}}\0',
        "id-negative": frame("org.riskd.risk.Get", {"id": -9223372036854775808}),
        "limit-huge": frame("org.riskd.audit.Log", {"limit": 9223372036854775807, "after": -1}),
        "likelihood-bool": frame("org.riskd.risk.Add", dict(RISK, likelihood=True)),
        "dates-odd": frame("org.riskd.risk.Add", dict(RISK, nextReviewDue="2027-02-29")),
        "preview-odd": frame("org.riskd.review.Preview", {"asOf": "9999-12-31T23:59:60Z"}),
        "invalid-utf8": b'{"method":"org.riskd.risk.Add","parameters":{"title":"\xff\xfe\xc3","category":"financial",'
                        b'"likelihood":1,"impact":1}}\0',
        "escaped-surrogate": frame("org.riskd.organisation.Add", {"name": "\ud800x", "kind": "ngo"}).replace(
            b"\\ud800", b"\\ud800"),
        "combining-marks": frame("org.riskd.risk.Add", dict(RISK, title="A" + "\u0301" * 300)),
        "duplicate-keys": b'{"method":"org.riskd.risk.Get","method":"org.riskd.audit.Verify","parameters":{"id":1}}\0',
        "deep-parameters": b'{"method":"org.riskd.risk.Get","parameters":{"id":' + b"[" * 300 + b"]" * 300 + b"}}\0",
        "deep-unreadable": b"[" * 600 + b"\0",
        "deep-header-first": b'{"method":"org.riskd.risk.Get","oneway":false,"parameters":'
                             + b'{"a":' * 300 + b"1" + b"}" * 300 + b"}\0",
    }
    for name, payload in malformed.items():
        for caller in ("admin", "board"):
            write(f"{name}-{caller}", caller, payload)
    signature_seeds()

    tokens = sorted(set(methods) | set(CALLS) | {"org.riskd.risk", "org.varlink.service"})
    words = ["method", "parameters", "oneway", "more", "upgrade", "continues", "error", "id", "ifRevision", "limit",
             "after", "true", "false", "null"]
    lines = [f'"{t}"' for t in tokens] + [f'"\\"{w}\\""' for w in words] + [f'"{w}"' for w in words[-3:]]
    lines += ['"\\x00"', '"{\\"method\\":\\""', '"\\",\\"parameters\\":{"', '"}}\\x00"']
    (FUZZ / "varlink.dict").write_text("# Varlink tokens for libFuzzer (-dict); written by make_seeds.py.\n"
                                       + "\n".join(lines) + "\n")


if __name__ == "__main__":
    if sys.argv[1:] == ["--signatures"]:
        signature_seeds()
    else:
        main()
