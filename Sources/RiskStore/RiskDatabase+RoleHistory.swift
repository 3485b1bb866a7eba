import GRDB
import RiskCore

/// The roles riskd saw members hold, and when (`RoleSpans`): for `member.List` of a past time and a member's export.
///
/// What it cannot see: a change between two sightings. riskd looks at the roles of the board's members when it
/// starts, at every review, at every call a board member makes and whenever it lists the board; a member who lost a
/// role and got it back between two sightings reads as never having lost it, and one who lost it holds it until
/// riskd first saw them without it.
extension RiskDatabase {
    /// A stretch of time in which riskd saw a member hold a role.
    public struct RoleSpan: Sendable, Hashable {
        /// The role.
        public var role: Role
        /// When riskd first saw them hold it.
        public var from: Instant
        /// When riskd last saw them hold it.
        public var lastSeen: Instant
        /// When riskd first saw them without it; nil while they hold it as far as riskd knows.
        public var gone: Instant?
    }

    /// The roles other than the board's that `users` held at `asOf` as riskd saw them, by user; a user who held none
    /// is left out.
    public func roles(of users: [String], asOf: Instant) async throws -> [String: Set<Role>] {
        try await writer.read { db in try RoleSpans.held(db, by: users, at: asOf.description) }
    }
}
