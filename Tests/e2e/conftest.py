"""Fixtures of the end-to-end tests: test users, riskd processes, running things as another uid.

RISKD and RISKCTL name the binaries (absolute paths); they default to <repo>/.build/debug/riskd|riskctl.
The tests run as root (CI does too): they create the rdt-* system users and switch to them with setpriv.
"""

import json
import os
import pwd
import shutil
import subprocess

import pytest

from riskd_e2e import (RISKCTL, RISKD, SECOND_BOARD_GROUP, TEST_USERS, USER_CLIENT, Daemon, DaemonFactory,
                       copy_for_users, ensure_user, prepare_user_python, run_as)


def pytest_configure(config):
    config.addinivalue_line("markers", "riskctl: needs the riskctl binary")


# -- users ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def users():
    """The test users by name (TestUser: name, uid, gid): rdt-board, rdt-audit, rdt-admin, rdt-nobody, rdt-mailer."""
    if os.geteuid() != 0:
        pytest.fail("the end-to-end tests run as root: they create users and switch to them")
    created = {name: ensure_user(name) for name in TEST_USERS}
    # A test account starts without a full name: the tests that give one put back what they found, so a run
    # stopped inside one of them would leave it, and documents would name the member by it in every later run.
    for name in list(TEST_USERS) + ["rdt-board2"]:
        try:
            gecos = pwd.getpwnam(name).pw_gecos
        except KeyError:
            continue
        if gecos:
            subprocess.run(["usermod", "-c", "", name], check=True, capture_output=True, timeout=30)
    return created


@pytest.fixture(scope="module")
def board2(users):
    """rdt-board2, a second board member through SECOND_BOARD_GROUP, a group whose /etc/group entry lists it
    (start the daemon with `board=SECOND_BOARD`); the group is removed afterwards."""
    users["rdt-board2"] = ensure_user("rdt-board2")
    subprocess.run(["groupdel", SECOND_BOARD_GROUP], capture_output=True, timeout=30)
    subprocess.run(["groupadd", "--system", SECOND_BOARD_GROUP], check=True, capture_output=True, timeout=30)
    subprocess.run(["gpasswd", "-a", "rdt-board2", SECOND_BOARD_GROUP], check=True, capture_output=True, timeout=30)
    yield users["rdt-board2"]
    subprocess.run(["groupdel", SECOND_BOARD_GROUP], capture_output=True, timeout=30)


@pytest.fixture(scope="session")
def as_user(users):
    """as_user(name, argv, input=None, env=None, timeout=60) -> CompletedProcess, run as that test user."""

    def run(name, argv, input=None, env=None, timeout=60, cwd="/tmp"):
        return run_as(users[name], argv, input=input, env=env, timeout=timeout, cwd=cwd)

    return run


@pytest.fixture(scope="session")
def python_for_users(users):
    """(interpreter, PYTHONPATH) with which every test user can run python with the `varlink` module; one copy
    for the session, removed at its end."""
    interpreter, library = prepare_user_python(users["rdt-nobody"])
    yield interpreter, library
    shutil.rmtree(library, ignore_errors=True)


@pytest.fixture(scope="session")
def user_python(python_for_users, as_user):
    """user_python(name, code, *args, input=None) -> CompletedProcess: `python3 -c code` as a test user,
    with the `varlink` module importable."""
    interpreter, library = python_for_users

    def run(name, code, *args, input=None, timeout=60):
        return as_user(name, [interpreter, "-c", code, *args], input=input, env={"PYTHONPATH": library},
                       timeout=timeout)

    return run


@pytest.fixture(scope="session")
def user_calls(user_python):
    """user_calls(name, socket, calls) -> [result]: each (interface, method, parameters[, more]) made by
    the python varlink client run as that user; a result is {"ok", "parameters"[, "error"]}."""

    def run(name, socket, calls):
        calls = [list(call) + [False] if len(call) == 3 else list(call) for call in calls]
        result = user_python(name, USER_CLIENT, "unix:" + socket, input=json.dumps(calls))
        assert result.returncode == 0, "client run as %s failed:\n%s" % (name, result.stderr)
        results = json.loads(result.stdout)
        assert len(results) == len(calls)
        return results

    return run


# -- daemons -------------------------------------------------------------------------------------------
@pytest.fixture
def start_daemon(users):
    """start_daemon(limits=None, extra_config="") -> Daemon: a new riskd with the test configuration; every
    daemon started is stopped at teardown with SIGTERM and must exit 0 (unless killed on purpose)."""
    factory = DaemonFactory()
    yield factory
    factory.finish()


@pytest.fixture
def daemon(start_daemon):
    """A fresh riskd for one test (see Daemon: .socket, .database, .dir, .proc, .call, .restart, .kill9)."""
    return start_daemon()


@pytest.fixture(scope="module")
def module_daemon(users):
    """One riskd shared by the tests of a module that do not interfere with each other."""
    factory = DaemonFactory()
    daemon = factory()
    yield daemon
    factory.finish()


@pytest.fixture(scope="session")
def riskctl_binary():
    if not os.access(RISKCTL, os.X_OK):
        pytest.fail("riskctl is not built at %s (build it, or set RISKCTL)" % RISKCTL)
    return RISKCTL


@pytest.fixture(scope="session")
def user_binaries(riskctl_binary):
    """{"riskd", "riskctl"}: copies of the built binaries in a world-readable directory, for the session. Whatever
    runs as a test user runs these: the build directory may be closed to other users (a clone in /root or in a
    0700 directory), and as_user_command refuses the originals whatever this machine's modes are."""
    if not os.access(RISKD, os.X_OK):
        pytest.fail("riskd is not built at %s (build it, or set RISKD)" % RISKD)
    directory, (riskd, riskctl) = copy_for_users(RISKD, riskctl_binary)
    yield {"riskd": riskd, "riskctl": riskctl}
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="session")
def user_riskd(user_binaries):
    """The copy of riskd the test users run (user_binaries)."""
    return user_binaries["riskd"]


@pytest.fixture(scope="session")
def user_riskctl(user_binaries):
    """The copy of riskctl the test users run (user_binaries)."""
    return user_binaries["riskctl"]


# -- reporting -----------------------------------------------------------------------------------------
def _daemons_of(item):
    found = []
    for value in getattr(item, "funcargs", {}).values():
        if isinstance(value, Daemon):
            found.append(value)
        elif isinstance(value, DaemonFactory):
            found.extend(value.daemons)
    unique = []
    for daemon in found:
        if daemon not in unique:
            unique.append(daemon)
    return unique


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed test shows the stderr of every riskd it used."""
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        for daemon in _daemons_of(item):
            report.sections.append(("riskd stderr: %s" % daemon.dir, daemon.stderr_tail()))


