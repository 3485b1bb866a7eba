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
        switch error.kind {
        case .invalidValue:
            return invalidValue(field: error.field, reason: error.reason, interface: interface)
        case .revisionMismatch:
            return revisionMismatch(id: error.id, revision: error.currentRevision, interface: interface)
        case .permissionDenied:
            return .permissionDenied
        case .duplicateName:
            guard interface == .organisation else { return nil }
            return VarlinkError(OrganisationInterface.DuplicateName(name: error.key, id: error.id))
        case .notCurrent:
            guard interface == .ethics else { return nil }
            return VarlinkError(EthicsInterface.NotCurrent(version: error.id, current: error.currentVersion))
        case .hashMismatch:
            guard interface == .ethics else { return nil }
            return VarlinkError(EthicsInterface.HashMismatch(version: error.id))
        case .notFound:
            return noSuchRecord(error, interface: interface)
        }
    }

    /// The `NoSuch…` error of the interface that owns the record.
    static func noSuchRecord(_ error: DomainError, interface: ProtocolInterface) -> VarlinkError? {
        switch (error.entity, interface) {
        case (.risk, .risk): VarlinkError(RiskInterface.NoSuchRisk(id: error.id))
        case (.action, .risk): VarlinkError(RiskInterface.NoSuchAction(id: error.id))
        case (.organisation, .organisation): VarlinkError(OrganisationInterface.NoSuchOrganisation(id: error.id))
        case (.interest, .interest): VarlinkError(InterestInterface.NoSuchInterest(id: error.id))
        case (.codeVersion, .ethics): VarlinkError(EthicsInterface.NoSuchVersion(version: error.id))
        case (.finding, .review): VarlinkError(ReviewInterface.NoSuchFinding(id: error.id))
        case (.member, .member): VarlinkError(MemberInterface.NoSuchMember(user: error.key))
        case (.concern, .concern): VarlinkError(ConcernInterface.NoSuchConcern(id: error.id))
        case (.meeting, .meeting): VarlinkError(MeetingInterface.NoSuchMeeting(id: error.id))
        case (.item, .meeting): VarlinkError(MeetingInterface.NoSuchItem(id: error.id))
        case (.recusal, .meeting): VarlinkError(MeetingInterface.NoSuchRecusal(id: error.id))
        case (.meeting, .report): VarlinkError(ReportInterface.NoSuchMeeting(id: error.id))
        case (.mail, .mail): VarlinkError(MailInterface.NoSuchMail(id: error.id))
        default: nil
        }
    }

    /// `InvalidValue`, which every interface declares.
    static func invalidValue(field: String, reason: String, interface: ProtocolInterface) -> VarlinkError {
        switch interface {
        case .audit: VarlinkError(AuditInterface.InvalidValue(field: field, reason: reason))
        case .concern: VarlinkError(ConcernInterface.InvalidValue(field: field, reason: reason))
        case .mail: VarlinkError(MailInterface.InvalidValue(field: field, reason: reason))
        case .daemon: VarlinkError(DaemonInterface.InvalidValue(field: field, reason: reason))
        case .ethics: VarlinkError(EthicsInterface.InvalidValue(field: field, reason: reason))
        case .interest: VarlinkError(InterestInterface.InvalidValue(field: field, reason: reason))
        case .meeting: VarlinkError(MeetingInterface.InvalidValue(field: field, reason: reason))
        case .member: VarlinkError(MemberInterface.InvalidValue(field: field, reason: reason))
        case .organisation: VarlinkError(OrganisationInterface.InvalidValue(field: field, reason: reason))
        case .report: VarlinkError(ReportInterface.InvalidValue(field: field, reason: reason))
        case .review: VarlinkError(ReviewInterface.InvalidValue(field: field, reason: reason))
        case .risk: VarlinkError(RiskInterface.InvalidValue(field: field, reason: reason))
        }
    }

    /// `RevisionMismatch`, declared by the interfaces whose records carry a revision.
    static func revisionMismatch(id: Int, revision: Int, interface: ProtocolInterface) -> VarlinkError? {
        switch interface {
        case .interest: VarlinkError(InterestInterface.RevisionMismatch(id: id, revision: revision))
        case .organisation: VarlinkError(OrganisationInterface.RevisionMismatch(id: id, revision: revision))
        case .risk: VarlinkError(RiskInterface.RevisionMismatch(id: id, revision: revision))
        case .meeting: VarlinkError(MeetingInterface.RevisionMismatch(id: id, revision: revision))
        case .audit, .concern, .daemon, .ethics, .mail, .member, .report, .review: nil
        }
    }

    /// `InternalError`, which every interface declares.
    static func internalError(_ interface: ProtocolInterface) -> VarlinkError {
        let reason = "riskd could not complete the call; see its log"
        switch interface {
        case .audit: return VarlinkError(AuditInterface.InternalError(reason: reason))
        case .concern: return VarlinkError(ConcernInterface.InternalError(reason: reason))
        case .daemon: return VarlinkError(DaemonInterface.InternalError(reason: reason))
        case .ethics: return VarlinkError(EthicsInterface.InternalError(reason: reason))
        case .interest: return VarlinkError(InterestInterface.InternalError(reason: reason))
        case .mail: return VarlinkError(MailInterface.InternalError(reason: reason))
        case .meeting: return VarlinkError(MeetingInterface.InternalError(reason: reason))
        case .member: return VarlinkError(MemberInterface.InternalError(reason: reason))
        case .organisation: return VarlinkError(OrganisationInterface.InternalError(reason: reason))
        case .report: return VarlinkError(ReportInterface.InternalError(reason: reason))
        case .review: return VarlinkError(ReviewInterface.InternalError(reason: reason))
        case .risk: return VarlinkError(RiskInterface.InternalError(reason: reason))
        }
    }
}
