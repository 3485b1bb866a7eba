import Foundation
import RiskCore
import RiskProtocol
import RiskStore

extension MemberService {
    /// `Export`: everything held about a member, for the member (or an admin or auditor on their behalf).
    ///
    /// Each record is converted as its own interface shows it and then re-read as the member interface's type of
    /// the same fields (`rewired`): one conversion per record, whichever interface sends it.
    func registerExport(_ table: inout MethodTable) {
        table.on(MemberInterface.Export.self) { parameters, request in
            let user = parameters.user ?? request.caller.user
            guard request.mayTouch(ownedBy: user) else { throw DomainError.permissionDenied }
            guard let member = try await members(only: user, request: request).first else {
                throw DomainError.notFound(.member, key: user)
            }
            let records = try await context.database.memberRecords(user: user)
            return .init(
                member: member,
                interests: try records.interests.map {
                    try Self.rewired(InterestInterface.Interest($0, today: request.today))
                },
                confirmations: try records.confirmations.map { try Self.rewired(InterestInterface.Confirmation($0)) },
                acknowledgements: try records.acknowledgements.map {
                    try Self.rewired(EthicsInterface.Acknowledgement($0))
                },
                recusals: try records.recusals.map { try Self.rewired(MeetingInterface.Recusal($0)) },
                concerns: try records.concerns.map { try Self.rewired(ConcernInterface.Concern($0)) },
                audit: try records.audit.map { try Self.rewired(AuditInterface.Entry($0)) },
                keys: try await context.database.memberKeys(user: user).map(MemberInterface.Key.init),
                attestations: try await context.database.attestations(user: user).attestations.map {
                    try Self.rewired(AuditInterface.Attestation($0))
                },
                roles: records.roles.map(MemberInterface.RoleSpan.init),
                names: records.names.map(MemberInterface.NameVersion.init)
            )
        }
    }

    /// `value` as the member interface's type with the same fields: its JSON read back as `T`.
    static func rewired<T: Decodable>(_ value: some Encodable) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
    }
}

extension MemberInterface.RoleSpan {
    /// A span as the export shows it.
    init(_ span: RiskDatabase.RoleSpan) {
        self.init(
            role: span.role.rawValue,
            fromAt: span.from.description,
            lastSeenAt: span.lastSeen.description,
            goneAt: span.gone?.description
        )
    }
}

extension MemberInterface.NameVersion {
    /// A name as the export shows it.
    init(_ version: RiskDatabase.NameVersion) {
        self.init(at: version.at.description, source: version.source.rawValue, name: version.name)
    }
}
