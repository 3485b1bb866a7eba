"""The daily review fires at review.time under systemd.

The container shares the host's clock (and riskd.service has ProtectClock=), so the clock is not moved: the test
sets review.time to the next whole minute of the machine's local time, restarts riskd, and waits for the run with
trigger "schedule" in the journal. It takes up to two minutes.
"""

import datetime
import time
from pathlib import Path

SCHEDULED_ID = "83d32d6c1c4a44bfa552837b51bbdf37"  # the run summary's MESSAGE_ID


def test_the_review_runs_at_review_time(installed):
    config = Path(installed.path("/etc/riskd/riskd.toml"))
    original = config.read_text()
    assert '#time = "06:00"' in original
    now = datetime.datetime.strptime(installed.run(["date", "+%Y-%m-%d %H:%M:%S"]).stdout.strip(),
                                     "%Y-%m-%d %H:%M:%S")
    # At least 20 s ahead, so that the restart is over before the minute comes.
    at = (now + datetime.timedelta(seconds=80)).replace(second=0)
    try:
        config.write_text(original.replace('#time = "06:00"', 'time = "%s"' % at.strftime("%H:%M")))
        installed.run(["systemctl", "restart", "riskd.service"])
        invocation = installed.show("riskd.service", "InvocationID")["InvocationID"]

        def scheduled_runs():
            return installed.journal("_SYSTEMD_INVOCATION_ID=%s" % invocation, "MESSAGE_ID=%s" % SCHEDULED_ID,
                                     "RISKD_TRIGGER=schedule", "-o", "cat")

        wait = (at - now).total_seconds() + 30
        started = time.monotonic()
        text = installed.wait_until("a scheduled review run at %s" % at.strftime("%H:%M"), scheduled_runs,
                                    timeout=wait, interval=2)
        assert text.startswith("Review run "), text
        assert time.monotonic() - started >= (at - now).total_seconds() - 25, "the run came before review.time"
    finally:
        config.write_text(original)
        installed.run(["systemctl", "restart", "riskd.service"])
