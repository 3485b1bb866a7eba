import Foundation
import RiskCore
import Testing

/// Mail's pure core: which addresses riskd sends to, how a message is written, what a review run tells whom, and
/// what becomes of a mail after each answer of the MTA.
@Suite("Mail")
struct MailTests {
    @Test(
        "Which addresses riskd sends to",
        arguments: [
            ("ana@example.org", nil), ("ana.kovac+board@mail.example.org", nil), ("o'brien@example.org", nil),
            ("x@localhost", nil), ("", "must not be empty"),
            ("ana", "write it as name@domain, with one @"), ("a@b@c", "write it as name@domain, with one @"),
            ("Ana <ana@example.org>", "it must be ASCII, with no spaces or control characters"),
            ("ana@example.org\nBcc: eve@example.org", "it must be ASCII, with no spaces or control characters"),
            ("ana kovač@example.org", "it must be ASCII, with no spaces or control characters"),
            ("-oQ/tmp@example.org", "the part before @ has a character or a dot riskd does not send to"),
            ("ana..k@example.org", "the part before @ has a character or a dot riskd does not send to"),
            ("\"ana\"@example.org", "the part before @ has a character or a dot riskd does not send to"),
            ("ana@[192.0.2.1]", "the domain must be names of letters, digits and hyphens between dots"),
            ("ana@example..org", "the domain must be names of letters, digits and hyphens between dots"),
            ("ana@-example.org", "the domain must be names of letters, digits and hyphens between dots"),
            ("@example.org", "the part before @ must be 1 to 64 characters"),
            (String(repeating: "a", count: 65) + "@example.org", "the part before @ must be 1 to 64 characters"),
        ] as [(String, String?)]
    )
    func address(text: String, refusal: String?) {
        do {
            let address = try MailAddress(text)
            #expect(refusal == nil)
            #expect(address.description == text)
        } catch {
            #expect(error.field == "email")
            #expect(refusal.map { error.reason.hasSuffix($0) } ?? false, "\(error.reason)")
        }
    }

    @Test("The built-in sender, mail.from's default, is an address the check itself accepts")
    func defaultSender() throws {
        #expect(try MailAddress(MailAddress.riskdMailLocalhost.description) == MailAddress.riskdMailLocalhost)
        #expect(MailPolicy().from == MailAddress.riskdMailLocalhost)
    }

    @Test("A domain fallback is only for user names that make an address")
    func domainFallback() {
        var policy = MailPolicy()
        #expect(policy.address(of: "ana", contact: nil) == nil)
        policy.domain = "example.org"
        #expect(policy.address(of: "ana", contact: nil) == "ana@example.org")
        #expect(policy.address(of: "Finance team", contact: nil) == nil)
        #expect(policy.address(of: "ana", contact: "ana@home.example") == "ana@home.example")
    }

    static let message = MailMessage(
        from: try! MailAddress("riskd@example.org"),
        fromName: "Mreža \"Drug\" Policy",
        to: try! MailAddress("ana@example.org"),
        subject: "Mreža: risk R-4 is overdue\nBcc: eve@example.org",
        date: Instant(rfc3339: "2026-12-03T11:34:52Z")!,
        messageID: "riskd.notice.2026-12-03.1f@example.org",
        body: "Hello ana,\n\n* " + String(repeating: "word ", count: 30) + "\n  Run: riskctl interest confirm"
    )

    @Test("A message has the headers mail software expects, and no header can be injected")
    func rendered() throws {
        let text = Self.message.rendered
        let (head, body) = try #require(text.split(separator: "\n\n", maxSplits: 1).map(String.init).pair)
        let headers = head.split(separator: "\n").map(String.init)
        #expect(headers.contains("To: <ana@example.org>"))
        #expect(headers.contains("Date: Thu, 03 Dec 2026 11:34:52 +0000"))
        #expect(headers.contains("Message-ID: <riskd.notice.2026-12-03.1f@example.org>"))
        #expect(headers.contains("Auto-Submitted: auto-generated"))
        #expect(headers.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(!headers.contains { $0.hasPrefix("Bcc") })
        // Every header line is ASCII; continuation lines start with a space.
        #expect(headers.allSatisfy { $0.allSatisfy(\.isASCII) && $0.count <= 78 })
        let subject = headers.drop { !$0.hasPrefix("Subject:") }.prefix {
            $0.hasPrefix("Subject:") || $0.hasPrefix(" ")
        }
        #expect(Self.decode(subject.joined(separator: "\n")) == "Mreža: risk R-4 is overdue Bcc: eve@example.org")
        #expect(body.split(separator: "\n").allSatisfy { $0.count <= 76 })
        #expect(body.contains("\n  Run: riskctl interest confirm"))
    }

    /// The text of `Subject: =?UTF-8?B?…?=` words, decoded.
    static func decode(_ header: String) -> String {
        header.dropFirst("Subject: ".count).split(separator: "\n ").map { word in
            let base64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return String(decoding: Data(base64Encoded: String(base64)) ?? Data(), as: UTF8.self)
        }.joined()
    }

    @Test("A mail greets its person by name, by login only when they have none")
    func greeting() {
        let notice = Notice(
            user: "rkboard1",
            kind: .confirmationDue,
            subject: "member:rkboard1",
            key: "k",
            text: "Confirm.",
            command: "riskctl interest confirm"
        )
        let named = MailComposer.personal(user: "rkboard1", name: "Ana Petrović", notices: [notice], policy: .init())
        #expect(named.body.hasPrefix("Hello Ana Petrović,\n"))
        #expect(!named.body.contains("rkboard1"))
        let login = MailComposer.personal(user: "rkboard1", notices: [notice], policy: .init())
        #expect(login.body.hasPrefix("Hello rkboard1,\n"))
    }

    @Test("Text from the register is one line in a mail")
    func oneLine() {
        #expect(MailText.line("Call\r\nBcc: x\t y") == "Call Bcc: x y")
        #expect(MailText.line(String(repeating: "a", count: 130)).count == 120)
    }

    static let today = CalendarDate("2027-01-10")!
    static let risk = Risk(
        id: 4,
        revision: 1,
        title: "Funding overlap",
        description: "",
        category: "financial",
        area: nil,
        owner: "marko",
        likelihood: 4,
        impact: 4,
        residualLikelihood: nil,
        residualImpact: nil,
        status: .open,
        acceptedUntil: nil,
        closeReason: nil,
        nextReviewDue: CalendarDate("2027-01-05")!,
        reviewDueFixed: false,
        lastReviewedAt: nil,
        createdAt: Instant(secondsSinceEpoch: 0),
        updatedAt: Instant(secondsSinceEpoch: 0)
    )

    static func plan(_ changes: [FindingLifecycle.Change], _ snapshot: ReviewSnapshot, _ mail: MailPolicy) -> [Notice] {
        MailPlanner.notices(changes: changes, snapshot: snapshot, review: ReviewPolicy(), mail: mail, today: today)
    }

    static var on: MailPolicy {
        var policy = MailPolicy()
        policy.enabled = true
        return policy
    }

    @Test("A review run tells the owner of an overdue risk when it is raised and reminded, not in between")
    func overdueRhythm() {
        let observation = Observation(rule: .riskReviewOverdue, subject: "risk:4", severity: .warning, message: "")
        let snapshot = ReviewSnapshot(risks: [Self.risk])
        let raised = Self.plan([.raise(observation)], snapshot, Self.on)
        #expect(raised.map(\.user) == ["marko"])
        #expect(raised.map(\.kind) == [.riskReviewOverdue])
        #expect(raised.first?.command == "riskctl risk review R-4 --note TEXT")
        #expect(Self.plan([.persist(id: 1, observation, remind: false)], snapshot, Self.on).isEmpty)
        #expect(Self.plan([.persist(id: 1, observation, remind: true)], snapshot, Self.on).map(\.user) == ["marko"])
        #expect(Self.plan([.resolve(id: 1)], snapshot, Self.on).isEmpty)
        #expect(Self.plan([.raise(observation)], snapshot, MailPolicy()).isEmpty, "mail is off by default")
        var noOverdue = Self.on
        noOverdue.kinds.remove(.riskReviewOverdue)
        #expect(Self.plan([.raise(observation)], snapshot, noOverdue).isEmpty)
    }

    @Test("Rules about no one in particular go to the digest only")
    func digestOnly() {
        let concern = Observation(rule: .concernOpen, subject: "concern:3", severity: .warning, message: "")
        let appetite = Observation(rule: .riskAboveAppetite, subject: "risk:4", severity: .warning, message: "")
        #expect(Self.plan([.raise(concern), .raise(appetite)], ReviewSnapshot(risks: [Self.risk]), Self.on).isEmpty)
    }

    @Test(
        "A due date is told once, within notice_days_before and not after it passed",
        arguments: [
            ("2027-01-10", ["risk-review-due:4:2027-01-10"]), ("2027-01-24", ["risk-review-due:4:2027-01-24"]),
            ("2027-01-25", []), ("2027-01-09", []),
        ]
    )
    func dueSoon(due: String, keys: [String]) {
        var risk = Self.risk
        risk.nextReviewDue = CalendarDate(due)!
        #expect(Self.plan([], ReviewSnapshot(risks: [risk]), Self.on).map(\.key) == keys)
    }

    @Test("A member's confirmation due soon is for them alone, once per due date")
    func confirmationDue() {
        let member = MemberFacts(
            user: "ana",
            onBoard: true,
            firstSeenOn: CalendarDate("2026-01-20")!,
            lastConfirmedOn: CalendarDate("2026-01-20")!,
            acknowledgedVersions: []
        )
        let notices = Self.plan([], ReviewSnapshot(members: [member]), Self.on)
        #expect(notices.map(\.key) == ["confirmation-due:ana:2027-01-20"])
        #expect(notices.first?.text.contains("due to be confirmed on 20 January 2027.") == true)
        var left = member
        left.onBoard = false
        #expect(Self.plan([], ReviewSnapshot(members: [left]), Self.on).isEmpty)
    }

    @Test(
        "What becomes of a mail after each answer of the MTA",
        arguments: [
            (DeliveryOutcome.sent, 1, MailState.sent, nil as Int64?),
            (.rejected, 1, .failed, nil), (.deferred, 1, .queued, 60), (.deferred, 2, .queued, 120),
            (.deferred, 4, .queued, 480), (.deferred, 11, .queued, 6 * 3600), (.deferred, 12, .failed, nil),
        ]
    )
    func outcome(outcome: DeliveryOutcome, attempts: Int, state: MailState, retryIn: Int64?) {
        let now = Instant(secondsSinceEpoch: 1_000_000)
        let next = outcome.next(attempts: attempts, reason: "sendmail exited 75", now: now, policy: MailPolicy())
        #expect(next.state == state)
        #expect(next.retryAt.map { $0.secondsSinceEpoch - now.secondsSinceEpoch } == retryIn)
        if state == .failed, outcome == .deferred { #expect(next.reason?.hasPrefix("deferred 12 times") == true) }
    }

    @Test("A report must say what the MTA answered unless the mail was sent")
    func report() throws {
        #expect(throws: DomainError.invalidValue("reason", "must say what the MTA answered when the mail was not sent"))
        {
            _ = try DeliveryOutcome.read(outcome: "deferred", reason: nil)
        }
        #expect(throws: DomainError.self) { _ = try DeliveryOutcome.read(outcome: "bounced", reason: "x") }
        #expect(throws: DomainError.self) {
            _ = try DeliveryOutcome.read(outcome: "rejected", reason: String(repeating: "x", count: 1001))
        }
        #expect(try DeliveryOutcome.read(outcome: "sent", reason: nil) == (.sent, nil))
    }

    @Test("The digest says so when nothing changed, and lists by id and subject, never by message")
    func digest() {
        var digest = Digest(day: Self.today, since: Instant(rfc3339: "2027-01-09T06:00:00Z"))
        digest.open = 3
        let quiet = digest.composed(policy: Self.on)
        #expect(quiet.subject == "riskd: daily digest 2027-01-10 (nothing changed)")
        #expect(quiet.body.contains("Nothing changed: no finding was raised, reminded or resolved. 3 open now."))
        digest.raised = [.init(id: 7, rule: "interest-unmanaged", severity: "warning", subject: "interest:2")]
        digest.problems = [.init(id: 9, recipient: "ana@example.org", state: "failed", reason: "sendmail exited 67")]
        digest.membersWithoutAddress = ["bob"]
        let busy = digest.composed(policy: Self.on)
        #expect(busy.subject == "riskd: daily digest 2027-01-10 (1 raised, 0 resolved, 1 mail not delivered)")
        #expect(busy.body.contains("F-7  warning  interest-unmanaged  interest:2"))
        #expect(busy.body.contains("Mail 9 to ana@example.org: failed: sendmail exited 67"))
        #expect(busy.body.contains("(riskctl member list --no-email): bob"))
    }
}

extension Array {
    /// The two elements of a two-element array.
    fileprivate var pair: (Element, Element)? { count == 2 ? (self[0], self[1]) : nil }
}
