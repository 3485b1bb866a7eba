import GRDB

extension Migrations {
    /// Organisations, declarations of interest, confirmations, conflict checks, the ethical code and the board's
    /// members (issue "integrity register").
    ///
    /// Personal free text of a declaration (description, value, management plan) lives only in `interest` and is
    /// never copied into `audit`, so erasing it (retention, a member's request) leaves the audit chain intact.
    static func integrityRegister(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE organisation (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    revision INTEGER NOT NULL CHECK (revision >= 1),
                    name TEXT NOT NULL,
                    -- NameMatching.normalise(name): unique with the aliases of every organisation.
                    normalised_name TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    interest TEXT,
                    power TEXT,
                    note TEXT,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );

                CREATE TABLE organisation_alias (
                    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
                    alias TEXT NOT NULL,
                    normalised_alias TEXT NOT NULL UNIQUE,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (organisation_id, position)
                );

                CREATE TABLE interest (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    revision INTEGER NOT NULL CHECK (revision >= 1),
                    declarant TEXT NOT NULL,
                    declarant_uid INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    organisation TEXT NOT NULL,
                    normalised_organisation TEXT NOT NULL,
                    organisation_id INTEGER REFERENCES organisation(id),
                    description TEXT NOT NULL,
                    value TEXT,
                    sensitive INTEGER NOT NULL DEFAULT 0,
                    started_on TEXT NOT NULL,
                    ended_on TEXT,
                    declared_at TEXT NOT NULL,
                    late INTEGER NOT NULL DEFAULT 0,
                    management_plan TEXT,
                    managed_by TEXT,
                    managed_at TEXT
                );
                CREATE INDEX interest_declarant ON interest(declarant, id);
                CREATE INDEX interest_normalised_organisation ON interest(normalised_organisation);

                CREATE TABLE confirmation (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    declarant TEXT NOT NULL,
                    confirmed_at TEXT NOT NULL,
                    nothing_to_declare INTEGER NOT NULL
                );
                CREATE INDEX confirmation_declarant ON confirmation(declarant, confirmed_at);

                CREATE TABLE conflict_check (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    by TEXT NOT NULL,
                    matter TEXT NOT NULL,
                    -- JSON arrays: the names asked, and every conflict found (the protocol's Conflict fields, plus
                    -- the name asked that matched and whether the interest is sensitive; see ConflictCheckRow).
                    organisations TEXT NOT NULL,
                    conflicts TEXT NOT NULL
                );

                CREATE TABLE ethics_code (
                    version INTEGER PRIMARY KEY,
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    published_at TEXT NOT NULL,
                    published_by TEXT NOT NULL
                );

                CREATE TABLE acknowledgement (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    user TEXT NOT NULL,
                    version INTEGER NOT NULL REFERENCES ethics_code(version),
                    sha256 TEXT NOT NULL,
                    acknowledged_at TEXT NOT NULL,
                    UNIQUE (user, version)
                );

                -- Everyone who has held the board role or declared: when riskd first and last saw them.
                CREATE TABLE member (
                    user TEXT PRIMARY KEY,
                    uid INTEGER NOT NULL,
                    first_seen_at TEXT NOT NULL,
                    last_seen_at TEXT NOT NULL
                );
                """
        )
    }
}
