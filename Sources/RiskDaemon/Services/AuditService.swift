import RiskCore
import RiskProtocol
import RiskStore

/// `org.riskd.audit`: read and verify the hash-chained audit trail.
struct AuditService {
    let context: DaemonContext

    var methods: MethodTable {
        var table = MethodTable()
        table.on(AuditInterface.Log.self) { parameters, _ in
            let limit = try Paging.limit(parameters.limit)
            let page = try await context.database.auditLog(subject: parameters.subject,
                                                           after: try Paging.after(parameters.after), limit: limit)
            return .init(entries: page.entries.map(AuditInterface.Entry.init), next: page.next)
        }
        table.on(AuditInterface.Verify.self, work: .long) { _, _ in
            let result = try await context.database.verifyAudit()
            if !result.ok {
                context.logger.critical("Audit chain broken at entry \(result.firstBadSeq ?? 0)")
            }
            return .init(ok: result.ok, entries: result.entries, head: result.head, firstBadSeq: result.firstBadSeq)
        }
        return table
    }
}
