import Logging
import NIOConcurrencyHelpers
import RiskCore
import RiskStore
import RiskSystemd

/// One journal entry riskd raises for administrators.
struct Alert: Sendable, Hashable {
    var message: String
    /// The catalog entry explaining it (`systemd/riskd.catalog`).
    var messageID: String
    /// syslog priority: 2 critical finding, 4 warning finding, 5 notice finding or resolved, 6 run summary.
    var priority: Int
    /// `RISKD_*` fields (names without the prefix).
    var fields: [String: String]
}

/// Where alerts go: journald in the daemon, a list in tests.
protocol AlertSink: Sendable {
    func send(_ alert: Alert)
}

/// Sends alerts to journald as native entries; without journald it logs the alert instead and says so once.
final class JournalAlertSink: AlertSink {
    private let logger: Logger
    private let warned = NIOLockedValueBox(false)

    init(logger: Logger) {
        self.logger = logger
    }

    func send(_ alert: Alert) {
        var fields: [(name: String, value: String)] = [
            ("MESSAGE", alert.message), ("MESSAGE_ID", alert.messageID), ("PRIORITY", String(alert.priority)),
            ("SYSLOG_IDENTIFIER", "riskd"),
        ]
        for key in alert.fields.keys.sorted() {
            fields.append(("RISKD_\(key)", alert.fields[key] ?? ""))
        }
        let status = Journal.send(fields)
        guard status < 0 else { return }
        let first = warned.withLockedValue { warned in
            defer { warned = true }
            return !warned
        }
        if first {
            logger.warning("journald is not reachable (error \(-status)); review alerts go to this log instead")
        }
        logger.notice("\(alert.message)")
    }
}

/// The message ids of riskd's alerts, one per rule (raised and reminded), one for resolutions, one for run
/// summaries. They are the keys of `systemd/riskd.catalog`; never change one.
enum AlertCatalog {
    static func messageID(for rule: ReviewRule) -> String {
        switch rule {
        case .riskReviewOverdue: "7ccb57634c314f408638f94a068eccc4"
        case .riskUntreated: "102927c9fb4a4bc7a0d6461db84c36a1"
        case .riskAcceptanceExpired: "a4522e4dea5e462f81ee220ba41c5dfc"
        case .actionOverdue: "66a0e53cfaa143938bb58aa52136f164"
        case .interestConfirmationOverdue: "a48ec7a0014c4060a63d68e3cfcfa468"
        case .interestUnmanaged: "c7d3b14d5cba478a92df52bcd1d9f945"
        case .ethicsUnacknowledged: "c17c65323cc1418284e05dc81c2151da"
        case .riskAboveAppetite: "43742c0a1b4347cda68eb7255b068bc7"
        case .interestGiftOverLimit: "34816a5ac00b475c99e99632190ff54a"
        case .meetingRecusalUnrecorded: "43157e820d0d4ed5bfb9fc80e4fb7565"
        case .concernOpen: "eb4bb216b1b34ae78460af0ef7e8ec16"
        case .interestOrganisationUnlisted: "3f485d9d5a824fedb99721d4a52d0f7b"
        case .mailBounced: "23b783c60cf5451095c210378e755789"
        case .mailUnaddressed: "26d025163b774fcf99c6abff12b07444"
        }
    }

    static let resolved = "43d94e4ca2574f66aa37bbfc042f79ed"
    static let runSummary = "83d32d6c1c4a44bfa552837b51bbdf37"

    /// The alert for a finding event of run `run`.
    static func alert(for event: FindingEvent, run: Int) -> Alert {
        let finding = event.finding
        // A severity riskd never writes (a damaged row) is still alerted, as a warning, as it was before notices.
        let priority = FindingSeverity(rawValue: finding.severity)?.priority ?? FindingSeverity.warning.priority
        let id = finding.id ?? 0
        var fields = [
            "RULE": finding.rule, "SUBJECT": finding.subject, "REF": reference(subject: finding.subject),
            "FINDING": String(id), "SEVERITY": finding.severity, "RUN": String(run), "EVENT": event.kind.rawValue,
        ]
        switch event.kind {
        case .raised:
            // The finding's id is what `riskctl review ack F-<id>` needs, so the plain message carries it too.
            return Alert(
                message: "\(finding.message) (finding F-\(id))",
                messageID: messageID(rule: finding.rule),
                priority: priority,
                fields: fields
            )
        case .reminded:
            let since = String(finding.firstSeenAt.prefix(10))
            return Alert(
                message: "Reminder: \(finding.message) (finding F-\(id), open since \(since))",
                messageID: messageID(rule: finding.rule),
                priority: priority,
                fields: fields
            )
        case .resolved:
            fields["SEVERITY"] = finding.severity
            return Alert(
                message: "Resolved F-\(finding.id ?? 0): \(finding.message)",
                messageID: resolved,
                priority: 5,
                fields: fields
            )
        }
    }

    /// How riskctl names a finding's subject: `risk:4` is `R-4`, `action:2` `A-2`, `interest:7` `I-7`,
    /// `member:ana` `ana`; the catalog fills its commands with it (`RISKD_REF`).
    static func reference(subject: String) -> String {
        guard let colon = subject.firstIndex(of: ":") else { return subject }
        let value = String(subject[subject.index(after: colon)...])
        switch subject[..<colon] {
        case "risk": return "R-\(value)"
        case "action": return "A-\(value)"
        case "interest": return "I-\(value)"
        case "meeting": return "M-\(value)"
        case "concern": return "C-\(value)"
        default: return value
        }
    }

    static func messageID(rule: String) -> String {
        ReviewRule(rawValue: rule).map(messageID(for:)) ?? runSummary
    }

    /// The summary written after every run, even when nothing changed, with the audit chain head.
    static func summary(_ run: ReviewRunRecord, auditSeq: Int, auditHead: String) -> Alert {
        let id = run.id ?? 0
        return Alert(
            message: "Review run \(id): \(run.raised) raised, \(run.open) open, \(run.resolved) resolved",
            messageID: runSummary,
            priority: 6,
            fields: [
                "RUN": String(id), "TRIGGER": run.trigger, "AUDIT_SEQ": String(auditSeq),
                "AUDIT_HEAD": auditHead,
            ]
        )
    }
}
