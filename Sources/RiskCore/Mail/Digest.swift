/// What the secretariat's daily digest reports: the findings raised, reminded and resolved since the previous
/// digest, and how the mail itself fares. Sent every day, also when nothing changed, so that a digest that does not
/// come is noticed.
///
/// Findings appear by id, rule, severity and subject (`risk:4`, `member:ana`, `concern:3`), never by message: the
/// message may name a member's interest, and the digest travels by mail. `riskctl review findings` has the rest.
public struct Digest: Sendable, Hashable {
    /// One finding line.
    public struct Finding: Sendable, Hashable {
        public var id: Int
        public var rule: String
        public var severity: String
        public var subject: String

        public init(id: Int, rule: String, severity: String, subject: String) {
            self.id = id
            self.rule = rule
            self.severity = severity
            self.subject = subject
        }
    }

    /// A mail that failed, is uncertain or bounced.
    public struct Problem: Sendable, Hashable {
        public var id: Int
        public var recipient: String
        public var state: String
        public var reason: String

        public init(id: Int, recipient: String, state: String, reason: String) {
            self.id = id
            self.recipient = recipient
            self.state = state
            self.reason = reason
        }
    }

    public var day: CalendarDate
    /// When the previous digest was written; `nil` for the first.
    public var since: Instant?
    public var raised: [Finding] = []
    public var reminded: [Finding] = []
    public var resolved: [Finding] = []
    /// Findings open now.
    public var open = 0
    /// Mails waiting for an attempt now.
    public var waiting = 0
    /// Mails that failed or became uncertain since the previous digest.
    public var problems: [Problem] = []
    /// Board members riskd has no address for.
    public var membersWithoutAddress: [String] = []
    /// Owners and members whose notices went unsent since the previous digest, for want of an address.
    public var unaddressed: [String] = []

    public init(day: CalendarDate, since: Instant?) {
        self.day = day
        self.since = since
    }

    /// Most lines listed in each section; the rest are counted.
    static let listed = 50

    /// The subject and body of the digest.
    public func composed(policy: MailPolicy) -> (subject: String, body: String) {
        let organisation = MailText.line(policy.organisation)
        let nothing = raised.isEmpty && reminded.isEmpty && resolved.isEmpty
        var summary = nothing ? ["nothing changed"] : ["\(raised.count) raised", "\(resolved.count) resolved"]
        if !problems.isEmpty { summary.append("\(problems.count) mail\(problems.count == 1 ? "" : "s") not delivered") }
        let subject = "\(organisation): daily digest \(day) (\(summary.joined(separator: ", ")))"
        var body = "Daily digest of riskd, the risk register of \(organisation), for \(day).\n\n"
        body += since.map { "Since the previous digest (\($0)):\n" } ?? "Since riskd began to send mail:\n"
        if nothing {
            body += "  Nothing changed: no finding was raised, reminded or resolved. \(open) open now.\n"
        } else {
            body += "  \(raised.count) findings raised, \(reminded.count) reminded, \(resolved.count) resolved; "
            body += "\(open) open now.\n"
        }
        body += section("Raised", raised) + section("Reminded", reminded) + section("Resolved", resolved)
        body +=
            "\nMail:\n  \(waiting) waiting; \(problems.count) failed, uncertain or bounced since the previous digest.\n"
        for problem in problems.prefix(Self.listed) {
            body +=
                "  Mail \(problem.id) to \(problem.recipient): \(problem.state): \(MailText.line(problem.reason, limit: 300))\n"
        }
        if problems.count > Self.listed { body += "  … and \(problems.count - Self.listed) more.\n" }
        if !membersWithoutAddress.isEmpty {
            body += "  Board members without an address (riskctl member list --no-email): "
            body += names(membersWithoutAddress) + "\n"
        }
        if !unaddressed.isEmpty {
            body += "  Not told for want of an address: \(names(unaddressed))\n"
        }
        body += """

            Read the findings: riskctl review findings
            Read the mail:     riskctl mail status

            \(MailComposer.signature(policy))
            """
        return (subject, body)
    }

    private func section(_ title: String, _ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "" }
        var text = "\n\(title):\n"
        for finding in findings.prefix(Self.listed) {
            text += "  F-\(finding.id)  \(finding.severity)  \(finding.rule)  \(finding.subject)\n"
        }
        if findings.count > Self.listed { text += "  … and \(findings.count - Self.listed) more.\n" }
        return text
    }

    private func names(_ users: [String]) -> String {
        let shown = users.prefix(Self.listed).map { MailText.line($0, limit: 64) }.joined(separator: ", ")
        return users.count > Self.listed ? shown + " and \(users.count - Self.listed) more" : shown
    }
}
