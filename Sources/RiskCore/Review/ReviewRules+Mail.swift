/// What `mail-bounced` reads of a mail the MTA returned: never the message itself.
public struct BouncedMailFacts: Sendable, Hashable {
    public var id: Int
    /// The address it was sent to.
    public var recipient: String
    /// notice, recusal, digest or test.
    public var kind: String
    /// The day riskd learned of the bounce.
    public var bouncedOn: CalendarDate
    /// What the delivery status notification said.
    public var reason: String

    public init(id: Int, recipient: String, kind: String, bouncedOn: CalendarDate, reason: String) {
        self.id = id
        self.recipient = recipient
        self.kind = kind
        self.bouncedOn = bouncedOn
        self.reason = reason
    }
}

/// What `mail-unaddressed` reads of a person riskd had notices for and no address to send them to.
public struct UnaddressedFacts: Sendable, Hashable {
    /// The account or member name the notices were for.
    public var user: String
    /// How many notices could not be sent.
    public var notices: Int
    /// The day of the first and of the latest of them.
    public var firstOn: CalendarDate
    public var lastOn: CalendarDate

    public init(user: String, notices: Int, firstOn: CalendarDate, lastOn: CalendarDate) {
        self.user = user
        self.notices = notices
        self.firstOn = firstOn
        self.lastOn = lastOn
    }
}

extension ReviewRules {
    /// Days a bounce stays a finding. A bounced mail stays bounced for good, while what the secretariat fixes is the
    /// address (a member's contact, a risk's owner, `mail.admins`) or the mailbox, not the mail: riskd cannot see
    /// when that is done, so the finding resolves itself this long after the bounce (`riskctl review ack` ends its
    /// reminders sooner).
    public static let mailBouncedDays = 30

    /// `mail-bounced`: the MTA returned a mail it had accepted, within the last `mailBouncedDays` days. The message
    /// names the address and what the MTA said, which is what must be fixed; never what the mail said.
    static func mailBounced(_ mail: BouncedMailFacts, today: CalendarDate) -> Observation? {
        guard mail.bouncedOn.adding(days: mailBouncedDays) >= today else { return nil }
        let reason = mail.reason.isEmpty ? "" : ": \(MailText.line(mail.reason, limit: 300))"
        return Observation(
            rule: .mailBounced,
            subject: "mail:\(mail.id)",
            severity: .warning,
            message: "Mail \(mail.id) (\(mail.kind)) to \(mail.recipient) was returned as undeliverable on "
                + "\(mail.bouncedOn)\(reason); correct the address or create the mailbox"
        )
    }
}

extension ReviewRules {
    /// Days an unsent notice keeps `mail-unaddressed` raised, the same month as a bounce.
    public static let mailUnaddressedDays = 30

    /// The first day whose unsent notices `mail-unaddressed` counts on `today`: the store reads those
    /// (`UnaddressedFacts`) from then on.
    public static func mailUnaddressedSince(today: CalendarDate) -> CalendarDate {
        today.adding(days: -mailUnaddressedDays)
    }

    /// `mail-unaddressed`: riskd had notices for a person (a board member, a risk's or an action's owner) within the
    /// last `mailUnaddressedDays` days and no address to send them to; the store lists only those who still have
    /// none. The finding ends when an address is set (or `mail.domain`), or a month after the last such notice.
    static func mailUnaddressed(_ person: UnaddressedFacts, today: CalendarDate) -> Observation? {
        guard person.lastOn.adding(days: mailUnaddressedDays) >= today else { return nil }
        let count = person.notices == 1 ? "1 notice" : "\(person.notices) notices"
        let since = person.firstOn == person.lastOn ? "on \(person.firstOn)" : "since \(person.firstOn)"
        return Observation(
            rule: .mailUnaddressed,
            subject: "member:\(person.user)",
            severity: .warning,
            message: "riskd has no mail address for \(person.user): \(count) \(since) could not be sent; set one with "
                + "riskctl member contact \(person.user) --email ADDRESS"
        )
    }
}
