import ArgumentParser
import RiskProtocol
import Varlink

/// The exit statuses of riskctl, as riskctl(1) lists them (the values are those of sysexits.h).
enum ExitStatus: Int32 {
    /// The command did what it was asked.
    case success = 0
    /// Any failure not listed below, e.g. a broken audit chain or a reply that breaks the protocol.
    case failure = 1
    /// The command line is wrong: an unknown command or option, a missing or malformed argument.
    case usage = 64
    /// riskd answered an error of category `invalid-input` (`InvalidValue`, `InvalidParameter`), or an input file has
    /// a bad row.
    case invalidInput = 65
    /// riskd answered an error of category `not-found` (its `NoSuch…` errors), the input file does not exist, or a
    /// record riskctl looks up in a reply (an agenda item by its number) is not there.
    case noSuchRecord = 66
    /// The SSH server refused the login (`--host`): no key or password it accepts for that account.
    case loginRefused = 67
    /// The host cannot be reached over SSH (`--host`): its name is unknown, or nothing answers on its port.
    case hostUnreachable = 68
    /// riskd cannot be reached: no socket, or the connection was refused; with `--host`, riskd is not running on
    /// that host.
    case unreachable = 69
    /// A conflict to retry after reading again: an error of category `conflict` (`RevisionMismatch`, `DuplicateName`,
    /// `NotCurrent`, `HashMismatch`).
    case conflict = 75
    /// riskd answered `PermissionDenied`.
    case permissionDenied = 77
    /// The host's SSH key is not in known_hosts, or differs from the one there (`--host`).
    case hostKeyRefused = 78
    /// The host has no riskctl (`--host`): the remote shell did not find it, as a shell's 127 says.
    case noRiskctlOnHost = 127

    /// `mail deliver` could not report an outcome because riskd went away and did not come back: 75 as sendmail's
    /// `EX_TEMPFAIL`, try again later. The same value as `conflict`, which is also "retry".
    static let temporaryFailure = ExitStatus.conflict

    /// The exit status for `error`: the one place that maps failures to statuses.
    init(for error: any Error) {
        switch error {
        case let error as RiskctlError:
            self.init(for: error.kind)
        case is ValidationError:
            self = .usage
        case let exit as ExitCode:
            self = ExitStatus(rawValue: exit.rawValue) ?? .failure
        default:
            self = .failure
        }
    }

    private init(for kind: RiskctlError.Kind) {
        switch kind {
        case .unreachable:
            self = .unreachable
        case .remote(let error, _):
            self.init(ProtocolError(error)?.category ?? .failure)
        case .invalidInput:
            self = .invalidInput
        case .missingInput, .notFound:
            self = .noSuchRecord
        case .protocolViolation, .cancelled, .unwritable, .unsigned:
            self = .failure
        case .usage:
            self = .usage
        case .ssh(let failure):
            switch failure.kind {
            case .hostKey: self = .hostKeyRefused
            case .authentication: self = .loginRefused
            case .unreachable: self = .hostUnreachable
            case .noRiskctl: self = .noRiskctlOnHost
            case .riskdNotRunning: self = .unreachable
            case .other: self = .failure
            }
        }
    }

    /// The exit status for a Varlink error reply of `category`, which the IDL declares for each error.
    private init(_ category: ErrorCategory) {
        switch category {
        case .invalidInput: self = .invalidInput
        case .conflict: self = .conflict
        case .permissionDenied: self = .permissionDenied
        case .notFound: self = .noSuchRecord
        case .failure: self = .failure
        }
    }
}
