import RiskCore
import RiskStore

/// The organisation registry as the story tests (RiskDaemonTests) and the store tests (RiskStoreTests) both fill
/// it: marko (uid 1002) of the secretariat adding funders on 29 November 2026. A suite that adopts it has these as
/// its own members.
public protocol OrganisationFixtures {}

extension OrganisationFixtures {
    public var now: Instant { Instant(rfc3339: "2026-11-29T06:00:00Z") ?? Instant(secondsSinceEpoch: 0) }

    /// marko calling `method` (by default `organisation.Add`) now.
    public func actor(_ method: String = "org.riskd.organisation.Add") -> RiskDatabase.Actor {
        RiskDatabase.Actor(user: "marko", uid: 1002, method: method, now: now)
    }

    /// An organisation named `name`, with `aliases`, as `OrganisationRules.create` makes it now.
    public func organisation(_ name: String, _ aliases: [String] = [], kind: String = "funder") throws -> Organisation {
        try OrganisationRules.create(OrganisationDraft(name: name, aliases: aliases, kind: kind), now: now)
    }
}
