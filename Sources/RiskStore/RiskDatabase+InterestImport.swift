import GRDB
import RiskCore

extension RiskDatabase {
    /// Stores the interests of an import (from `InterestRules.importDeclarations`) in one transaction, all or
    /// nothing, each linked to the registry and audited as made by `actor` on behalf of its declarant.
    ///
    /// Refused (`InterestRules.admitDeclaration`, naming `interests[i].declarant`) when a declarant would have more
    /// declarations on record than `policy` allows.
    public func importInterests(
        _ interests: [Interest],
        policy: InterestPolicy,
        actor: Actor,
        detail: @escaping @Sendable (Interest) -> AuditDetail
    ) async throws -> [Int] {
        try await write { db in
            var declared: [String: Int] = [:]
            var ids: [Int] = []
            for (index, interest) in interests.enumerated() {
                if declared[interest.declarant] == nil {
                    declared[interest.declarant] =
                        try Int.fetchOne(
                            db,
                            sql: "SELECT COUNT(*) FROM interest WHERE declarant = ?",
                            arguments: [interest.declarant]
                        ) ?? 0
                }
                do {
                    try InterestRules.admitDeclaration(declared: declared[interest.declarant] ?? 0, policy: policy)
                } catch let error as DomainError {
                    throw DomainError.invalidValue("interests[\(index)].\(error.field)", error.reason)
                }
                declared[interest.declarant, default: 0] += 1
                var linked = interest
                linked.organisationId = try Self.organisationId(db, named: interest.normalisedOrganisation)
                var row = InterestRow(linked)
                try row.insert(db)
                let stored = try row.domain()
                try self.audit(db, actor, subject: "interest:\(stored.id)", detail: detail(stored))
                try VersionLog.record(db, .interest, id: stored.id, actor: actor.user, at: actor.now)
                try self.addRecusals(db, for: stored, actor: actor)
                ids.append(stored.id)
            }
            return ids
        }
    }
}
