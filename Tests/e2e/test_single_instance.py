"""One riskd per database and socket (issue 8, defect 7).

A second riskd started on the same files must refuse, naming the first, and leave its socket alone; a socket
file riskd did not create is never removed; a socket file deleted while riskd runs is bound again on SIGHUP.
"""

import os
import signal
import socket
import time

from riskd_e2e import Daemon, make_test_dir, REFUSED_EXIT


def inode(path):
    return os.lstat(path).st_ino


def answers(daemon):
    try:
        return "user" in daemon.call("org.riskd.daemon.Whoami")
    except OSError:
        return False


def test_a_second_riskd_on_the_same_files_is_refused(start_daemon):
    first = start_daemon()
    before = inode(first.socket)
    second = Daemon(first.dir)
    status, stderr = second.start_refused()
    assert status == REFUSED_EXIT, (status, stderr)
    assert "pid %d" % first.proc.pid in stderr and first.database in stderr, stderr
    assert inode(first.socket) == before
    assert answers(first)


def test_a_second_riskd_on_another_database_cannot_take_the_socket(start_daemon):
    first = start_daemon()
    before = inode(first.socket)
    second = Daemon(make_test_dir())
    second.socket = first.socket
    status, stderr = second.start_refused()
    assert status == REFUSED_EXIT, (status, stderr)
    assert "pid %d" % first.proc.pid in stderr and first.socket in stderr, stderr
    assert inode(first.socket) == before
    assert answers(first)


def test_a_socket_another_process_listens_on_is_left_alone(start_daemon):
    directory = make_test_dir()
    other = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    path = str(directory / "riskd.sock")
    other.bind(path)
    other.listen(1)
    before = inode(path)
    try:
        daemon = Daemon(directory)
        status, stderr = daemon.start_refused()
        assert status == REFUSED_EXIT and "another process is listening on %s" % path in stderr, stderr
        assert os.path.exists(path) and inode(path) == before
    finally:
        other.close()


def test_a_stale_socket_file_is_replaced(start_daemon):
    directory = make_test_dir()
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(directory / "riskd.sock"))
    stale.close()  # the file stays, nothing listens: what a killed riskd leaves
    daemon = Daemon(directory)
    start_daemon.daemons.append(daemon)
    daemon.start()
    assert answers(daemon)


def test_a_deleted_socket_is_bound_again_on_sighup(start_daemon):
    daemon = start_daemon()
    os.unlink(daemon.socket)
    daemon.proc.send_signal(signal.SIGHUP)
    deadline = time.monotonic() + 20
    while not os.path.exists(daemon.socket) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert os.path.exists(daemon.socket), daemon.stderr_tail()
    assert os.stat(daemon.socket).st_mode & 0o777 == 0o666  # socket_mode of the test configuration
    assert answers(daemon)
