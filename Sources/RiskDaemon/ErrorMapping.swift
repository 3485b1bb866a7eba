import Logging
import RiskCore
import RiskProtocol
import RiskStore
import Varlink

/// The one place where a failure becomes a Varlink error reply.
///
/// A domain refusal becomes a typed error that the called interface declares in its IDL (`RiskInterface.NoSuchRisk`,
/// `ReviewInterface.InvalidValue`…): an error an interface does not declare cannot be built for it here. Anything
/// else is a fault of the daemon, logged with its detail and answered with the interface's `InternalError`, which
/// says where to look and nothing more. A refusal to touch a record is `PermissionDenied` worded for people
/// (`refusal`, the same words as a refusal by role).
enum ErrorMapping {
    /// The reply for `error`, thrown by a call of `method` on `interface`; `refusal` words a `PermissionDenied`.
    static func varlinkError(
        for error: any Error,
        interface: ProtocolInterface,
        method: String,
        refusal: PermissionRefusal,
        logger: Logger
    )
        -> VarlinkError
    {
        switch error {
        case let error as VarlinkError:
            return error
        case let error as DomainError where error.kind == .permissionDenied:
            guard !error.refusedDoing.isEmpty else { return refusal.error }
            return refusal.narrowed(doing: error.refusedDoing, to: Set(error.allowedRoles.map(MethodRole.init))).error
        case let error as DomainError:
            if let mapped = map(error, interface: interface) { return mapped }
            logger.error("\(method) failed: \(interface.rawValue) declares no error for \(error)")
            return internalError(interface)
        default:
            logger.error("\(method) failed: \(error)")
            return internalError(interface)
        }
    }

    /// The declared error of `interface` for `error`; `nil` when the interface declares none for it (an error of
    /// another interface is never borrowed). `PermissionDenied` here is the bare one; `varlinkError` words it.
    static func map(_ error: DomainError, interface: ProtocolInterface) -> VarlinkError? {
        let wire: ProtocolError? =
            switch error.kind {
            case .invalidValue: .invalidValue(field: error.field, reason: error.reason)
            case .revisionMismatch: .revisionMismatch(id: error.id, revision: error.currentRevision)
            case .permissionDenied: .service(.permissionDenied(message: nil))
            case .duplicateName: .duplicateName(name: error.key, id: error.id)
            case .notCurrent: .notCurrent(version: error.id, current: error.currentVersion)
            case .hashMismatch: .hashMismatch(version: error.id)
            case .notFound: noSuchRecord(error)
            }
        if case .service(let standard)? = wire { return standard.reply }
        return wire.flatMap(interface.declared)
    }

    /// The `NoSuch…` error of the record; only the interface that owns such records declares it.
    static func noSuchRecord(_ error: DomainError) -> ProtocolError? {
        switch error.entity {
        case .risk: .noSuchRisk(id: error.id)
        case .action: .noSuchAction(id: error.id)
        case .organisation: .noSuchOrganisation(id: error.id)
        case .interest: .noSuchInterest(id: error.id)
        case .codeVersion: .noSuchVersion(version: error.id)
        case .finding: .noSuchFinding(id: error.id)
        case .member: .noSuchMember(user: error.key)
        case .concern: .noSuchConcern(id: error.id)
        case .meeting: .noSuchMeeting(id: error.id)
        case .item: .noSuchItem(id: error.id)
        case .recusal: .noSuchRecusal(id: error.id)
        case .mail: .noSuchMail(id: error.id)
        case nil: nil
        }
    }

    /// `InternalError`, which every interface declares.
    static func internalError(_ interface: ProtocolInterface) -> VarlinkError {
        interface.internalError(reason: "riskd could not complete the call; see its log")
    }
}
