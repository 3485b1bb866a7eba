import RiskCore

/// The names documents give people: the account's full name (GECOS) for each login a document mentions.
///
/// What it cannot do: a name is read when the document is made, so a pack made again after an account's full
/// name changed shows the new name (riskd keeps no history of names).
enum PeopleNames {
    /// The names of every member, declarant and owner in `facts`, by login; logins without a full name are left out.
    static func of(_ facts: BoardPackFacts) -> [String: String] {
        var users = Set(facts.register.members.map(\.user))
        users.formUnion(facts.declarations.map(\.declarant))
        users.formUnion(facts.register.risks.map(\.owner))
        users.formUnion(facts.register.openActions.map(\.owner))
        users.formUnion(facts.unseenBoard)
        return of(users)
    }

    /// The full names of `users`, by login.
    static func of(_ users: some Sequence<String>) -> [String: String] {
        var names: [String: String] = [:]
        for user in users {
            if let name = UserDirectory.fullName(ofUser: user) { names[user] = name }
        }
        return names
    }
}
