import RiskCore
import RiskStore

/// The register of interests as the story tests (RiskDaemonTests) and the store tests (RiskStoreTests) both seed
/// it: ana (uid 1001) and any other member (uid 1003) declaring an unpaid board seat on 29 November 2026, and the
/// registry's Open Society Foundations (alias OSF). A suite that adopts it has them as its own members.
public protocol InterestFixtures {}

extension InterestFixtures {
    public var now: Instant { Instant(rfc3339: "2026-11-29T06:00:00Z") ?? Instant(secondsSinceEpoch: 0) }
    public var today: CalendarDate { CalendarDate(year: 2026, month: 11, day: 29) ?? CalendarDate(daysSinceEpoch: 0) }

    /// The uid of `user`: ana's 1001, anyone else's 1003.
    public func uid(_ user: String) -> Int {
        user == "ana" ? 1001 : 1003
    }

    /// `user` calling `interest.<method>` now.
    public func actor(_ user: String, _ method: String) -> RiskDatabase.Actor {
        RiskDatabase.Actor(user: user, uid: uid(user), method: "org.riskd.interest.\(method)", now: now)
    }

    /// `user`'s unpaid board seat in `organisation` from 1 January 2026 (to `until`, when given), as
    /// `InterestRules.declare` makes it under `policy`.
    public func declaration(
        _ user: String,
        _ organisation: String,
        sensitive: Bool = false,
        until: String? = nil,
        policy: InterestPolicy = InterestPolicy()
    ) throws -> Interest {
        try InterestRules.declare(
            InterestDraft(
                kind: "governance",
                organisation: organisation,
                description: "Board seat of \(user)",
                value: "Unpaid",
                sensitive: sensitive,
                startedOn: "2026-01-01",
                endedOn: until
            ),
            declarant: user,
            declarantUID: uid(user),
            now: now,
            today: today,
            policy: policy
        )
    }

    /// The Open Society Foundations, alias OSF, put in the registry as `organisation.Add` stores it.
    public func addOSF(to database: RiskDatabase) async throws {
        let osf = try OrganisationRules.create(
            OrganisationDraft(name: "Open Society Foundations", aliases: ["OSF"], kind: "funder"),
            now: now
        )
        _ = try await database.write(actor("marko", "Add")) { tx in try tx.insert(osf) }
    }
}
