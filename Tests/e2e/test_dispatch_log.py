"""Where riskd's threads cannot have the nice value libdispatch asks for (an unprivileged user with RLIMIT_NICE 0, as
under a service manager that could not apply riskd.service's LimitNICE=-4), libdispatch logs nothing: no "Failed to
set thread priority … errno=13" in the journal (ThreadNiceness in RiskSystemd). The system tests check the journal
of riskd.service itself; here the syscalls show it: the setpriority calls still fail, and nothing goes to syslog.
"""

import os
import re
import signal
import subprocess
import time
from pathlib import Path

from riskd_e2e import RawConnection, as_user_command, call_ok, make_test_dir
from test_systemd import Process, wait_answering

NOISE = "Failed to set thread priority"


def traced_run(user, riskd, env=None):
    """riskd as `user` under strace, a few calls, SIGTERM: (trace text, stderr text)."""
    directory = make_test_dir("riskd-e2e-nice-")
    os.chown(directory, user.uid, user.gid)
    trace = directory / "trace"
    socket = str(directory / "riskd.sock")
    config = directory / "riskd.toml"
    config.write_text('socket_mode = "0666"\n')
    config.chmod(0o644)
    argv = as_user_command(user, ["prlimit", "--nice=0", "strace", "-f", "-qq", "-s", "300", "-e",
                                  "trace=setpriority,connect,sendto,sendmsg,write", "-o", str(trace), riskd,
                                  "--config", str(config), "--socket", socket, "--database",
                                  str(directory / "riskd.sqlite")])
    process = Process(argv, directory, env={"HOME": str(directory), **(env or {})})
    try:
        wait_answering(socket, process)
        with RawConnection(socket) as connection:
            for number in range(5):
                call_ok(connection, "org.riskd.risk.Add", {"title": "Nice %d" % number, "category": "operational",
                                                           "likelihood": 2, "impact": 2})
            call_ok(connection, "org.riskd.risk.List", {})
            call_ok(connection, "org.riskd.review.Run", {})
        time.sleep(1)
        strace = Path("/proc/%d/task/%d/children" % (process.proc.pid, process.proc.pid))
        # setpriv execs prlimit, which execs strace, which forks riskd.
        os.kill(int(strace.read_text().split()[0]), signal.SIGTERM)
        assert process.proc.wait(60) == 0, process.stderr()
        return trace.read_text(errors="replace"), process.stderr()
    finally:
        process.kill()
        subprocess.run(["rm", "-rf", str(directory)], timeout=60)


def refused_priorities(trace):
    """The setpriority calls the kernel refused (EACCES), resumed or not."""
    return re.findall(r"setpriority.*= -1 EACCES", trace)


def test_threads_that_cannot_lower_their_nice_value_log_nothing(users, user_riskd):
    trace, stderr = traced_run(users["rdt-nobody"], user_riskd)
    assert refused_priorities(trace), "no setpriority was refused: the test proves nothing\n" + trace[-3000:]
    assert NOISE not in trace and NOISE not in stderr, [line for line in trace.splitlines() if NOISE in line][:3]
    # libdispatch's log goes through syslog(3), which connects to /dev/log first: it never does.
    assert "/dev/log" not in trace, [line for line in trace.splitlines() if "/dev/log" in line][:3]


def test_an_administrators_libdispatch_log_is_left_as_set(users, user_riskd):
    """LIBDISPATCH_LOG set by hand (here: to stderr) is kept, and shows the lines riskd otherwise spares the journal."""
    _, stderr = traced_run(users["rdt-nobody"], user_riskd, env={"LIBDISPATCH_LOG": "stderr"})
    assert NOISE in stderr and "errno=13" in stderr, stderr[-3000:]
