/// Where riskctl finds riskd: a socket on this machine, or riskd on another host through ssh.
enum Endpoint: Equatable {
    /// The socket at this path.
    case socket(String)
    /// riskd on this host, through `command` (`ssh`, or `$RISKD_SSH` split into words) running `riskctl bridge`.
    case host(SSHDestination, command: [String])

    /// The endpoint for `--host` (`host`), `--socket` (`socket`) and the environment: `--host`, else
    /// `$RISKD_HOST` unless `--socket` was given, else the socket `SocketLocator` finds.
    ///
    /// - Throws: `usage` for `--host` with `--socket`, a malformed host, or a `$RISKD_SSH` that cannot be split.
    static func select(
        host: String?,
        socket: String?,
        environment: [String: String]
    ) throws(RiskctlError)
        -> Endpoint
    {
        let given = host ?? (socket == nil ? environment["RISKD_HOST"].flatMap { $0.isEmpty ? nil : $0 } : nil)
        guard let given else {
            return .socket(SocketLocator.socketPath(given: socket, environment: environment))
        }
        guard socket == nil else {
            throw .usage("--host and --socket cannot be given together (the socket on the host is riskd's own)")
        }
        let destination: SSHDestination
        do {
            destination = try SSHDestination(given)
        } catch {
            throw .usage("invalid host: \(error)")
        }
        var command = ["ssh"]
        if let text = environment["RISKD_SSH"], !text.trimmingWhitespace().isEmpty {
            do {
                command = try CommandLineWords.split(text)
            } catch {
                throw .usage("cannot read RISKD_SSH: \(error)")
            }
        }
        return .host(destination, command: command)
    }
}
