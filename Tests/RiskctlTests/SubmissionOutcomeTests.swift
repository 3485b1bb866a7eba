import Testing

@testable import riskctl

@Suite("What mail deliver reports for each way sendmail ends")
struct SubmissionOutcomeTests {
    @Test(
        "Outcome and reason by how sendmail ended",
        arguments: [
            (SubmissionEnd.exited(0), "warning: ignored\n", SubmissionOutcome.Verdict.sent, nil),
            (.exited(75), "", .deferred, "sendmail exited 75"),
            (
                .exited(75), "postdrop: warning: unable to look up public/pickup\n\n", .deferred,
                "sendmail exited 75: postdrop: warning: unable to look up public/pickup"
            ),
            (
                .exited(64), "  usage: sendmail [options]  \n", .rejected,
                "sendmail exited 64: usage: sendmail [options]"
            ),
            (.exited(67), "a\n\n b \n", .rejected, "sendmail exited 67: a; b"),
            (.exited(1), "", .rejected, "sendmail exited 1"),
            (.signalled(11), "", .deferred, "sendmail was killed by signal 11"),
            (
                .timedOut(seconds: 60), "waiting\n", .deferred,
                "sendmail did not finish within 60 s and was killed: waiting"
            ),
            (
                .notStarted(reason: "/usr/sbin/sendmail: No such file or directory"), "", .deferred,
                "sendmail could not be started: /usr/sbin/sendmail: No such file or directory"
            ),
            (
                .notStarted(reason: "/usr/sbin/sendmail: Permission denied"), "", .deferred,
                "sendmail could not be started: /usr/sbin/sendmail: Permission denied"
            ),
        ] as [(SubmissionEnd, String, SubmissionOutcome.Verdict, String?)]
    )
    func outcome(end: SubmissionEnd, diagnostics: String, verdict: SubmissionOutcome.Verdict, reason: String?) {
        let outcome = SubmissionOutcome(end, diagnostics: diagnostics)
        #expect(outcome.verdict == verdict)
        #expect(outcome.reason == reason)
    }

    @Test("Only the last lines that fit are kept, whole, within 1000 characters")
    func lastLinesFit() {
        let lines = (1...400).map { "line \($0)" }.joined(separator: "\n")
        let reason = SubmissionOutcome.reason("sendmail exited 70", diagnostics: lines)
        #expect(reason.unicodeScalars.count <= SubmissionOutcome.longestReason)
        #expect(reason.hasSuffix("; line 399; line 400"))
        #expect(reason.hasPrefix("sendmail exited 70: line "))
        let kept = reason.dropFirst("sendmail exited 70: ".count).split(separator: ";")
        #expect(kept.allSatisfy { String($0).trimmingWhitespace().hasPrefix("line ") })
    }

    @Test("A last line longer than the room is cut with an ellipsis")
    func longLineCut() {
        let reason = SubmissionOutcome.reason(
            "sendmail exited 70",
            diagnostics: "earlier\n" + String(repeating: "é", count: 3000)
        )
        #expect(reason.unicodeScalars.count == SubmissionOutcome.longestReason)
        #expect(reason.hasSuffix("é…"))
        #expect(!reason.contains("earlier"))
    }

    @Test("Control characters of sendmail's output never reach the reason")
    func controlCharacters() {
        let reason = SubmissionOutcome.reason("sendmail exited 70", diagnostics: "bad\u{1B}[31m\tred\r\n")
        #expect(reason == "sendmail exited 70: bad\u{FFFD}[31m red")
    }

    @Test("The tally counts each verdict, and says when no mail was due")
    func tally() {
        var tally = DeliveryTally()
        #expect(tally.summary == "No mail is due.")
        for verdict in [SubmissionOutcome.Verdict.sent, .sent, .deferred] { tally.count(verdict) }
        #expect(tally.summary == "2 sent, 1 deferred, 0 rejected")
    }
}
