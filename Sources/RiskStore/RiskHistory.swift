import GRDB
import RiskCore

/// The versions of risks: written in the transaction of every change, read for `History` and the register as of
/// a time.
enum RiskHistory {
    /// The columns of `risk`, as a list for SQL, in table order, read from the schema (the migration that made
    /// the first versions copied the table as it then stood).
    static func riskColumns(_ db: Database) throws -> String {
        try db.columns(in: "risk").map(\.name).joined(separator: ", ")
    }

    /// Copies a risk into `risk_version`: every column of `risk` (`RiskRow.columns`, which a store test holds to the
    /// table), written once rather than read from the schema at every change.
    private static let versionSQL = """
        INSERT INTO risk_version (at, actor, change, note, \(RiskRow.columns))
        SELECT ?, ?, ?, ?, \(RiskRow.columns) FROM risk WHERE id = ?
        """

    /// Stores the risk `id` as it now is in `db` as a version made by `actor` at `at`.
    static func recordVersion(
        _ db: Database,
        riskID id: Int,
        change: RiskChange,
        actor: String,
        at: Instant,
        note: String?
    ) throws {
        let statement = try db.cachedStatement(sql: versionSQL)
        try statement.execute(arguments: [at.description, actor, change.rawValue, note, id])
    }

    /// A `risk_version` row as a domain version.
    static func version(_ row: Row) throws -> RiskVersion {
        let risk = try RiskRow(row: row).domain()
        guard let at = Instant(rfc3339: row["at"]), let change = RiskChange(rawValue: row["change"]) else {
            throw StoreError.corrupt("risk_version \(row["version"] as Int? ?? 0)")
        }
        return RiskVersion(risk: risk, at: at, actor: row["actor"], change: change, note: row["note"])
    }

    /// An upper bound on the bytes `version` takes in a reply (field names, numbers and punctuation included).
    static func replyBytes(of version: RiskVersion) -> Int {
        let risk = version.risk
        var bytes = 900 + ReplySize.of(version.actor) + ReplySize.of(risk.title) + ReplySize.of(risk.description)
        bytes += ReplySize.of(risk.category) + ReplySize.of(risk.owner)
        for text in [version.note, risk.area, risk.acceptedBy, risk.decision] { bytes += text.map(ReplySize.of) ?? 0 }
        return bytes
    }
}
