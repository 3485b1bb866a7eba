"""No user can wedge riskd with ordinary reads: 64 connections of four real uids (admin, board, auditor, no role)
call every read method for a bounded time while an administrator's fresh call is answered within a second
throughout; then SIGTERM stops the daemon within its drain timeout, connections still busy.

Eight connections of one board member calling Status once wedged riskd for good: both event-loop threads waited
for a pooled database reader held by async reads whose continuations were queued on those same threads.

`make test` runs it for SOAK_SECONDS=20; `make soak` for longer. The figures are printed (pytest -s shows them).
"""

import time

from soak import (READ_CALLS, ROLES, collect, peak_rss_kib, probe, seconds_from_environment, seed,
                  start_workers)

CONNECTIONS_PER_ROLE = 16
DRAIN_TIMEOUT = 10


def test_reads_of_every_role_never_wedge_riskd(start_daemon, users, user_calls, python_for_users):
    seconds = seconds_from_environment(20)
    daemon = start_daemon(limits={"drain_timeout_seconds": DRAIN_TIMEOUT})
    seed(daemon, user_calls)
    # The workers run past the probe's end, so that SIGTERM finds every connection busy.
    workers = start_workers(daemon, users, python_for_users, CONNECTIONS_PER_ROLE, seconds + DRAIN_TIMEOUT + 20)
    time.sleep(1.0)

    latencies, late = probe(daemon, seconds, within=1.0)
    rss_kib = peak_rss_kib(daemon.proc.pid)

    terminated_at = time.time()
    started = time.monotonic()
    code = daemon.stop()
    stopped_in = time.monotonic() - started
    results = collect(workers, timeout=DRAIN_TIMEOUT + 60)

    answered = {role: sum(result["answered"].values()) for role, result in results.items()}
    before_stop = {role: [text for at, text in result["failures"] if at < terminated_at]
                   for role, result in results.items()}
    print("\nsoak: %d connections, %.0f s: calls answered %s (total %d); admin probe %d answered, slowest %.3f s; "
          "peak RSS %.1f MiB; SIGTERM to exit %.2f s"
          % (CONNECTIONS_PER_ROLE * len(ROLES), seconds, answered, sum(answered.values()), len(latencies),
             max(latencies, default=0), rss_kib / 1024, stopped_in))

    assert late == [], "the administrator's probe was not answered within 1 s:\n%s" % "\n".join(late[:20])
    assert latencies, "no probe ran"
    assert all(not failures for failures in before_stop.values()), before_stop
    for role, result in results.items():
        methods = {outcome.split(" ")[0] for outcome in result["answered"]}
        assert methods == {method for method, _ in READ_CALLS}, "%s: not every method was answered" % role
    assert code == 0, daemon.stderr_tail()
    assert stopped_in < DRAIN_TIMEOUT + 5, "riskd took %.1f s to stop after SIGTERM" % stopped_in
