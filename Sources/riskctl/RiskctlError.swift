import RiskProtocol
import Varlink

/// A failure riskctl reports as one line on standard error, with the exit status `ExitStatus(for:)` gives it.
///
/// Daemon errors keep the method they answered, so that the line can say what was refused and which record was
/// missing: `no risk R-12`, `permission denied: adding a risk is for the secretariat (group riskd-admin); you are
/// ana: board member`.
struct RiskctlError: Error, CustomStringConvertible {
    /// What went wrong.
    enum Kind {
        /// The socket could not be connected to.
        case unreachable(path: String, reason: String)
        /// riskd answered `method` with an error.
        case remote(VarlinkError, method: String?)
        /// riskd broke the protocol, closed the connection mid-call, or sent a reply riskctl cannot read.
        case protocolViolation(String)
        /// An input file is malformed; the message names the file, row and column.
        case invalidInput(String)
        /// An input file does not exist or cannot be read.
        case missingInput(String)
        /// A record the command names is not in what riskd sent, such as an item number riskctl resolves itself
        /// (`meeting record M-3 --item 9`); the message names it.
        case notFound(String)
        /// The user declined to go on.
        case cancelled
        /// An output file could not be written; the message names it and says why.
        case unwritable(String)
        /// `ssh-keygen` could not sign a statement (no key, a wrong passphrase, no agent); the message says why.
        case unsigned(String)
        /// riskd on another host (`--host`) could not be reached through ssh.
        case ssh(SSHFailure)
        /// The command line is wrong in a way only found when connecting (`--host` with `--socket`, a bad
        /// `--host` or `$RISKD_SSH`); the message says how.
        case usage(String)
    }

    /// What went wrong; `ExitStatus(for:)` switches over it.
    let kind: Kind
    /// The line to print instead of the one `kind` gives, such as one naming the row of an input file.
    private var message: String?

    /// Wraps a failure of the Varlink client; `method` is the call that failed, when there was one.
    init(_ error: VarlinkClientError, method: String?) {
        switch error {
        case .unreachable(let path, let reason):
            kind = .unreachable(path: path, reason: reason)
        case .remote(let remote):
            kind = .remote(remote, method: method)
        case .connectionClosed:
            kind = .protocolViolation("riskd closed the connection before answering")
        case .protocolViolation(let reason):
            kind = .protocolViolation(reason)
        }
    }

    /// ssh failed; the failure's line is the message.
    init(ssh failure: SSHFailure) {
        kind = .ssh(failure)
    }

    /// A command line found wrong when connecting; `message` says how.
    static func usage(_ message: String) -> RiskctlError {
        RiskctlError(kind: .usage(message))
    }

    private init(kind: Kind) {
        self.kind = kind
    }

    /// A malformed input file; `message` says where and why, as `FILE:ROW: column: reason`.
    static func invalidInput(_ message: String) -> RiskctlError {
        RiskctlError(kind: .invalidInput(message))
    }

    /// An input file that cannot be read; `message` names it and says why.
    static func missingInput(_ message: String) -> RiskctlError {
        RiskctlError(kind: .missingInput(message))
    }

    /// An output file that cannot be written; `message` names it and says why.
    static func unwritable(_ message: String) -> RiskctlError {
        RiskctlError(kind: .unwritable(message))
    }

    /// A statement `ssh-keygen` did not sign; `message` says why.
    static func unsigned(_ message: String) -> RiskctlError {
        RiskctlError(kind: .unsigned(message))
    }

    /// A record named on the command line that riskctl looked for in riskd's reply and did not find.
    static func notFound(_ message: String) -> RiskctlError {
        RiskctlError(kind: .notFound(message))
    }

    /// The user answered no when asked to confirm.
    static let cancelled = RiskctlError(kind: .cancelled)

    /// The same failure, with its exit status, reported as `message`.
    func described(as message: String) -> RiskctlError {
        var error = self
        error.message = message
        return error
    }

    /// The line printed after `riskctl: `.
    var description: String {
        if let message { return message }
        return switch kind {
        case .unreachable(let path, let reason):
            if reason.lowercased().contains("permission denied") {
                SocketAccess.refusal(of: path)
                    ?? "cannot reach riskd at \(path): \(reason) (ask the administrator which group may use it)"
            } else {
                "cannot reach riskd at \(path): \(reason) (is riskd running? try --socket)"
            }
        case .remote(let error, let method):
            Self.describe(error, method: method)
        case .protocolViolation(let reason):
            "riskd answered something riskctl cannot read: \(reason)"
        case .invalidInput(let message), .missingInput(let message), .unwritable(let message),
            .notFound(let message), .unsigned(let message), .usage(let message):
            message
        case .ssh(let failure):
            failure.description
        case .cancelled:
            "cancelled, nothing was changed"
        }
    }

    /// The daemon's error as the generated `ProtocolError`, when riskd answered with one riskctl knows.
    var protocolError: ProtocolError? {
        guard case .remote(let error, _) = kind else { return nil }
        return ProtocolError(error)
    }

    /// The field riskd refused and why, from `InvalidValue` or `InvalidParameter`; `nil` for any other failure.
    var refusedField: (field: String, reason: String)? {
        switch protocolError {
        case .invalidValue(let field, let reason)?: (field, reason)
        case .service(.invalidParameter(let parameter?))?: (parameter, "not accepted by riskd")
        default: nil
        }
    }

    /// Says what a daemon error means, naming the record or the method.
    private static func describe(_ error: VarlinkError, method: String?) -> String {
        let methodName = method ?? "this call"
        guard let known = ProtocolError(error) else { return "riskd refused \(methodName): \(error)" }
        switch known {
        case .noSuchRisk(let id): return "no risk \(RecordKind.risk.format(id))"
        case .noSuchAction(let id): return "no action \(RecordKind.action.format(id))"
        case .noSuchOrganisation(let id): return "no organisation \(RecordKind.organisation.format(id))"
        case .noSuchInterest(let id): return "no interest \(RecordKind.interest.format(id))"
        case .noSuchMeeting(let id): return "no meeting \(RecordKind.meeting.format(id))"
        case .noSuchConcern(let id): return "no concern \(RecordKind.concern.format(id))"
        case .noSuchFinding(let id): return "no finding \(RecordKind.finding.format(id))"
        case .noSuchVersion(let version): return "no version \(version) of the ethical code"
        case .noSuchMember(let user): return "no member \(user)"
        case .noSuchItem(let id): return "no item \(id)"
        case .noSuchRecusal(let id): return "no recusal \(id)"
        case .noSuchMail(let id): return "no mail \(id)"
        case .invalidValue(let field, let reason):
            // riskd's reason may quote the value, line breaks and all: it is printed on the one line of a failure.
            return "invalid value for \(field): \(reason.singleLine)"
        case .revisionMismatch(let id, let revision):
            return "\(RecordKind.changed(by: method).format(id)) was changed meanwhile and is now at revision "
                + "\(revision); read it again and retry"
        case .duplicateName(let name, let id):
            return "the name \"\(name)\" is already taken by \(RecordKind.organisation.format(id))"
        case .notCurrent(let version, let current):
            return "version \(version) of the ethical code is not the current one (\(current)); "
                + "read the current one and acknowledge that"
        case .hashMismatch(let version):
            return "the text you read is not that of version \(version) of the ethical code; nothing was recorded"
        case .internalError(let reason):
            return "riskd failed on \(methodName): \(reason) (its log has the details)"
        case .service(.permissionDenied(let message)):
            // riskd words it from its access lists (which group gives the role); an older riskd sent no words, and
            // riskctl's own catalog says as much as it can without them.
            return "permission denied: \(message?.singleLine ?? PermissionRefusal(method: method).sentence)"
        case .service(.invalidParameter(let parameter)):
            return "invalid parameter \(parameter ?? "?") in \(methodName)"
        case .service(.methodNotImplemented):
            return "this riskd does not implement \(methodName) yet"
        case .service(.methodNotFound), .service(.interfaceNotFound):
            return "this riskd does not know \(methodName); is it older than riskctl?"
        case .service(.expectedMore):
            return "riskd refused \(methodName): \(error)"
        }
    }
}
