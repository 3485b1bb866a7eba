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

    /// Says what a daemon error means, naming the record or the method.
    private static func describe(_ error: VarlinkError, method: String?) -> String {
        let shortName = error.name.split(separator: ".").last.map(String.init) ?? error.name
        let methodName = method ?? "this call"
        switch shortName {
        case "NoSuchRisk":
            return "no risk \(reference(error, "id", as: .risk))"
        case "NoSuchAction":
            return "no action \(reference(error, "id", as: .action))"
        case "NoSuchOrganisation":
            return "no organisation \(reference(error, "id", as: .organisation))"
        case "NoSuchInterest":
            return "no interest \(reference(error, "id", as: .interest))"
        case "NoSuchMeeting":
            return "no meeting \(reference(error, "id", as: .meeting))"
        case "NoSuchConcern":
            return "no concern \(reference(error, "id", as: .concern))"
        case "NoSuchFinding":
            return "no finding \(reference(error, "id", as: .finding))"
        case "NoSuchVersion":
            return "no version \(value(of: error, "version")) of the ethical code"
        case _ where shortName.hasPrefix("NoSuch"):
            let thing = String(shortName.dropFirst("NoSuch".count)).lowercased()
            return "no \(thing) \(value(of: error, "id", "user", "version", "name"))"
        case "PermissionDenied":
            // riskd words it from its access lists (which group gives the role); an older riskd sent no words, and
            // riskctl's own catalog says as much as it can without them.
            let sentence =
                error.parameters["message"]?.stringValue?.singleLine ?? PermissionRefusal(method: method).sentence
            return "permission denied: \(sentence)"
        case "InvalidValue":
            let field = error.parameters["field"]?.stringValue ?? "a parameter"
            // riskd's reason may quote the value, line breaks and all: it is printed on the one line of a failure.
            let reason = error.parameters["reason"]?.stringValue?.singleLine ?? "rejected by riskd"
            return "invalid value for \(field): \(reason)"
        case "InvalidParameter":
            let parameter = error.parameters["parameter"]?.stringValue ?? "?"
            return "invalid parameter \(parameter) in \(methodName)"
        case "RevisionMismatch":
            let kind = RecordKind.changed(by: method)
            let current = error.parameters["revision"]?.intValue.map(String.init) ?? "?"
            return "\(reference(error, "id", as: kind)) was changed meanwhile and is now at revision \(current); "
                + "read it again and retry"
        case "DuplicateName":
            let name = error.parameters["name"]?.stringValue ?? "?"
            let holder = error.parameters["id"]?.intValue.map { " by \(RecordKind.organisation.format($0))" } ?? ""
            return "the name \"\(name)\" is already taken\(holder)"
        case "NotCurrent":
            let current = error.parameters["current"]?.intValue.map(String.init) ?? "?"
            return "version \(value(of: error, "version")) of the ethical code is not the current one (\(current)); "
                + "read the current one and acknowledge that"
        case "HashMismatch":
            return "the text you read is not that of version \(value(of: error, "version")) of the ethical code; "
                + "nothing was recorded"
        case "InternalError":
            let reason = error.parameters["reason"]?.stringValue ?? "no reason given"
            return "riskd failed on \(methodName): \(reason) (its log has the details)"
        case "MethodNotImplemented":
            return "this riskd does not implement \(methodName) yet"
        case "MethodNotFound", "InterfaceNotFound":
            return "this riskd does not know \(methodName); is it older than riskctl?"
        default:
            return "riskd refused \(methodName): \(error)"
        }
    }

    /// The record an error parameter names, written with its letter (`R-12`).
    private static func reference(_ error: VarlinkError, _ key: String, as kind: RecordKind) -> String {
        guard let id = error.parameters[key]?.intValue else { return kind.letter + "-?" }
        return kind.format(id)
    }

    /// The first of `keys` that the error has, as text; riskd's errors name their record by one value.
    private static func value(of error: VarlinkError, _ keys: String...) -> String {
        guard let value = keys.lazy.compactMap({ error.parameters[$0] }).first else { return "?" }
        switch value {
        case .string(let string): return string
        case .int(let int): return String(int)
        default: return String(describing: value)
        }
    }
}
