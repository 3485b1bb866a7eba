import Foundation
import Testing

@testable import riskctl

@Suite("Bounces read from the deliverer's mailbox")
struct DeliveryReportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    static func text(_ lines: String) -> [UInt8] { Array(lines.utf8) }

    @Test(
        "What each real postfix notification is",
        arguments: [
            (
                "postfix-unknown-user.mbox",
                [
                    DeliveryReport.Expected(
                        messageID: "riskd.notice.2027-01-10.abc123@localhost",
                        reason: #"nosuch-bounce-sample@localhost: 5.1.1 unknown user: "nosuch-bounce-sample""#
                    )
                ]
            ),
            (
                "postfix-unknown-user-headers-only.mbox",
                [
                    DeliveryReport.Expected(
                        messageID: "riskd.notice.2027-01-10.def456@localhost",
                        reason: #"nosuch-other@localhost: 5.1.1 unknown user: "nosuch-other""#
                    )
                ]
            ),
            // The mail itself, then a notice that it was delivered: neither is a bounce.
            ("postfix-delivered-and-success-notice.mbox", [nil, nil]),
        ]
    )
    func realNotifications(file: String, expected: [DeliveryReport.Expected?]) throws {
        let content = try Self.fixture(file)
        let messages = Mbox.messages(in: content)
        #expect(messages.count == expected.count)
        #expect(messages.first?.lowerBound == 0 && messages.last?.upperBound == content.count)
        let found = messages.map { DeliveryReport(Array(content[$0])).map(DeliveryReport.Expected.init) }
        #expect(found == expected)
    }

    static let bounce = """
        From MAILER-DAEMON  Sun Dec  6 05:49:23 2026
        Content-Type: multipart/report; report-type="Delivery-Status";
        \tboundary="B/1"

        --B/1
        Content-Type: text/plain

        This is the mail system at host vm.
        --B/1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; vm

        Final-Recipient: rfc822; ana@localhost
        Action: failed
        Status: 5.2.2
        Diagnostic-Code: smtp; 552 5.2.2 mailbox full

        Final-Recipient: rfc822; eve@localhost
        Action: delayed
        Status: 4.4.1

        --B/1
        Content-Type: message/rfc822

        Message-ID:
         <riskd.digest.2027-01-10.ff@example.org>
        Subject: x

        body
        --B/1--

        """

    @Test(
        "What is and is not a bounce",
        arguments: [
            // Folded headers, a quoted report-type in other case, a delayed recipient left out, CR LF line ends.
            (bounce, "riskd.digest.2027-01-10.ff@example.org", "ana@localhost: 5.2.2 552 5.2.2 mailbox full"),
            (bounce.replacingOccurrences(of: "\n", with: "\r\n"), "riskd.digest.2027-01-10.ff@example.org", nil),
            // Only delayed: a warning, not a bounce.
            (bounce.replacingOccurrences(of: "Action: failed", with: "Action: delayed"), nil, nil),
            // Not a delivery report.
            (bounce.replacingOccurrences(of: "multipart/report", with: "multipart/mixed"), nil, nil),
            (
                bounce.replacingOccurrences(
                    of: "report-type=\"Delivery-Status\"",
                    with: "report-type=disposition-notification"
                ), nil, nil
            ),
            // No returned message, or one without a Message-ID: nothing to match it to.
            (bounce.replacingOccurrences(of: "message/rfc822", with: "text/plain"), nil, nil),
            (bounce.replacingOccurrences(of: "Message-ID:", with: "X-Message-ID:"), nil, nil),
            (bounce.replacingOccurrences(of: "<riskd.digest.2027-01-10.ff@example.org>", with: "<>"), nil, nil),
            // Cut off before its parts, no boundary, no header at all.
            (String(bounce.prefix(200)), nil, nil),
            (bounce.replacingOccurrences(of: "boundary=\"B/1\"", with: "x=y"), nil, nil),
            ("", nil, nil), ("From x\n", nil, nil), ("\u{0}\u{FFFF}\n\n--", nil, nil),
        ] as [(String, String?, String?)]
    )
    func bounces(message: String, messageID: String?, reason: String?) {
        let report = DeliveryReport(Self.text(message))
        #expect(report?.messageID == messageID)
        if let reason { #expect(report?.reason == reason) }
    }

    @Test("A reason longer than riskd takes is cut, on one line")
    func longReason() {
        let long = Self.bounce.replacingOccurrences(of: "mailbox full", with: String(repeating: "é\u{1b}", count: 800))
        let reason = DeliveryReport(Self.text(long))?.reason ?? ""
        #expect(reason.unicodeScalars.count == DeliveryReport.longestReason)
        #expect(reason.hasSuffix("…") && !reason.contains("\u{1b}"))
    }

    @Test("Cutting messages out of an mbox keeps every other byte")
    func removing() throws {
        let ordinary = Self.text(
            "From ana@localhost  Sun Dec  6 05:49:45 2026\nSubject: hi\n\n>From the start\nFrom here\n\n"
        )
        let bounced = try Self.fixture("postfix-unknown-user.mbox")
        let other = try Self.fixture("postfix-delivered-and-success-notice.mbox")
        let content = ordinary + bounced + other
        let messages = Mbox.messages(in: content)
        #expect(messages.count == 4, "a From line inside a body that follows no empty line starts no message")
        let kept = Mbox.removing([messages[1]], from: content)
        #expect(kept == ordinary + other)
        #expect(Mbox.removing([], from: content) == content)
        #expect(Mbox.removing(messages, from: content).isEmpty)
        #expect(Mbox.messages(in: Self.text("garbage\n\nnot a message\n")).isEmpty)
    }
}

extension DeliveryReport {
    /// What a test expects of a report, comparable.
    struct Expected: Equatable, CustomTestStringConvertible {
        var messageID: String
        var reason: String

        init(messageID: String, reason: String) {
            self.messageID = messageID
            self.reason = reason
        }

        init(_ report: DeliveryReport) {
            self.init(messageID: report.messageID, reason: report.reason)
        }

        var testDescription: String { "<\(messageID)>: \(reason)" }
    }
}
