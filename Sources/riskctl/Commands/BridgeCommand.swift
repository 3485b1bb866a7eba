import ArgumentParser
import Varlink

#if canImport(Glibc)
import Glibc
#endif

/// `riskctl bridge`: joins standard input and output to riskd's socket on this machine, for `riskctl --host` on
/// another one (which runs `ssh HOST riskctl bridge`).
///
/// It copies bytes both ways and reads none of them: riskd sees the account that runs the bridge (the SSH login)
/// through `SO_PEERCRED`, as it sees any local client. The end of standard input is passed on as a half-close; riskd
/// takes the end of its input for the end of the connection and closes it, dropping a reply it has not written yet,
/// as it does for any local client (riskctl --host waits for its last reply before it ends its side). The bridge
/// ends when riskd closes the connection, or when standard output can no longer be written.
struct BridgeCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "bridge",
        abstract: "Join standard input and output to riskd's socket (what riskctl --host runs on the host).",
        discussion: """
            Not for people: riskctl --host HOST runs 'ssh HOST riskctl bridge' and speaks Varlink through it. The \
            socket is found as for every command (--socket, RISKD_SOCKET, the system socket, the per-user one). \
            Exits 0 when riskd closes the connection, 69 when there is no riskd to connect to.
            """
    )

    /// The options every command takes; only `--socket` matters here.
    @OptionGroup var options: GlobalOptions

    func run() throws {
        guard options.host == nil else {
            throw ValidationError("bridge joins this machine's riskd; --host cannot be given")
        }
        let socket: UnixSocketChannel
        do {
            socket = try UnixSocketChannel(path: SocketLocator.socketPath(given: options.socketPath))
        } catch {
            throw RiskctlError(error, method: nil)
        }
        // A reader gone is an end like another, not a signal.
        signal(SIGPIPE, SIG_IGN)
        var bridge = Bridge(socket: socket.descriptor)
        bridge.run()
        withExtendedLifetime(socket) {}
    }
}

/// The copying loop of `riskctl bridge`, on standard input and output and a connected socket.
private struct Bridge {
    /// The connected socket.
    var socket: Int32
    /// Whether standard input may still have bytes for the socket.
    private var inputOpen = true

    init(socket: Int32) {
        self.socket = socket
    }

    /// Copies until riskd closes the connection or standard output fails.
    mutating func run() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            var fds = [
                pollfd(fd: inputOpen ? STDIN_FILENO : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: socket, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if fds[1].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                // riskd closed (or reset) the connection: all it sent is written, the bridge is done.
                guard count > 0, Self.writeAll(buffer[..<count], to: STDOUT_FILENO) else { return }
            }
            if inputOpen, fds[0].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 {
                    // The client is done sending: riskd still answers what it has.
                    shutdown(socket, Int32(SHUT_WR))
                    inputOpen = false
                } else if !Self.writeAll(buffer[..<count], to: socket) {
                    return
                }
            }
        }
    }

    /// Writes all of `bytes` to `descriptor`; `false` when it cannot be written any more.
    private static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32) -> Bool {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}
