import RiskCore

/// The names documents give people, the one place that decides them: the name `member.SetName` set, else the
/// account's full name (GECOS), else none (the document writes the login). `Member.name` is read here too, so a
/// member's entry and every document agree.
///
/// What it cannot do: a name is read when the document is made, so a pack made again after a name changed shows
/// the new name (riskd keeps no history of names).
enum PeopleNames {
    /// The full name NSS gives an account; replaced in tests.
    typealias AccountName = @Sendable (String) -> String?

    /// The names of every member, declarant and owner in `facts`, by login; logins with no name are left out.
    ///
    /// - Parameter set: the names set with `member.SetName`, by login (`RiskDatabase.memberNames`).
    static func of(
        _ facts: BoardPackFacts,
        set: [String: String],
        account: AccountName = UserDirectory.fullName(ofUser:)
    ) -> [String: String] {
        var users = Set(facts.register.members.map(\.user))
        users.formUnion(facts.declarations.map(\.declarant))
        users.formUnion(facts.register.risks.map(\.owner))
        users.formUnion(facts.register.openActions.map(\.owner))
        users.formUnion(facts.unseenBoard)
        return of(users, set: set, account: account)
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
