import GRDB
import RiskCore
import Synchronization

/// One use case's write, as its service runs it: fetch the rows, ask a pure `*Rules` what changes, save, audit,
/// queue the notices, all in one transaction that `RiskDatabase.write(_:_:)` commits (possibly together with
/// concurrent writes, `GroupCommit`) before it returns.
///
/// It keeps rows and holds no rule: what may change, and how a change is audited, is the caller's (RiskCore's
/// `*Rules` and `*Audit`). It is valid only inside the closure it is given to; a write that throws changes nothing.
public struct StoreTransaction {
    let db: Database
    /// Who makes the change and when: every audit entry of the transaction is theirs.
    public let actor: RiskDatabase.Actor
    /// What mails are written with, as they stood when the write was queued.
    let mail: MailSettings
    /// What the write changes of the tables the database keeps in memory, taken there once it commits.
    let committed: AfterCommit

    /// Appends the entry `detail` about `subject` to the audit chain.
    public func audit(_ subject: String?, _ detail: AuditDetail) throws {
        try RiskDatabase.audit(db, actor, subject: subject, detail: detail)
    }

    /// Queues `notices` for their people's next daily mail: those of a kind the mail policy sends, once per notice
    /// key; nothing when mail is off.
    public func outbox(_ notices: [Notice]) throws {
        try MailOutbox.notify(db, notices, settings: mail, now: actor.now)
    }

    /// The same transaction with `actor` making its changes: riskd's own (`Actor.daemon`), for a change that a
    /// call's story brings about but no caller decided (an acceptance that lapses when a change raises the score).
    public func by(_ actor: RiskDatabase.Actor) -> StoreTransaction {
        StoreTransaction(db: db, actor: actor, mail: mail, committed: committed)
    }

    /// How much of `budget` the actor has used, this transaction's writes included: of a rate, since `windowStart`.
    public func used(_ budget: Budget, windowStart: Instant) throws -> Int {
        try BudgetCounts.used(db, budget, user: actor.user, windowStart: windowStart)
    }
}

extension RiskDatabase {
    /// Runs `story` in a durable transaction, possibly shared with concurrent writes; returns its value after the
    /// commit. A story that throws changes nothing.
    ///
    /// `story` runs on GRDB's writer, never on an event loop, and must not wait for anything (docs/concurrency.md).
    public func write<T: Sendable>(
        _ actor: Actor,
        _ story: @escaping @Sendable (StoreTransaction) throws -> T
    ) async throws -> T {
        let mail = currentMailSettings
        let committed = AfterCommit()
        let value = try await write { db in
            try story(StoreTransaction(db: db, actor: actor, mail: mail, committed: committed))
        }
        committed.apply(to: self)
        return value
    }
}

/// What a write changes of the tables `RiskDatabase` keeps in memory (the appetites, `appetiteTable()`), as the
/// write read them in its own transaction: taken into memory only once it has committed, so that a write that
/// throws, or whose commit fails, leaves memory as it was, and nothing is read again after the commit (a read
/// there could wait for a pooled reader).
final class AfterCommit: Sendable {
    private let appetiteTable = Mutex<[String: Int]?>(nil)

    /// The appetite table as the write leaves it.
    func appetites(_ table: [String: Int]) {
        appetiteTable.withLock { $0 = table }
    }

    /// Takes what the committed write changed into `database`'s memory.
    func apply(to database: RiskDatabase) {
        guard let table = appetiteTable.withLock({ $0 }) else { return }
        database.appetiteCache.withLock { $0 = table }
    }
}
