/// How many mails ended each way in one run of `mail deliver`.
struct DeliveryTally {
    private var counts: [SubmissionOutcome.Verdict: Int] = [:]

    /// Counts one more mail that ended so.
    mutating func count(_ verdict: SubmissionOutcome.Verdict) {
        counts[verdict, default: 0] += 1
    }

    /// Bounces reported to riskd.
    var bounces = 0

    /// Whether no mail was counted, and no bounce.
    var isEmpty: Bool { counts.isEmpty && bounces == 0 }

    /// `3 sent, 1 deferred, 0 rejected`, or `No mail is due.` when none was claimed; then `; 1 bounce reported` when
    /// bounces were.
    var summary: String {
        let bounced = bounces == 0 ? "" : "; \(bounces) bounce\(bounces == 1 ? "" : "s") reported"
        guard !counts.isEmpty else { return "No mail is due\(bounced)." }
        return SubmissionOutcome.Verdict.allCases.map { "\(counts[$0, default: 0]) \($0.rawValue)" }
            .joined(separator: ", ") + bounced
    }
}
