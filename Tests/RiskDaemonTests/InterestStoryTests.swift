import RiskCore
import RiskStore
import RiskTestSupport
import Testing

@testable import RiskDaemon

/// The stories of `org.riskd.interest` (`InterestService.declare`, `change`, `confirm`), run in a write of an
/// in-memory database: what each stores, refuses and audits.
@Suite("Register of interests: the stories")
struct InterestStoryTests: InterestFixtures {
    func declare(
        _ database: RiskDatabase,
        _ user: String,
        _ organisation: String,
        policy: InterestPolicy = InterestPolicy()
    ) async throws -> Interest {
        let interest = try declaration(user, organisation, policy: policy)
        return try await database.write(actor(user, "Declare")) { tx in
            try InterestService.declare(tx, interest, policy: policy, audit: InterestAudit.declared)
        }
    }

    func confirm(_ database: RiskDatabase, _ user: String, nothingToDeclare: Bool) async throws -> RiskCore.Confirmation
    {
        try await database.write(actor(user, "Confirm")) { tx in
            try InterestService.confirm(
                tx,
                uid: uid(user),
                nothingToDeclare: nothingToDeclare,
                charge: nil,
                attest: nil
            ).confirmation
        }
    }

    func change(
        _ database: RiskDatabase,
        by user: String,
        ifRevision: Int?,
        _ transform: @escaping @Sendable (Interest) throws -> Interest
    ) async throws -> Interest {
        try await database.write(actor(user, "Update")) { tx in
            try InterestService.change(
                tx,
                1,
                ifRevision: ifRevision,
                charge: nil,
                audit: AuditDetail(),
                transform: transform
            )
        }
    }

    @Test("Declared interests are linked to the registry, audited without their text, and make a member")
    func declare() async throws {
        let database = try RiskDatabase()
        try await addOSF(to: database)
        let linked = try await declare(database, "ana", "osf")
        let unlinked = try await declare(database, "ana", "Udruženje Prevent")
        #expect(linked.organisationId == 1 && unlinked.organisationId == nil)
        let entry = try #require(try await database.auditLog(subject: "interest:1", after: nil, limit: 1).entries.first)
        #expect(!entry.detail.contains("Board seat") && !entry.detail.contains("Unpaid"))
        #expect(entry.detail.contains("\"description\":\"hmac:"))
        #expect(try await database.statusCounts(interestsOf: nil).interests == 2)
        // A member holds the board role: ana's declarations count once she does, not before.
        #expect(try await database.members(board: [], now: now, today: today).isEmpty)
        let members = try await database.members(board: [.init(user: "ana", uid: 1001)], now: now, today: today)
        #expect(members.map(\.user) == ["ana"])
        #expect(members.first?.activeInterests == 2 && members.first?.uid == 1001)
    }

    @Test("A nil return is refused while interests are active, and changes nothing") func confirmation() async throws {
        let database = try RiskDatabase()
        _ = try await declare(database, "ana", "Udruženje Prevent")
        await #expect(throws: DomainError.self) { try await confirm(database, "ana", nothingToDeclare: true) }
        #expect(try await database.verifyAudit().entries == 1)
        let confirmation = try await confirm(database, "ana", nothingToDeclare: false)
        #expect(!confirmation.nothingToDeclare && confirmation.confirmedAt == now)
        let empty = try await confirm(database, "ivan", nothingToDeclare: true)
        #expect(empty.nothingToDeclare)
        let members = try await database.members(
            board: [.init(user: "ana", uid: 1001), .init(user: "ivan", uid: 1003)],
            now: now,
            today: today
        )
        #expect(members.map(\.user) == ["ana", "ivan"])
        #expect(members.allSatisfy { $0.lastConfirmedAt == now })
        // The confirmation, then riskd seeing ivan hold the board role for the first time (the listing above).
        let log = try await database.auditLog(subject: "member:ivan", after: nil, limit: 5)
        #expect(log.entries.map(\.method) == ["org.riskd.interest.Confirm", "riskd"])
        #expect(log.entries.last?.detail == #"{"role":"board","seen":"holding"}"#)
    }

    @Test("Updates check the record first, then the revision") func update() async throws {
        let database = try RiskDatabase()
        _ = try await declare(database, "ana", "Udruženje Prevent")
        await #expect(throws: DomainError.permissionDenied) {
            try await change(database, by: "ivan", ifRevision: 7) { _ in throw DomainError.permissionDenied }
        }
        await #expect(throws: DomainError.revisionMismatch(.interest, id: 1, current: 1)) {
            try await change(database, by: "ana", ifRevision: 7) {
                try InterestRules.update($0, with: InterestChanges(sensitive: true))
            }
        }
        let now = now
        let managed = try await change(database, by: "marko", ifRevision: 1) {
            try InterestRules.manage($0, plan: "Leaves the room", by: "marko", now: now)
        }
        #expect(managed.revision == 2)
        #expect(try await database.interest(id: 1)?.managementPlan == "Leaves the room")
        #expect(try await database.verifyAudit().entries == 2)
    }

    @Test("Declarations per member are capped, ended ones included; a refusal stores nothing")
    func declarationCap() async throws {
        let database = try RiskDatabase()
        let policy = InterestPolicy(maximumDeclarationsPerMember: 2)
        _ = try await declare(database, "ana", "ESN", policy: policy)
        _ = try await declare(database, "ana", "OSF", policy: policy)
        await #expect(
            throws: DomainError.invalidValue(
                "declarant",
                "has 2 declarations on record, the most interests.max_declarations_per_member (2) "
                    + "allows; ask the secretariat"
            )
        ) {
            _ = try await declare(database, "ana", "Trimbos", policy: policy)
        }
        _ = try await declare(database, "ivan", "Trimbos", policy: policy)
        #expect(try await database.statusCounts(interestsOf: nil).interests == 3)
        #expect(try await database.statusCounts(interestsOf: "ana").interests == 2)
        #expect(try await database.verifyAudit().entries == 3)
    }
}
