"""A sendmail for the deliverer's end-to-end tests: a shell script that records how it was run and exits as told,
so that each exit status of `riskctl mail deliver`'s outcome table is met without an MTA. Nothing here is a test.
"""
import os


def quoted(text):
    """`text` as one word of sh, in single quotes: nothing in it is expanded."""
    return "'" + text.replace("'", "'\\''") + "'"


class FakeSendmail:
    """A sendmail the deliverer can run: each run writes its arguments to N.argv and its standard input to N.stdin
    in `runs`, writes `stderr` on its standard error and exits with `status`; with `hold`, it first says it started
    (N.started) and waits until the test lets it go (`release`)."""

    def __init__(self, directory, user, status=0, stderr="", hold=False):
        self.dir = directory
        self.runs = directory / "runs"
        self.runs.mkdir()
        os.chown(self.runs, user.uid, user.gid)
        self.path = directory / "sendmail"
        wait = ('touch "$runs/$n.started"\nwhile [ ! -e "%s/go" ]; do sleep 0.05; done\n' % directory) if hold else ""
        self.path.write_text(
            '#!/bin/sh\nruns="%s"\nn=$(ls "$runs" | grep -c "\\.argv$")\n'
            'printf "%%s\\n" "$@" > "$runs/$n.argv"\ncat > "$runs/$n.stdin"\n%s'
            "printf '%%s' %s >&2\nexit %d\n" % (self.runs, wait, quoted(stderr), status))
        self.path.chmod(0o755)

    def argvs(self):
        """The arguments of each run, in the order of the runs."""
        runs = sorted(int(name.split(".")[0]) for name in os.listdir(self.runs) if name.endswith(".argv"))
        return [(self.runs / ("%d.argv" % run)).read_text().splitlines() for run in runs]

    def stdin(self, run):
        return (self.runs / ("%d.stdin" % run)).read_text()

    def started(self):
        return any(name.endswith(".started") for name in os.listdir(self.runs))

    def release(self):
        (self.dir / "go").touch()
