import Logging
import RiskCore
import RiskStore

#if canImport(Glibc)
import Glibc
#endif

/// The start-up check that the audit chain was not shortened while riskd was stopped.
///
/// riskd records the chain's head beside the database (`<database>.audit-head`) after every review run, at
/// shutdown and at start. At start the chain must still hold that entry; otherwise riskd refuses to start, unless
/// it is told, after an investigation, to accept the chain as it now is (`--accept-audit-head HASH`, HASH being the
/// current head), which is itself recorded in the audit trail.
struct AuditHeadGuard {
    /// The database just opened.
    let database: RiskDatabase
    /// When the acceptance is recorded.
    let clock: Clock
    /// Where restored triggers, a missing record and an acceptance are reported.
    let logger: Logger

    /// Why riskd will not start on this chain: one line for a person, which `riskd` logs as critical.
    struct Refusal: Error, CustomStringConvertible {
        /// The line, naming the recorded and the current head and what to do.
        let description: String
    }

    /// The method recorded in the audit entry of an accepted head.
    static let acceptanceMethod = "riskd --accept-audit-head"

    /// Puts back dropped triggers (logged), checks the recorded head, handles an acceptance, and records the head.
    ///
    /// - Throws: `Refusal` when the chain does not hold the recorded head and `accept` is not its current head.
    func check(accept: String?) throws {
        if !database.restoredAuditGuards.isEmpty {
            let names = database.restoredAuditGuards.joined(separator: ", ")
            logger.critical("The audit table's append-only triggers were dropped or altered (\(names)); put back")
        }
        let current = try database.currentAuditHeadBlocking()
        let file = database.auditHeadPath ?? "beside the database"
        let recorded: AuditAnchor?
        do {
            recorded = try database.recordedAuditHead()
        } catch {
            guard accept == current.hash else {
                let message =
                    "the recorded audit head is unreadable (\(error)); after investigating, start once "
                    + "with --accept-audit-head \(current.hash) to accept the chain as it is"
                throw Refusal(description: message)
            }
            try acceptCurrent(current, instead: nil, file: file)
            return
        }
        guard let recorded else {
            if current.seq ?? 0 > 0 {
                logger.warning("No audit head was recorded in \(file); recording entry \(current.seq ?? 0) now")
            }
            try database.recordAuditHeadBlocking()
            return
        }
        if try database.auditChainHolds(recorded) {
            if let accept {
                logger.warning("--accept-audit-head \(accept) ignored: the chain holds the recorded head; remove it")
            }
            try database.recordAuditHeadBlocking()
            return
        }
        guard accept == current.hash else {
            let seq = current.seq ?? 0
            let finding =
                seq < (recorded.seq ?? 0)
                ? "the audit chain ends at entry \(seq) (head \(current.hash)), short of \(recorded) recorded in "
                    + "\(file): audit entries were removed"
                : "the audit chain no longer holds \(recorded) recorded in \(file) (it ends at entry \(seq), head "
                    + "\(current.hash)): audit entries were removed or rewritten"
            let message =
                finding + ". Investigate; to accept the chain as it is, start riskd once with "
                + "--accept-audit-head \(current.hash)"
            throw Refusal(description: message)
        }
        try acceptCurrent(current, instead: recorded, file: file)
    }

    /// Records in the audit trail that the operator accepted `current` although `recorded` was expected.
    private func acceptCurrent(_ current: AuditAnchor, instead recorded: AuditAnchor?, file: String) throws {
        let uid = getuid()
        let user = UserDirectory.account(uid: uid)?.name ?? String(uid)
        let actor = RiskDatabase.Actor(user: user, uid: Int(uid), method: Self.acceptanceMethod, now: clock.now())
        var fields: [String: AuditDetail.Field] = [
            "acceptedSeq": .int(current.seq ?? 0), "acceptedHead": .text(current.hash),
        ]
        if let recorded {
            fields["recordedSeq"] = .int(recorded.seq ?? 0)
            fields["recordedHead"] = .text(recorded.hash)
        }
        let head = try database.auditDaemonAction(actor, subject: "audit", detail: AuditDetail(fields))
        let was = recorded.map { "\($0)" } ?? "an unreadable record"
        let message =
            "Accepted the audit chain ending at entry \(current.seq ?? 0) instead of \(was) in \(file), "
            + "as told by --accept-audit-head; recorded as audit entry \(head.seq ?? 0)"
        logger.critical("\(message)")
    }
}
