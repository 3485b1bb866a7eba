import RiskCore
import RiskStore

/// The ethical code as the story tests (RiskDaemonTests) and the store tests (RiskStoreTests) both use it: calls of
/// `org.riskd.ethics` on 29 November 2026, and a body's SHA-256 as a member's client computes it. A suite that
/// adopts it has them as its own members.
public protocol EthicsFixtures {}

extension EthicsFixtures {
    public var now: Instant { Instant(rfc3339: "2026-11-29T06:00:00Z") ?? Instant(secondsSinceEpoch: 0) }

    /// `user` (uid `uid`) calling `ethics.<method>` at `instant`, now by default.
    public func actor(
        _ user: String,
        _ method: String,
        uid: Int = 1001,
        at instant: Instant? = nil
    ) -> RiskDatabase.Actor {
        RiskDatabase.Actor(user: user, uid: uid, method: "org.riskd.ethics.\(method)", now: instant ?? now)
    }

    /// The SHA-256 of `text`'s UTF-8, lowercase hex.
    public func sha256(_ text: String) -> String {
        RiskDatabase.sha256Hex(text)
    }
}
