import GRDB

extension Migrations {
    /// Every register as of any date (issue 27): versions of actions and declarations, the spans in which riskd saw
    /// each member hold the board role, and the names documents gave members, so that a document made for a past
    /// time reads only what was recorded by then.
    ///
    /// `action_version` and `interest_version` have every column of their table under the same name (`id` is the
    /// action's or the declaration's), so a version reads as an `ActionRow` or an `InterestRow`; `VersionLog`
    /// copies a row by column name, so a later migration that adds a column to `action` or `interest` must add it
    /// here too (a test fails otherwise).
    ///
    /// What was not recorded before this migration cannot be known, so history starts from what there is: each
    /// action gets a first version, open, at its first audit entry, and one with its present state at its last
    /// audit entry when it is no longer open; each declaration one version as it now is, at its declaration; each
    /// member a span from when riskd first saw them to when it last did, still open (the first observation of the
    /// board after this migration closes the spans of those who no longer hold the role); each meeting one version
    /// as it now is, at its last audit entry; each organisation one version as it now is, at its creation; a name
    /// set with `member.SetName` counts from its last audit entry.
    static func history(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE action_version (
                    version INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    id INTEGER NOT NULL REFERENCES action(id),
                    revision INTEGER NOT NULL,
                    risk_id INTEGER NOT NULL,
                    description TEXT NOT NULL,
                    owner TEXT NOT NULL,
                    due_on TEXT NOT NULL,
                    status TEXT NOT NULL,
                    completed_at TEXT
                );
                CREATE INDEX action_version_by_action ON action_version(id, at, version);

                CREATE TABLE interest_version (
                    version INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    id INTEGER NOT NULL REFERENCES interest(id),
                    revision INTEGER NOT NULL,
                    declarant TEXT NOT NULL,
                    declarant_uid INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    organisation TEXT NOT NULL,
                    normalised_organisation TEXT NOT NULL,
                    organisation_id INTEGER,
                    description TEXT NOT NULL,
                    value TEXT,
                    sensitive INTEGER NOT NULL,
                    started_on TEXT NOT NULL,
                    ended_on TEXT,
                    declared_at TEXT NOT NULL,
                    late INTEGER NOT NULL,
                    management_plan TEXT,
                    managed_by TEXT,
                    managed_at TEXT,
                    erased INTEGER NOT NULL
                );
                CREATE INDEX interest_version_by_interest ON interest_version(id, at, version);

                -- One row per stretch of time riskd saw a member hold the board role: from the first sighting to
                -- the last, and when it first saw them without it (null while they still hold it).
                CREATE TABLE board_span (
                    user TEXT NOT NULL,
                    uid INTEGER NOT NULL,
                    from_at TEXT NOT NULL,
                    last_seen_at TEXT NOT NULL,
                    gone_at TEXT,
                    PRIMARY KEY (user, from_at)
                );
                CREATE UNIQUE INDEX board_span_open ON board_span(user) WHERE gone_at IS NULL;

                -- The names documents gave a member from a time on: one set with member.SetName, or the account's
                -- full name as riskd read it when it made a document (null: the account had none).
                CREATE TABLE member_name_version (
                    version INTEGER PRIMARY KEY AUTOINCREMENT,
                    user TEXT NOT NULL,
                    at TEXT NOT NULL,
                    source TEXT NOT NULL CHECK (source IN ('set', 'account')),
                    name TEXT
                );
                CREATE INDEX member_name_version_by_user ON member_name_version(user, source, at, version);

                -- A meeting's versions: each a whole snapshot of the meeting, its items and its recusals, made at the
                -- end of every change of any of them; items and recusals carry the version they belong to.
                CREATE TABLE meeting_version (
                    version INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    id INTEGER NOT NULL REFERENCES meeting(id),
                    revision INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    date TEXT NOT NULL,
                    status TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    published_at TEXT,
                    closed_at TEXT,
                    cancelled_at TEXT,
                    cancel_reason TEXT
                );
                CREATE INDEX meeting_version_by_meeting ON meeting_version(id, at, version);
                CREATE TABLE meeting_item_version (
                    version INTEGER NOT NULL REFERENCES meeting_version(version),
                    id INTEGER NOT NULL,
                    meeting_id INTEGER NOT NULL,
                    number INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    organisations TEXT NOT NULL,
                    decision INTEGER NOT NULL,
                    check_id INTEGER,
                    PRIMARY KEY (version, id)
                );
                CREATE TABLE recusal_version (
                    version INTEGER NOT NULL REFERENCES meeting_version(version),
                    id INTEGER NOT NULL,
                    meeting_id INTEGER NOT NULL,
                    item_id INTEGER NOT NULL,
                    declarant TEXT NOT NULL,
                    interest_id INTEGER NOT NULL,
                    asked TEXT NOT NULL,
                    match TEXT NOT NULL,
                    declared_in_advance INTEGER NOT NULL,
                    action TEXT,
                    quorate INTEGER,
                    note TEXT,
                    recorded_by TEXT,
                    PRIMARY KEY (version, id)
                );

                -- The registry's versions: an organisation with its aliases (a JSON array, in order) at each change.
                CREATE TABLE organisation_version (
                    version INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    id INTEGER NOT NULL REFERENCES organisation(id),
                    revision INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    normalised_name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    interest TEXT,
                    power TEXT,
                    note TEXT,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    aliases TEXT NOT NULL
                );
                CREATE INDEX organisation_version_by_organisation ON organisation_version(id, at, version);
                INSERT INTO organisation_version (at, actor, id, revision, name, normalised_name, kind, interest, power,
                    note, created_at, updated_at, aliases)
                SELECT created_at,
                       COALESCE((SELECT actor FROM audit WHERE subject = 'organisation:' || o.id ORDER BY seq
                                 LIMIT 1), 'riskd'),
                       id, revision, name, normalised_name, kind, interest, power, note, created_at, updated_at,
                       (SELECT json_group_array(alias) FROM (SELECT alias FROM organisation_alias a
                            WHERE a.organisation_id = o.id ORDER BY position))
                FROM organisation o ORDER BY id;

                INSERT INTO action_version (at, actor, id, revision, risk_id, description, owner, due_on, status,
                    completed_at)
                SELECT COALESCE((SELECT at FROM audit WHERE subject = 'action:' || action.id ORDER BY seq LIMIT 1),
                                (SELECT created_at FROM risk WHERE risk.id = action.risk_id)),
                       COALESCE((SELECT actor FROM audit WHERE subject = 'action:' || action.id ORDER BY seq LIMIT 1),
                                'riskd'),
                       id, 1, risk_id, description, owner, due_on, 'open', NULL
                FROM action ORDER BY id;
                INSERT INTO action_version (at, actor, id, revision, risk_id, description, owner, due_on, status,
                    completed_at)
                SELECT COALESCE(completed_at,
                                (SELECT at FROM audit WHERE subject = 'action:' || action.id ORDER BY seq DESC LIMIT 1),
                                (SELECT created_at FROM risk WHERE risk.id = action.risk_id)),
                       COALESCE((SELECT actor FROM audit WHERE subject = 'action:' || action.id ORDER BY seq DESC
                                 LIMIT 1), 'riskd'),
                       id, revision, risk_id, description, owner, due_on, status, completed_at
                FROM action WHERE status <> 'open' ORDER BY id;

                INSERT INTO interest_version (at, actor, id, revision, declarant, declarant_uid, kind, organisation,
                    normalised_organisation, organisation_id, description, value, sensitive, started_on, ended_on,
                    declared_at, late, management_plan, managed_by, managed_at, erased)
                SELECT declared_at,
                       COALESCE((SELECT actor FROM audit WHERE subject = 'interest:' || interest.id ORDER BY seq
                                 LIMIT 1), declarant),
                       id, revision, declarant, declarant_uid, kind, organisation, normalised_organisation,
                       organisation_id, description, value, sensitive, started_on, ended_on, declared_at, late,
                       management_plan, managed_by, managed_at, erased
                FROM interest ORDER BY id;

                INSERT INTO meeting_version (at, actor, id, revision, title, date, status, created_by, published_at,
                    closed_at, cancelled_at, cancel_reason)
                SELECT COALESCE((SELECT at FROM audit WHERE subject = 'meeting:' || meeting.id ORDER BY seq DESC
                                 LIMIT 1), published_at, date || 'T00:00:00Z'),
                       COALESCE((SELECT actor FROM audit WHERE subject = 'meeting:' || meeting.id ORDER BY seq DESC
                                 LIMIT 1), created_by),
                       id, revision, title, date, status, created_by, published_at, closed_at, cancelled_at,
                       cancel_reason
                FROM meeting ORDER BY id;
                INSERT INTO meeting_item_version (version, id, meeting_id, number, title, organisations, decision,
                    check_id)
                SELECT (SELECT version FROM meeting_version v WHERE v.id = t.meeting_id), t.id, t.meeting_id, t.number,
                       t.title, t.organisations, t.decision, t.check_id
                FROM meeting_item t;
                INSERT INTO recusal_version (version, id, meeting_id, item_id, declarant, interest_id, asked, match,
                    declared_in_advance, action, quorate, note, recorded_by)
                SELECT (SELECT version FROM meeting_version v WHERE v.id = r.meeting_id), r.id, r.meeting_id,
                       r.item_id, r.declarant, r.interest_id, r.asked, r.match, r.declared_in_advance, r.action,
                       r.quorate, r.note, r.recorded_by
                FROM recusal r;

                INSERT INTO board_span (user, uid, from_at, last_seen_at, gone_at)
                SELECT user, uid, first_seen_at, last_seen_at, NULL FROM member;

                INSERT INTO member_name_version (user, at, source, name)
                SELECT user,
                       COALESCE((SELECT at FROM audit WHERE subject = 'member:' || member.user ORDER BY seq DESC
                                 LIMIT 1), last_seen_at),
                       'set', name
                FROM member WHERE name IS NOT NULL;
                """
        )
    }
}
