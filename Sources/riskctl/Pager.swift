#if canImport(Glibc)
import Glibc
#endif

/// Long texts on a terminal go through a pager, as systemctl and git do: `$PAGER`, or `less -FRX` (which quits
/// by itself when the text fits on one screen).
///
/// Never when standard output is not a terminal, with `--no-pager`, or when `PAGER` is set but empty or `cat`.
enum Pager {
    /// Prints `lines` through the pager when it should be used, else on standard output.
    static func show(_ lines: [String], noPager: Bool) {
        guard !noPager, isatty(STDOUT_FILENO) == 1, let command = command, let pipe = start(command) else {
            for line in lines { Output.line(line) }
            return
        }
        // A pager quit early (q in less) closes the pipe: ignore SIGPIPE so that riskctl only stops writing.
        signal(SIGPIPE, SIG_IGN)
        for line in lines {
            if fputs(line + "\n", pipe) < 0 { break }
        }
        pclose(pipe)
    }

    /// The pager command, or `nil` for none.
    private static var command: String? {
        guard let value = getenv("PAGER").map({ String(cString: $0) }) else { return "less -FRX" }
        let trimmed = value.trimmingWhitespace()
        return trimmed.isEmpty || trimmed == "cat" ? nil : trimmed
    }

    /// Starts `command` with `/bin/sh`, its standard input a pipe riskctl writes to.
    private static func start(_ command: String) -> UnsafeMutablePointer<FILE>? {
        Output.flush()
        return popen(command, "w")
    }
}
