#!/bin/sh
# sqlite_rows_limit.sh: how many durable transactions per second this disk allows when each commits what one
# riskd risk.Add commits, with no server at all.
#
# sqlite_limit.sh commits one row into a table without indexes: one or two pages per commit. riskd's risk.Add
# commits three rows (the risk, its first version, its audit entry) into tables with five indexes between them,
# nine or ten pages. This takes the three tables' definitions (indexes and triggers included) from a database
# riskd made and, in each transaction, inserts the rows riskd inserts: the risk, its version copied from it as
# riskd copies it, an audit entry after the last one. The audit entry's hash is random bytes here (riskd's
# SHA-256 is CPU time, which the profile shows, not pages). Same settings as sqlite_limit.sh: WAL,
# synchronous=FULL.
#
# Usage: bench/sqlite_rows_limit.sh N DIRECTORY RISKD_DATABASE   (prints one line: n, seconds, writes_per_s)
set -eu
count=$1
directory=$2
source=$3
database=$directory/sqlite-rows-limit.sqlite
script=$directory/sqlite-rows-limit.sql
rm -f "$database" "$database-wal" "$database-shm"
columns=$(sqlite3 "$source" "SELECT group_concat(name, ', ') FROM pragma_table_info('risk')")
{
    echo "PRAGMA journal_mode=WAL;"
    echo "PRAGMA synchronous=FULL;"
    sqlite3 "$source" ".schema risk" ".schema risk_version" ".schema audit" | grep -v '^CREATE TABLE sqlite_sequence'
    row=0
    while [ "$row" -lt "$count" ]; do
        echo "BEGIN;"
        echo "INSERT INTO risk(revision, title, description, category, owner, likelihood, impact, score, status," \
            "next_review_due, created_at, updated_at) VALUES(1, 'Funding overlap with member organisations $row'," \
            "'Member organisations and the network apply to the same calls', 'financial', 'admin', 4, 3, 12, 'open'," \
            "'2027-03-01', '2026-11-29T06:00:00Z', '2026-11-29T06:00:00Z');"
        echo "INSERT INTO risk_version(at, actor, change, note, $columns) SELECT '2026-11-29T06:00:00Z', 'admin'," \
            "'created', NULL, $columns FROM risk WHERE id = last_insert_rowid();"
        echo "INSERT INTO audit(seq, at, actor, uid, method, subject, detail, hash) SELECT" \
            "coalesce(max(seq), 0) + 1, '2026-11-29T06:00:00Z', 'admin', 1000, 'org.riskd.risk.Add'," \
            "'risk:' || (SELECT max(id) FROM risk), '{\"category\":\"financial\",\"description\":\"sha256:" \
            "5ac2cbcc8e2667d910c32f52c3a2ba454b22ba6d6ca3a17dc07eb60c37d0972e\",\"impact\":3,\"likelihood\":4," \
            "\"nextReviewDue\":\"2027-03-01\",\"owner\":\"admin\",\"title\":\"Funding overlap with member" \
            "organisations $row\"}', lower(hex(randomblob(32))) FROM audit;"
        echo "COMMIT;"
        row=$((row + 1))
    done
} > "$script"
started=$(date +%s.%N)
sqlite3 "$database" < "$script" > /dev/null
finished=$(date +%s.%N)
echo "$count $started $finished" | awk '{ printf "sqlite3 durable transactions of risk.Add'"'"'s rows: n=%d seconds=%.3f writes_per_s=%.0f\n", $1, $3 - $2, $1 / ($3 - $2) }'
