import Foundation
import RiskCore
import RiskProtocol
import RiskStore
import Varlink

/// `org.riskd.review`: run, preview, list and acknowledge findings, list runs, and watch events as they happen.
struct ReviewService {
    let context: DaemonContext
    let runner: ReviewRunner

    var methods: MethodTable {
        var table = MethodTable()
        table.on(ReviewInterface.Run.self) { parameters, request in
            let (run, open) = try await runner.run(trigger: .manual, listingOpen: parameters.findings != false)
            let hidden = try await context.database.hiddenSubjects(from: context.subjectReader(of: request))
            let findings =
                parameters.findings == false
                ? [] : try open.filter { !hidden.contains($0.subject) }.map(ReviewInterface.Finding.init)
            return .init(run: try .init(run), findings: findings)
        }
        table.on(ReviewInterface.Preview.self) { parameters, request in
            guard
                let asOf = Instant(rfc3339: parameters.asOf)
                    ?? CalendarDate(parameters.asOf).map({
                        Instant(secondsSinceEpoch: Int64($0.daysSinceEpoch) * 86_400)
                    })
            else {
                throw DomainError.invalidValue(
                    "asOf",
                    "must be an RFC 3339 time or a date YYYY-MM-DD, "
                        + "not \"\(parameters.asOf)\""
                )
            }
            let hidden = try await context.database.hiddenSubjects(from: context.subjectReader(of: request))
            let findings = try await runner.preview(asOf: asOf).filter { !hidden.contains($0.subject) }
            return .init(findings: try findings.map(ReviewInterface.Finding.init))
        }
        table.on(ReviewInterface.Findings.self) { parameters, request in
            if let rule = parameters.rule, ReviewRule(rawValue: rule) == nil {
                throw DomainError.invalidValue(
                    "rule",
                    "must be one of "
                        + ReviewRule.allCases.map(\.rawValue).joined(separator: ", ") + ", not \"\(rule)\""
                )
            }
            let page = try await context.database.findings(
                open: parameters.open,
                rule: parameters.rule,
                subject: parameters.subject,
                limit: try Paging.limit(parameters.limit),
                after: try Paging.after(parameters.after),
                reader: context.subjectReader(of: request)
            )
            return .init(findings: try page.findings.map(ReviewInterface.Finding.init), next: page.next)
        }
        table.on(ReviewInterface.Acknowledge.self) { parameters, request in
            let note = try FieldRules.requiredText(parameters.note, field: "note", limit: TextLimits.long)
            let record = try await context.database.write(request.actor) { tx in
                try Self.acknowledge(tx, parameters.id, note: note)
            }
            return .init(finding: try .init(record))
        }
        table.on(ReviewInterface.Runs.self) { parameters, _ in
            let runs = try await context.database.reviewRuns(limit: try Paging.limit(parameters.limit))
            return .init(runs: try runs.map(ReviewInterface.ReviewRun.init))
        }
        table.onStreaming(ReviewInterface.Watch.self) { call, _ in
            guard call.more else { return .error(.expectedMore) }
            let cursor = EventCursor(runner.events.subscribe())
            return .stream(
                AsyncStream(unfolding: {
                    while let event = await cursor.next() {
                        // A finding that cannot be read back (a damaged row) is left out of the stream.
                        guard let finding = try? ReviewInterface.Finding(event.finding),
                            let data = try? VarlinkJSON.encode(
                                ReviewInterface.Watch.Reply(event: ReviewInterface.Event(event.kind), finding: finding)
                            )
                        else { continue }
                        return VarlinkStreamElement(parameters: data, continues: true)
                    }
                    return nil
                })
            )
        }
        return table
    }

    /// Acknowledges finding `id` with `note`, audited (`FindingAudit`): its reminders stop; it still resolves by
    /// itself.
    static func acknowledge(_ tx: StoreTransaction, _ id: Int, note: String) throws -> FindingRecord {
        let acknowledged = try tx.saveAcknowledgement(of: try tx.finding(id), note: note)
        try tx.audit(FindingAudit.subject(id), FindingAudit.acknowledged(note: note))
        return acknowledged
    }
}

/// The iterator of one watcher's events. Only the server's stream loop of that one call advances it, one `next()`
/// at a time, which is what makes the unchecked `Sendable` sound.
final class EventCursor: @unchecked Sendable {
    private var iterator: AsyncStream<FindingEvent>.Iterator

    init(_ events: AsyncStream<FindingEvent>) {
        iterator = events.makeAsyncIterator()
    }

    func next() async -> FindingEvent? {
        await iterator.next()
    }
}

extension ReviewInterface.Finding {
    init(_ record: FindingRecord) throws {
        self.init(
            id: record.id ?? 0,
            rule: record.rule,
            subject: record.subject,
            severity: try ReviewInterface.Severity(stored: record.severity),
            message: record.message,
            firstSeenAt: record.firstSeenAt,
            lastSeenAt: record.lastSeenAt,
            lastAlertedAt: record.lastAlertedAt,
            resolvedAt: record.resolvedAt,
            acknowledgedBy: record.acknowledgedBy,
            acknowledgedAt: record.acknowledgedAt,
            note: record.note
        )
    }
}

extension ReviewInterface.ReviewRun {
    init(_ record: ReviewRunRecord) throws {
        self.init(
            id: record.id ?? 0,
            trigger: try ReviewInterface.Trigger(stored: record.trigger),
            startedAt: record.startedAt,
            finishedAt: record.finishedAt,
            raised: record.raised,
            open: record.open,
            resolved: record.resolved,
            alerted: record.alerted
        )
    }
}
