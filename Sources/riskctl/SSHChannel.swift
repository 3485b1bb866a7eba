import Varlink

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// The Varlink channel to riskd on another host: `ssh … HOST riskctl bridge`, its standard input and output one
/// end of a socket pair, its standard error a pipe riskctl keeps the end of.
///
/// As systemd's `varlinkctl` does for `ssh-exec:` addresses, ssh runs with `-T -e none` (no terminal, no escape
/// character in a binary stream) and is replaced by `$RISKD_SSH` when set. Unlike it, riskctl reads ssh's standard
/// error instead of passing it through, so that a failure is one line of its own (`SSHFailure`); prompts for a
/// passphrase or a new host key go to the terminal, as ssh asks there. The channel writes with `MSG_NOSIGNAL`, so
/// an ssh that has ended is a failure to report, not a SIGPIPE.
final class SSHChannel: VarlinkChannel {
    /// The options riskctl adds after `$RISKD_SSH`'s own: a plain byte stream, nothing forwarded, no command of
    /// the user's configuration run instead (scp passes the same). ssh keeps the first value it reads for an
    /// option, so those in `$RISKD_SSH` win.
    static let options = [
        "-T", "-x", "-a", "-e", "none", "-o", "ClearAllForwardings=yes", "-o", "ControlMaster=no",
        "-o", "PermitLocalCommand=no", "-o", "RequestTTY=no", "-o", "RemoteCommand=none",
    ]
    /// The remote command.
    static let remoteCommand = ["riskctl", "bridge"]
    /// The most of ssh's standard error kept, from its end.
    private static let diagnosticsLimit = 8192

    /// The host as the user wrote it.
    let name: String
    /// riskctl's end of the socket pair.
    private let descriptor: Int32
    /// The read end of ssh's standard error; -1 once it reached its end.
    private var diagnosticsDescriptor: Int32
    private var diagnostics: [UInt8] = []
    private let pid: pid_t
    /// ssh's exit status once it was collected.
    private var status: Int32?

    /// The whole command line: `command` (`ssh`, or `$RISKD_SSH` split), the options, the destination, the remote
    /// command.
    static func arguments(command: [String], destination: SSHDestination) -> [String] {
        command + options + destination.sshArguments + remoteCommand
    }

    /// Starts ssh for `destination`.
    /// - Throws: `SSHFailure.notStarted` when the program cannot be run.
    init(destination: SSHDestination, command: [String]) throws(SSHFailure) {
        name = destination.text
        var pair: [Int32] = [-1, -1]
        var errorPipe: [Int32] = [-1, -1]
        let program = command.first ?? "ssh"
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            throw .notStarted(program, reason: String(cString: strerror(errno)))
        }
        guard pipe(&errorPipe) == 0 else {
            let reason = String(cString: strerror(errno))
            close(pair[0])
            close(pair[1])
            throw .notStarted(program, reason: reason)
        }
        // riskctl runs one thread, so nothing starts a program between `pipe` and `fcntl`.
        for end in errorPipe { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        // In riskctl's process group: ssh asks for a passphrase on the terminal, which needs the foreground group,
        // and Ctrl-C stops both.
        let spawned = ChildProcess.spawn(
            Self.arguments(command: command, destination: destination),
            stdin: pair[1],
            stdout: pair[1],
            stderr: errorPipe[1],
            searchingPath: true,
            ownProcessGroup: false
        )
        close(pair[1])
        close(errorPipe[1])
        switch spawned {
        case .success(let started):
            pid = started
        case .failure(let error):
            close(pair[0])
            close(errorPipe[0])
            throw .notStarted(program, reason: String(cString: strerror(error.code)))
        }
        descriptor = pair[0]
        diagnosticsDescriptor = errorPipe[0]
    }

    deinit {
        // ssh sees the end of its input, ends the remote bridge and exits by itself; riskctl does not wait for it.
        close(descriptor)
        if diagnosticsDescriptor >= 0 { close(diagnosticsDescriptor) }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(VarlinkClientError) -> Int {
        while true {
            var fds = [
                pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: diagnosticsDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .protocolViolation("poll failed: \(String(cString: strerror(errno)))")
            }
            if fds[1].revents != 0 { readDiagnostics() }
            guard fds[0].revents != 0 else { continue }
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            // ECONNRESET: ssh ended with data unread; the caller asks `failure()` why.
            return 0
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(VarlinkClientError) -> Int {
        while true {
            let count = send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw .connectionClosed
        }
    }

    /// Why the connection ended: waits (at most `seconds`) for ssh to exit, reads the rest of what it said, and
    /// reads both. `nil` when ssh exited 0, i.e. the remote riskd closed the connection.
    func failure(waitingAtMost seconds: Int = 15) -> SSHFailure? {
        let deadline = ContinuousClock.now + .seconds(seconds)
        shutdown(descriptor, Int32(SHUT_WR))
        while status == nil {
            var word: Int32 = 0
            let waited = waitpid(pid, &word, WNOHANG)
            if waited == pid {
                // WIFEXITED and friends are macros Swift does not import: the status word as <sys/wait.h> lays it out.
                let signal = word & 0x7f
                status = signal == 0 ? (word >> 8) & 0xff : 128 + signal
            } else if waited < 0 && errno != EINTR {
                status = 255
            } else if ContinuousClock.now >= deadline {
                kill(pid, SIGTERM)
                status = 255
            } else {
                drainDiagnostics(milliseconds: 20)
            }
        }
        drainDiagnostics(milliseconds: 200)
        let text = String(decoding: diagnostics, as: UTF8.self)
        return SSHFailure.diagnose(status: status ?? 255, diagnostics: text, destination: name)
    }

    /// Reads what ssh wrote on standard error until its end or for `milliseconds`.
    private func drainDiagnostics(milliseconds: Int32) {
        while diagnosticsDescriptor >= 0 {
            var fds = [pollfd(fd: diagnosticsDescriptor, events: Int16(POLLIN), revents: 0)]
            guard poll(&fds, 1, milliseconds) > 0 else { return }
            readDiagnostics()
        }
    }

    private func readDiagnostics() {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { Glibc.read(diagnosticsDescriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            diagnostics += chunk[..<count]
            if diagnostics.count > Self.diagnosticsLimit {
                diagnostics.removeFirst(diagnostics.count - Self.diagnosticsLimit)
            }
        } else if count == 0 || errno != EINTR {
            close(diagnosticsDescriptor)
            diagnosticsDescriptor = -1
        }
    }
}
