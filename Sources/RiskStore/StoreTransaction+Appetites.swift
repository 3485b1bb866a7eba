import GRDB
import RiskCore

/// The board's appetites as rows, as `risk.SetAppetite`'s story saves them.
extension StoreTransaction {
    /// Sets (or, with `maxScore` nil, removes) the appetite of `category`, set by the actor now; returns what is now
    /// set. Once the write commits, the table in memory (`RiskDatabase.appetiteTable()`) follows.
    public func saveAppetite(category: String, maxScore: Int?) throws -> Appetite? {
        if let maxScore {
            try db.execute(
                sql: """
                    INSERT INTO appetite (category, max_score, set_by, set_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (category) DO UPDATE SET max_score = excluded.max_score, set_by = excluded.set_by,
                        set_at = excluded.set_at
                    """,
                arguments: [category, maxScore, actor.user, actor.now.description]
            )
        } else {
            try db.execute(sql: "DELETE FROM appetite WHERE category = ?", arguments: [category])
        }
        // Read here, in the transaction: after the commit a read could wait for a pooled reader.
        committed.appetites(try RiskDatabase.appetiteTable(db))
        return maxScore.map { Appetite(category: category, maxScore: $0, setBy: actor.user, setAt: actor.now) }
    }
}
