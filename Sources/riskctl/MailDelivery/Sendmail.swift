#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// The local MTA through the `sendmail` interface every MTA provides (postfix, exim, OpenSMTPD, msmtp).
///
/// Each mail is one run of `PROGRAM -i -f SENDER -- RECIPIENT`, the message on standard input: the envelope comes
/// from riskd, never from the message's headers (no `-t`), and `--` keeps a recipient that starts with `-` from
/// being read as an option. What sendmail writes on its standard error and output is kept, the last
/// `diagnosticsLimit` bytes of it, for the reason riskd records. The exit status is all sendmail says of the
/// outcome; `SubmissionOutcome` reads it.
struct Sendmail {
    /// The most of sendmail's output kept, from its end.
    static let diagnosticsLimit = 8192

    /// The program, `/usr/sbin/sendmail` unless `--sendmail` names another.
    var program: String
    /// How long one submission may take before sendmail is killed.
    var timeoutSeconds: Int

    /// What one submission gave: how sendmail ended, and the end of what it wrote.
    struct Submission {
        /// How sendmail ended.
        var end: SubmissionEnd
        /// What sendmail wrote on its standard error and output, at most `diagnosticsLimit` bytes, as UTF-8
        /// (invalid bytes replaced).
        var diagnostics: String
    }

    /// Hands `message` to sendmail for `recipient`, bounces to `sender`, and waits for it to finish or time out.
    ///
    /// Never throws: anything that goes wrong is a `SubmissionEnd` for `SubmissionOutcome` to weigh. SIGPIPE must
    /// be ignored by the caller (`MailDeliverCommand` does): a sendmail that exits before reading the whole message
    /// closes the pipe.
    func submit(_ message: String, from sender: String, to recipient: String) -> Submission {
        let deadline = ContinuousClock.now + .seconds(timeoutSeconds)
        var input: [Int32] = [-1, -1]
        var output: [Int32] = [-1, -1]
        guard Self.pipe(&input) else { return notStarted(errno) }
        guard Self.pipe(&output) else {
            let error = errno
            close(input[0])
            close(input[1])
            return notStarted(error)
        }
        let arguments = [program, "-i", "-f", sender, "--", recipient]
        let spawned = spawn(arguments: arguments, stdin: input[0], output: output[1])
        close(input[0])
        close(output[1])
        let pid: pid_t
        switch spawned {
        case .success(let started):
            pid = started
        case .failure(let error):
            close(input[1])
            close(output[0])
            return notStarted(error.code)
        }
        var exchange = PipeExchange(input: input[1], output: output[0], message: Array(message.utf8))
        let finished = exchange.run(until: deadline, limit: Self.diagnosticsLimit)
        let end = finished ? wait(for: pid, until: deadline) : nil
        let diagnostics = String(decoding: exchange.diagnostics, as: UTF8.self)
        guard let end else {
            // Its own process group: whatever it started dies with it.
            kill(-pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            return Submission(end: .timedOut(seconds: timeoutSeconds), diagnostics: diagnostics)
        }
        return Submission(end: end, diagnostics: diagnostics)
    }

    /// Makes a pipe whose ends close on exec: sendmail gets only the ends `spawn` gives it. (riskctl runs one
    /// thread, so nothing can start a program between `pipe` and `fcntl`; Glibc does not export `pipe2`.)
    private static func pipe(_ ends: inout [Int32]) -> Bool {
        guard Glibc.pipe(&ends) == 0 else { return false }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Starts `arguments` with `stdin` as its standard input and `output` as its standard output and error, in a
    /// process group of its own (so that a timeout kills what it started too).
    private func spawn(arguments: [String], stdin: Int32, output: Int32) -> Result<pid_t, ChildProcess.SpawnError> {
        ChildProcess.spawn(
            arguments,
            stdin: stdin,
            stdout: output,
            stderr: output,
            searchingPath: false,
            ownProcessGroup: true
        )
    }

    /// Waits for `pid` to end until `deadline`; `nil` when it is still running then.
    private func wait(for pid: pid_t, until deadline: ContinuousClock.Instant) -> SubmissionEnd? {
        var status: Int32 = 0
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            guard ContinuousClock.now < deadline else { return nil }
            usleep(10_000)
        }
        // WIFEXITED and friends are macros Swift does not import: the status word as <sys/wait.h> lays it out.
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    private func notStarted(_ code: Int32) -> Submission {
        Submission(end: .notStarted(reason: "\(program): \(String(cString: strerror(code)))"), diagnostics: "")
    }
}

/// The two pipes of a running sendmail: the message written to its standard input while its output is read, so
/// that neither side waits on a full pipe.
private struct PipeExchange {
    /// The write end of sendmail's standard input; -1 once the message is written (or sendmail stopped reading).
    var input: Int32
    /// The read end of sendmail's standard error and output; -1 at end of file.
    var output: Int32
    /// What is left to write.
    var message: [UInt8]
    /// The last bytes read.
    var diagnostics: [UInt8] = []

    init(input: Int32, output: Int32, message: [UInt8]) {
        self.input = input
        self.output = output
        self.message = message
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
    }

    /// Writes and reads until the message is written and the output at its end; `false` when `deadline` came
    /// first. Both pipes are closed when it returns.
    mutating func run(until deadline: ContinuousClock.Instant, limit: Int) -> Bool {
        defer {
            if input >= 0 { close(input) }
            if output >= 0 { close(output) }
        }
        var written = 0
        if message.isEmpty { finishInput() }
        while input >= 0 || output >= 0 {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return false }
            let (seconds, attoseconds) = left.components
            let milliseconds = Int32(min(seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1, 60_000))
            var fds = [
                pollfd(fd: input, events: Int16(POLLOUT), revents: 0),
                pollfd(fd: output, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, nfds_t(fds.count), milliseconds)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { continue }
            if input >= 0, fds[0].revents != 0 {
                let count = message[written...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
                if count > 0 {
                    written += count
                    if written == message.count { finishInput() }
                } else if count < 0, errno != EAGAIN, errno != EINTR {
                    finishInput()  // EPIPE: sendmail stopped reading; its exit status says why.
                }
            }
            if output >= 0, fds[1].revents != 0 {
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
                if count > 0 {
                    diagnostics += chunk[..<count]
                    if diagnostics.count > limit { diagnostics.removeFirst(diagnostics.count - limit) }
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    close(output)
                    output = -1
                }
            }
        }
        return true
    }

    private mutating func finishInput() {
        close(input)
        input = -1
    }
}
