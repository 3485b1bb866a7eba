/// How one run of sendmail ended, as `Sendmail.submit` saw it.
enum SubmissionEnd: Equatable {
    /// sendmail exited with this status.
    case exited(Int32)
    /// sendmail was killed by this signal, not by riskctl.
    case signalled(Int32)
    /// sendmail did not finish within the timeout, and riskctl killed it.
    case timedOut(seconds: Int)
    /// sendmail could not be started; `reason` is the system's message (`No such file or directory`).
    case notStarted(reason: String)
}

/// What riskctl reports to riskd for a submission: the `outcome` and `reason` of `mail.Report`.
///
/// The one decision of the deliverer, pure so that it can be tested on its own: exit 0 is sent; exit 75
/// (`EX_TEMPFAIL`), a sendmail that cannot be started, a timeout or a signal is deferred, because none of them says
/// that the MTA refused the mail; any other exit is rejected. The MTA accepted nothing it did not say so for: a
/// timeout after which the MTA had queued the mail still reads deferred, and riskd tries again (sendmail gives no
/// way to tell).
struct SubmissionOutcome: Equatable {
    /// The outcome names of `mail.Report`.
    enum Verdict: String, Equatable, CaseIterable {
        /// The MTA accepted the mail.
        case sent
        /// The MTA refused it for now, or could not be asked: riskd queues it for a later attempt.
        case deferred
        /// The MTA refused it for good: riskd marks it failed.
        case rejected
    }

    /// The exit status of sendmail that means "try again later" (sysexits.h).
    static let temporaryFailure: Int32 = 75
    /// The longest reason `mail.Report` takes, in characters.
    static let longestReason = 1000

    /// The outcome.
    var verdict: Verdict
    /// What sendmail said, for riskd to show in `mail status`; `nil` when sent.
    var reason: String?

    /// The outcome of a submission that ended so, with what sendmail wrote on its standard error and output.
    init(_ end: SubmissionEnd, diagnostics: String) {
        let heading: String
        switch end {
        case .exited(0):
            self.verdict = .sent
            self.reason = nil
            return
        case .exited(let status):
            verdict = status == Self.temporaryFailure ? .deferred : .rejected
            heading = "sendmail exited \(status)"
        case .signalled(let signal):
            verdict = .deferred
            heading = "sendmail was killed by signal \(signal)"
        case .timedOut(let seconds):
            verdict = .deferred
            heading = "sendmail did not finish within \(seconds) s and was killed"
        case .notStarted(let reason):
            verdict = .deferred
            heading = "sendmail could not be started: \(reason)"
        }
        self.reason = Self.reason(heading, diagnostics: diagnostics)
    }

    /// `heading`, then `: ` and the last non-empty lines of `diagnostics` that fit in `longestReason` characters,
    /// joined by `; `; a last line too long by itself is cut with `…`.
    ///
    /// Counted in Unicode scalars, never fewer than the characters riskd counts. Control characters (an escape
    /// sequence in sendmail's output) become spaces or `�`, as on any line riskctl prints.
    static func reason(_ heading: String, diagnostics: String) -> String {
        let lines = diagnostics.split(whereSeparator: \.isNewline).map { String($0).singleLine.trimmingWhitespace() }
            .filter { !$0.isEmpty }
        let separator = "; "
        var room = longestReason - heading.unicodeScalars.count - 2
        var kept: [String] = []
        for line in lines.reversed() {
            let size = line.unicodeScalars.count + (kept.isEmpty ? 0 : separator.count)
            if size <= room {
                kept.insert(line, at: 0)
                room -= size
            } else {
                if kept.isEmpty, room > 1 {
                    kept = [String(String.UnicodeScalarView(line.unicodeScalars.prefix(room - 1))) + "…"]
                }
                break
            }
        }
        return kept.isEmpty ? heading : heading + ": " + kept.joined(separator: separator)
    }
}
