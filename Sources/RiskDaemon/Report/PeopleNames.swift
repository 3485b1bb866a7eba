import RiskCore
import RiskStore

/// The names documents give people, the one place that decides them: the name `member.SetName` set, else the
/// account's full name (GECOS), else none (the document writes the login). `Member.name` is read here too, so a
/// member's entry and every document agree.
///
/// A document made for a time (`of(_:asOf:now:in:)`) reads the names recorded by then: riskd records the account
/// names it reads, so the document reads the same after a name changes.
enum PeopleNames {
    /// The full name NSS gives an account; replaced in tests.
    typealias AccountName = @Sendable (String) -> String?

    /// The logins `facts` names: every member, declarant and owner.
    static func people(in facts: BoardPackFacts) -> Set<String> {
        var users = Set(facts.register.members.map(\.user))
        users.formUnion(facts.declarations.map(\.declarant))
        users.formUnion(facts.register.risks.map(\.owner))
        users.formUnion(facts.register.openActions.map(\.owner))
        users.formUnion(facts.unseenBoard)
        return users
    }

    /// The names of `users` in a document made at `now` for `asOf`, by login, from the names recorded by then
    /// (`RiskDatabase.memberNames(of:asOf:)`), after recording the account names read now.
    static func of(
        _ users: Set<String>,
        asOf: Instant,
        now: Instant,
        in database: RiskDatabase,
        account: AccountName = UserDirectory.fullName(ofUser:)
    ) async throws -> [String: String] {
        var read: [String: String?] = [:]
        for user in users { read[user] = .some(account(user)) }
        try await database.recordAccountNames(read, at: now)
        return try await database.memberNames(of: users, asOf: asOf)
    }

    /// The names of every member, declarant and owner in `facts`, by login; logins with no name are left out.
    ///
    /// - Parameter set: the names set with `member.SetName`, by login (`RiskDatabase.memberNames`).
    static func of(
        _ facts: BoardPackFacts,
        set: [String: String],
        account: AccountName = UserDirectory.fullName(ofUser:)
    ) -> [String: String] {
        of(people(in: facts), set: set, account: account)
    }

    /// The names of `users`, by login; logins with no name are left out.
    static func of(
        _ users: some Sequence<String>,
        set: [String: String],
        account: AccountName = UserDirectory.fullName(ofUser:)
    ) -> [String: String] {
        var names: [String: String] = [:]
        for user in users {
            if let name = name(of: user, set: set[user], account: account) { names[user] = name }
        }
        return names
    }

    /// The name of `user`: `set` (their `member.SetName` name) when there is one, else their account's full name.
    static func name(
        of user: String,
        set: String?,
        account: AccountName = UserDirectory.fullName(ofUser:)
    ) -> String? {
        PersonName.chosen(set: set, account: set == nil ? account(user) : nil)
    }
}
