import RiskProtocol

/// How members are printed for people.
enum MemberPresenter {
    /// The members as a table, one line each.
    static func table(_ members: [MemberInterface.Member], today: String = CalendarDay.today()) -> Table {
        var table = Table([
            .init(title: "USER"), .init(title: "ROLES"), .init(title: "CONFIRMED"), .init(title: "NEXT DUE"),
            .init(title: "CODE"), .init(title: "INTERESTS", alignment: .right),
            .init(title: "FINDINGS", alignment: .right), .init(title: "EMAIL"),
        ])
        for member in members {
            table.append([
                .init(member.user),
                .init(member.roles.isEmpty ? "-" : member.roles.joined(separator: ",")),
                .init(member.lastConfirmedAt.map(CalendarDay.datePart(of:)) ?? "never"),
                .init(due(member, today: today)),
                .init(member.acknowledgedVersion.map { "v\($0)" } ?? "-"),
                .init(String(member.activeInterests)),
                .init(String(member.openFindings)),
                .init(address(of: member)),
            ])
        }
        return table
    }

    /// Prints one member as `key: value` lines.
    static func printFields(of member: MemberInterface.Member, today: String = CalendarDay.today()) {
        let interests = member.activeInterests == 1 ? "1 active interest" : "\(member.activeInterests) active interests"
        Output.fields([
            ("Member", member.user),
            ("Name", member.name ?? "none (documents write the login)"),
            ("User id", String(member.uid)),
            ("Roles", member.roles.isEmpty ? "none (no longer on the board)" : member.roles.joined(separator: ", ")),
            ("First seen", member.firstSeenAt),
            ("Confirmed", member.lastConfirmedAt ?? "never"),
            ("Next due", due(member, today: today)),
            ("Ethical code", member.acknowledgedVersion.map { "acknowledged version \($0)" } ?? "not acknowledged"),
            ("Declarations", interests),
            ("Open findings", String(member.openFindings)),
            ("Email", address(of: member)),
        ])
    }

    /// Where riskd mails the member: the address set with `member contact`, or the one made from mail.domain
    /// marked so, or `none`.
    static func address(of member: MemberInterface.Member) -> String {
        guard let email = member.email else { return "none" }
        return member.emailSet ? email : "\(email) (mail.domain)"
    }

    /// The next confirmation date, marked `(overdue)` when it has passed.
    private static func due(_ member: MemberInterface.Member, today: String) -> String {
        member.confirmationDue < today ? "\(member.confirmationDue) (overdue)" : member.confirmationDue
    }
}
