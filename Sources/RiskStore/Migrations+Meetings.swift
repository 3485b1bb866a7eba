import GRDB

extension Migrations {
    /// Board meetings (issue 12): `meeting`, its agenda (`meeting_item`, the organisations a JSON array) and the
    /// recusals of its decision items. A recusal refers to its interest, like a conflict check's match: what it
    /// shows of the interest (kind, organisation, whether it is sensitive) is read from the interest when it is read.
    static func meetings(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE meeting (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    revision INTEGER NOT NULL CHECK (revision >= 1),
                    title TEXT NOT NULL,
                    date TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'closed')),
                    created_by TEXT NOT NULL,
                    published_at TEXT,
                    closed_at TEXT
                );
                CREATE INDEX meeting_by_date ON meeting(date, id);
                CREATE INDEX meeting_by_status ON meeting(status, id);

                CREATE TABLE meeting_item (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    meeting_id INTEGER NOT NULL REFERENCES meeting(id),
                    number INTEGER NOT NULL CHECK (number >= 1),
                    title TEXT NOT NULL,
                    organisations TEXT NOT NULL,
                    decision INTEGER NOT NULL,
                    check_id INTEGER REFERENCES conflict_check(id),
                    UNIQUE (meeting_id, number)
                );

                CREATE TABLE recusal (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    meeting_id INTEGER NOT NULL REFERENCES meeting(id),
                    item_id INTEGER NOT NULL REFERENCES meeting_item(id),
                    declarant TEXT NOT NULL,
                    interest_id INTEGER NOT NULL REFERENCES interest(id),
                    asked TEXT NOT NULL,
                    match TEXT NOT NULL CHECK (match IN ('exact', 'alias', 'possible', 'declared_at_meeting')),
                    declared_in_advance INTEGER NOT NULL,
                    action TEXT CHECK (action IN
                        ('left_room', 'stayed_no_vote', 'stayed_took_part', 'absent', 'not_a_conflict')),
                    quorate INTEGER,
                    note TEXT,
                    recorded_by TEXT,
                    UNIQUE (item_id, interest_id)
                );
                CREATE INDEX recusal_by_meeting ON recusal(meeting_id, item_id, id);
                """
        )
    }
}
