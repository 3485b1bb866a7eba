/// Why riskctl could not talk to riskd on another host through ssh, read from how ssh ended and what it said.
///
/// ssh exits with 255 for its own failures and says which on its standard error; otherwise it exits with the
/// status of the remote command: 127 when the remote shell found no riskctl, 69 when `riskctl bridge` found no
/// riskd socket. Each kind has its own exit status (`ExitStatus`) and one line (`description`).
struct SSHFailure: Error, Equatable, CustomStringConvertible {
    /// What failed.
    enum Kind: Equatable {
        /// The host's key is not in known_hosts, or is not the one recorded there.
        case hostKey
        /// The server refused every key (or password) ssh offered.
        case authentication
        /// The host name is unknown, or nothing answered on the port (refused, unreachable, timed out).
        case unreachable
        /// The remote shell found no riskctl to run.
        case noRiskctl
        /// riskctl ran on the host, but riskd is not running there.
        case riskdNotRunning
        /// Anything else: ssh could not be started, or ended in a way not listed above.
        case other
    }

    /// What failed.
    var kind: Kind
    /// The line riskctl prints.
    var description: String

    /// The failure ssh's end reports, or `nil` when it exited 0 (the connection ended normally).
    ///
    /// - Parameters:
    ///   - status: ssh's exit status; a signal's number plus 128 when it was killed.
    ///   - diagnostics: what ssh (and the remote command) wrote on standard error.
    ///   - destination: the host as the user wrote it.
    static func diagnose(status: Int32, diagnostics: String, destination: String) -> SSHFailure? {
        guard status != 0 else { return nil }
        let lines = diagnostics.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }.filter {
            !$0.isEmpty
        }
        /// The line with the first of `markers` that any line has: markers go from the most telling.
        func said(_ markers: [String]) -> String? {
            markers.lazy.compactMap { marker in lines.first { $0.lowercased().contains(marker) } }.first
        }
        let last = lines.last ?? "no message"
        switch status {
        case 255:
            if let line = said(hostKeyMarkers) {
                return SSHFailure(
                    kind: .hostKey,
                    description: "the SSH host key of \(destination) is not known or has changed (ssh: \(line)); "
                        + "check its fingerprint with the administrator, then connect once with ssh to record it"
                )
            }
            if let line = said(authenticationMarkers) {
                return SSHFailure(
                    kind: .authentication,
                    description: "\(destination) refused the SSH login (ssh: \(line)); "
                        + "is your public key in the account's authorized_keys?"
                )
            }
            let line = said(unreachableMarkers) ?? last
            return SSHFailure(kind: .unreachable, description: "cannot reach \(destination) over SSH (ssh: \(line))")
        case 127:
            return SSHFailure(
                kind: .noRiskctl,
                description: "riskctl is not installed on \(destination), or not on the remote PATH (\(last))"
            )
        case ExitStatus.unreachable.rawValue:
            // The bridge's line, without its prefix and its hint for a local user (--socket cannot be passed on).
            var reason = last.hasPrefix("riskctl: ") ? String(last.dropFirst("riskctl: ".count)) : last
            if reason.hasSuffix(")"), let open = reason.lastIndex(of: "("), open > reason.startIndex,
                reason[reason.index(before: open)] == " "
            {
                reason = String(reason[..<reason.index(before: open)])
            }
            return SSHFailure(
                kind: .riskdNotRunning,
                description: "riskd is not running on \(destination): \(reason)"
            )
        default:
            return SSHFailure(
                kind: .other,
                description: "ssh to \(destination) ended with status \(status) before riskd answered (\(last))"
            )
        }
    }

    /// ssh could not be started at all.
    static func notStarted(_ program: String, reason: String) -> SSHFailure {
        SSHFailure(kind: .other, description: "cannot run \(program): \(reason) (see RISKD_SSH in riskctl(1))")
    }

    /// What OpenSSH says when it does not trust the host's key.
    private static let hostKeyMarkers = [
        "host key verification failed", "remote host identification has changed", "no matching host key",
    ]
    /// What OpenSSH says when the server refuses the login.
    private static let authenticationMarkers = [
        "permission denied", "too many authentication failures", "no supported authentication methods",
    ]
    /// What OpenSSH says when it cannot open the connection.
    private static let unreachableMarkers = [
        "could not resolve hostname", "connection refused", "no route to host", "network is unreachable",
        "connection timed out", "operation timed out", "name or service not known",
    ]
}
