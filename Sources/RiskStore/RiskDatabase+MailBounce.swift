import GRDB
import RiskCore

extension RiskDatabase {
    /// The bounced mails, for `mail-bounced`: what was returned, to whom, when and why; never the message.
    static func bouncedMails(_ db: Database) throws -> [BouncedMailFacts] {
        try Row.fetchAll(
            db,
            sql: "SELECT id, recipient, kind, settled_at, reason FROM mail WHERE state = ? ORDER BY id",
            arguments: [MailState.bounced.rawValue]
        ).compactMap { row in
            guard let settled = (row["settled_at"] as String?).flatMap({ Instant(rfc3339: $0) }) else { return nil }
            return BouncedMailFacts(
                id: row["id"],
                recipient: row["recipient"],
                kind: row["kind"],
                bouncedOn: settled.utcDate,
                reason: row["reason"] ?? ""
            )
        }
    }
}
