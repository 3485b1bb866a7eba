import RiskCore
import Testing

@testable import RiskStore

/// Issue 27: `role_span`, the roles other than the board's as riskd saw the board's members hold them, beside
/// `board_span`; each span opened or closed is one audit entry by riskd, and a sighting that changes nothing is none.
@Suite("Roles as riskd saw them")
struct RoleSpanTests {
    static func at(_ text: String) -> Instant { Instant(rfc3339: text) ?? Instant(secondsSinceEpoch: 0) }

    static func ana(_ roles: Set<Role>?) -> RiskDatabase.BoardAccount {
        RiskDatabase.BoardAccount(user: "ana", uid: 1001, roles: roles)
    }

    @Test("Roles riskd saw, at each time; an account whose roles were not looked at keeps its spans")
    func spans() async throws {
        let database = try RiskDatabase()
        try await database.observeBoard([Self.ana([.board, .admin])], at: Self.at("2027-01-01T09:00:00Z"))
        // Not looked at: the admin span stays open.
        try await database.observeBoard([Self.ana(nil)], at: Self.at("2027-01-10T09:00:00Z"))
        try await database.observeBoard([Self.ana([.board, .auditor])], at: Self.at("2027-02-01T09:00:00Z"))
        let expected: [(String, Set<Role>?)] = [
            ("2026-12-31T00:00:00Z", nil), ("2027-01-01T09:00:00Z", [.admin]), ("2027-01-20T00:00:00Z", [.admin]),
            ("2027-02-01T09:00:00Z", [.auditor]),
        ]
        for (time, roles) in expected {
            #expect(try await database.roles(of: ["ana", "bo"], asOf: Self.at(time))["ana"] == roles, "\(time)")
        }
        let spans = try await database.memberRecords(user: "ana").roles
        #expect(spans.map(\.role) == [.admin, .board, .auditor])
        #expect(
            spans[0].gone == Self.at("2027-02-01T09:00:00Z") && spans[0].lastSeen == Self.at("2027-01-01T09:00:00Z")
        )
        #expect(spans[1].gone == nil && spans[1].lastSeen == Self.at("2027-02-01T09:00:00Z"))
    }

    @Test("Only an opening or a closing is audited, and a span closed at the instant it opened opens again")
    func audited() async throws {
        let database = try RiskDatabase()
        let now = Self.at("2027-01-01T09:00:00Z")
        try await database.observeBoard([Self.ana([.board, .admin])], at: now)
        try await database.observeBoard([Self.ana([.board, .admin])], at: Self.at("2027-01-01T10:00:00Z"))
        try await database.noteMember(
            user: "ana",
            uid: 1001,
            roles: [.board, .admin],
            at: Self.at("2027-01-02T09:00:00Z")
        )
        #expect(
            try await Self.details(database) == [
                #"{"role":"admin","seen":"holding"}"#, #"{"role":"board","seen":"holding"}"#,
            ]
        )
        try await database.observeBoard([], at: now)
        try await database.observeBoard([Self.ana([.board])], at: now)
        #expect(
            try await Self.details(database).dropFirst(2) == [
                #"{"role":"board","seen":"without"}"#, #"{"role":"admin","seen":"without"}"#,
                #"{"role":"board","seen":"holding"}"#,
            ]
        )
        let board = try await database.memberRecords(user: "ana").roles.filter { $0.role == .board }
        #expect(board.count == 1 && board[0].gone == nil)
        #expect(try await database.verifyAudit().ok)
    }

    /// The details of the audit entries, in order.
    static func details(_ database: RiskDatabase) async throws -> [String] {
        try await database.auditLog(subject: "member:ana", after: nil, limit: 100).entries.map(\.detail)
    }
}
