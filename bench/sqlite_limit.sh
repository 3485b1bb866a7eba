#!/bin/sh
# sqlite_limit.sh: how many durable one-row transactions per second this disk allows, with no server at all.
#
# Inserts N rows shaped like a risk through the sqlite3 shell, each in its own transaction, in WAL mode with
# synchronous=FULL: the settings riskd writes with. riskd's risk.Add is compared with this figure; a server cannot
# acknowledge more durable writes than the disk commits, except by committing several in one transaction.
#
# Usage: bench/sqlite_limit.sh [N] [DIRECTORY]     (prints one line: n, seconds, writes_per_s)
set -eu
count=${1:-2000}
directory=${2:-$(mktemp -d)}
database=$directory/sqlite-limit.sqlite
script=$directory/sqlite-limit.sql
rm -f "$database" "$database-wal" "$database-shm"
{
    echo "PRAGMA journal_mode=WAL;"
    echo "PRAGMA synchronous=FULL;"
    echo "CREATE TABLE risk(id INTEGER PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL,"
    echo "    category TEXT NOT NULL, owner TEXT NOT NULL, likelihood INTEGER NOT NULL, impact INTEGER NOT NULL,"
    echo "    created_at TEXT NOT NULL);"
    row=0
    while [ "$row" -lt "$count" ]; do
        echo "BEGIN; INSERT INTO risk(title, description, category, owner, likelihood, impact, created_at)" \
            "VALUES('Funding overlap with member organisations $row'," \
            "'Member organisations and the network apply to the same calls', 'financial', 'admin', 4, 3," \
            "'2026-11-29T06:00:00Z'); COMMIT;"
        row=$((row + 1))
    done
} > "$script"
started=$(date +%s.%N)
sqlite3 "$database" < "$script" > /dev/null
finished=$(date +%s.%N)
echo "$count $started $finished" | awk '{ printf "sqlite3 durable one-row transactions: n=%d seconds=%.3f writes_per_s=%.0f\n", $1, $3 - $2, $1 / ($3 - $2) }'
