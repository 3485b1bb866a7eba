import Logging
import RiskCore
import RiskProtocol
import RiskStore
import Varlink

/// The one place where a failure becomes a Varlink error reply.
///
/// Domain refusals map to the interface's named errors; anything else is a fault of the daemon, logged with its
/// detail and answered as `org.riskd.daemon.InternalError` without leaking internals to the caller.
enum ErrorMapping {
    static func varlinkError(for error: any Error, interface: String, method: String, logger: Logger) -> VarlinkError {
        switch error {
        case let error as VarlinkError:
            return error
        case let error as DomainError:
            return map(error, interface: interface)
        default:
            logger.error("\(method) failed: \(error)")
            return VarlinkError(name: DaemonInterface.Errors.internalError,
                                parameters: ["reason": .string("riskd could not complete the call; see its log")])
        }
    }

    static func map(_ error: DomainError, interface: String) -> VarlinkError {
        switch error.kind {
        case .invalidValue:
            return VarlinkError(name: "\(interface).InvalidValue",
                                parameters: ["field": .string(error.field), "reason": .string(error.reason)])
        case .revisionMismatch:
            return VarlinkError(name: "\(interface).RevisionMismatch",
                                parameters: ["id": .int(error.id), "revision": .int(error.currentRevision)])
        case .duplicateName:
            return VarlinkError(name: "org.riskd.organisation.DuplicateName",
                                parameters: ["name": .string(error.key), "id": .int(error.id)])
        case .permissionDenied:
            return .permissionDenied
        case .notCurrent:
            return VarlinkError(name: EthicsInterface.Errors.notCurrent,
                                parameters: ["version": .int(error.id), "current": .int(error.currentVersion)])
        case .hashMismatch:
            return VarlinkError(name: EthicsInterface.Errors.hashMismatch, parameters: ["version": .int(error.id)])
        case .notFound:
            switch error.entity {
            case .risk: return VarlinkError(name: "org.riskd.risk.NoSuchRisk", parameters: ["id": .int(error.id)])
            case .action: return VarlinkError(name: "org.riskd.risk.NoSuchAction", parameters: ["id": .int(error.id)])
            case .organisation:
                return VarlinkError(name: "org.riskd.organisation.NoSuchOrganisation", parameters: ["id": .int(error.id)])
            case .interest:
                return VarlinkError(name: "org.riskd.interest.NoSuchInterest", parameters: ["id": .int(error.id)])
            case .codeVersion:
                return VarlinkError(name: "org.riskd.ethics.NoSuchVersion", parameters: ["version": .int(error.id)])
            case .finding:
                return VarlinkError(name: "org.riskd.review.NoSuchFinding", parameters: ["id": .int(error.id)])
            case .member:
                return VarlinkError(name: "org.riskd.member.NoSuchMember", parameters: ["user": .string(error.key)])
            case nil:
                return VarlinkError(name: "\(interface).InvalidValue",
                                    parameters: ["field": .string("id"), "reason": .string("no such record")])
            }
        }
    }
}
