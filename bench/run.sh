#!/usr/bin/env bash
# make bench: riskd measured against the limits of this machine, side by side in one run: the echo limit of
# bench/echo_server.c, the disk's durable-write limit of bench/sqlite_limit.sh, with load from
# bench/load_client.c (all built by `make bench` into .build/bench). Prints each measurement, then the ratios of
# the performance budget (docs/architecture.md, README.md "Status"). Takes a few minutes
# (a release build the first time). Usage: bench/run.sh [SECONDS_PER_LOAD]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
tools=${BENCH_TOOLS:-$PWD/.build/bench}
work=$(mktemp -d /tmp/riskd-bench-XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

echo "== building (release, static Swift runtime, as make install builds it) =="
# STATIC_FLAGS: the Makefile's (lld, packed relocations, no exported symbols), which `make release` and `make install`
# link with; without them the binary's text is 7 MB larger and riskd's idle RSS 36 MiB instead of 29.
# shellcheck disable=SC2086
"${SWIFT:-swift}" build -c release ${STATIC_FLAGS:---static-swift-stdlib} --product riskd >/dev/null
# shellcheck disable=SC2086
"${SWIFT:-swift}" build -c release ${STATIC_FLAGS:---static-swift-stdlib} --product riskctl >/dev/null
riskd=$PWD/.build/release/riskd
riskctl=$PWD/.build/release/riskctl
test -x "$tools/echo_server" -a -x "$tools/load_client" || { echo "no bench tools in $tools: run make bench" >&2; exit 1; }

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
wait_socket() { for _ in $(seq 200); do [ -S "$1" ] && return 0; sleep 0.05; done; echo "no socket $1" >&2; exit 1; }
started=
start_riskd() {  # $1: directory, then riskd's further arguments; sets $started to the pid
    local directory=$1; shift
    mkdir -p "$directory"
    "$riskd" --socket "$directory/riskd.sock" --database "$directory/riskd.sqlite" "$@" \
        >"$directory/riskd.out" 2>"$directory/riskd.log" &
    started=$!
    pids+=("$started")
    wait_socket "$directory/riskd.sock"
}
get='{"method":"org.riskd.risk.Get","parameters":{"id":1}}'
add='{"method":"org.riskd.risk.Add","parameters":{"title":"Funding overlap with member organisations","description":"Member organisations and the network apply to the same calls","category":"financial","likelihood":4,"impact":3}}'

# Loads from many connections come from several accounts when run as root (riskd caps one account at 32
# connections, [limits] max_connections_per_user): BENCH_ACCOUNTS accounts riskd-bench-N are created once, in a
# group riskd-bench that may connect and read (auditor). Not root: the 64-connection lines are skipped.
accounts=()
if [ "$(id -u)" = 0 ]; then
    getent group riskd-bench >/dev/null || groupadd --system riskd-bench
    for n in $(seq "${BENCH_ACCOUNTS:-4}"); do
        getent passwd "riskd-bench-$n" >/dev/null ||
            useradd --system --no-create-home --shell /usr/sbin/nologin --gid riskd-bench "riskd-bench-$n"
        accounts+=("riskd-bench-$n")
    done
    chmod 0711 "$work"
    printf 'socket_mode = "0660"\nsocket_group = "riskd-bench"\n[access]\nauditors = ["unix-group:riskd-bench"]\n' \
        >"$work/riskd.toml"
fi
# load SOCKET CONNECTIONS FRAME: one load_client line; spread over the bench accounts when there are any.
load() {
    if [ ${#accounts[@]} -eq 0 ]; then "$tools/load_client" "$1" "$2" "$seconds" "$3"; return; fi
    local each=$(( $2 / ${#accounts[@]} )) pids=() i=0
    for account in "${accounts[@]}"; do
        setpriv --reuid "$account" --regid riskd-bench --clear-groups \
            "$tools/load_client" "$1" "$each" "$seconds" "$3" >"$work/load.$i" & pids+=($!); i=$((i + 1))
    done
    wait "${pids[@]}"
    # The sum of the accounts' rates; the worst of their percentiles.
    cat "$work"/load.* | awk '{ for (f = 1; f <= NF; f++) { split($f, kv, "="); v[kv[1]] = kv[2] }
        c += v["connections"]; ok += v["ok"]; e += v["errors"]; r += v["rps"];
        if (v["p50_us"] > p50) p50 = v["p50_us"]; if (v["p99_us"] > p99) p99 = v["p99_us"]; if (v["max_us"] > m) m = v["max_us"] }
        END { printf "connections=%d seconds=%s ok=%d errors=%d rps=%.0f p50_us=%d p99_us=%d max_us=%d\n", c, "'"$seconds"'", ok, e, r, p50, p99, m }'
    rm -f "$work"/load.*
}

echo "== echo limit (NUL-framed socket, 8 and 64 connections) =="
"$tools/echo_server" "$work/echo.sock" >/dev/null 2>&1 & pids+=($!)
wait_socket "$work/echo.sock"
echo_line=$("$tools/load_client" "$work/echo.sock" 8 "$seconds" "$get"); echo "$echo_line"
echo64_line=$("$tools/load_client" "$work/echo.sock" 64 "$seconds" "$get"); echo "$echo64_line"
echo_rps=$(echo "$echo_line" | field rps)
echo64_rps=$(echo "$echo64_line" | field rps)

echo "== riskd risk.Get (1, 8 and 64 connections) =="
start_riskd "$work/get" ${accounts:+--config "$work/riskd.toml"}
get_pid=$started
sleep 1
idle_rss=$(awk '/VmRSS/ {print $2}' "/proc/$get_pid/status")
# RSS counts the executable's pages that the start touched (clean, shared with the page cache); RssAnon is what
# riskd itself allocated.
idle_anon=$(awk '/RssAnon/ {print $2}' "/proc/$get_pid/status")
"$riskctl" risk add --socket "$work/get/riskd.sock" --title "Funding overlap" --category financial \
    --likelihood 4 --impact 3 >/dev/null
get1_line=$("$tools/load_client" "$work/get/riskd.sock" 1 "$seconds" "$get"); echo "$get1_line"
get_line=$("$tools/load_client" "$work/get/riskd.sock" 8 "$seconds" "$get"); echo "$get_line"
get_rps=$(echo "$get_line" | field rps)
# The server's own floor: riskd answering a constant (org.varlink.service.GetInfo: no database, no caller's roles)
# over the same connections. risk.Get can go no faster than this; what separates the two is risk.Get's own work.
info_line=$("$tools/load_client" "$work/get/riskd.sock" 8 "$seconds" '{"method":"org.varlink.service.GetInfo"}')
echo "$info_line (org.varlink.service.GetInfo)"
info_rps=$(echo "$info_line" | field rps)
get64_line=
if [ ${#accounts[@]} -gt 0 ]; then
    chmod 0711 "$work/get"
    get64_line=$(load "$work/get/riskd.sock" 64 "$get"); echo "$get64_line (${#accounts[@]} accounts)"
else
    echo "risk.Get at 64 connections: skipped (needs root, to load from several accounts)"
fi

echo "== riskctl latency (20 calls of riskctl status) =="
start=$(date +%s%N)
for _ in $(seq 20); do "$riskctl" status --socket "$work/get/riskd.sock" >/dev/null; done
riskctl_ms=$(( ($(date +%s%N) - start) / 20000000 ))
echo "riskctl status: ${riskctl_ms} ms a call"

echo "== sqlite3 limit (durable single-row transactions) =="
sqlite_line=$(sh bench/sqlite_limit.sh 2000 "$work"); echo "$sqlite_line"
sqlite_wps=$(echo "$sqlite_line" | field writes_per_s)

echo "== riskd risk.Add (1 and 16 connections) =="
start_riskd "$work/add1"
add1_line=$("$tools/load_client" "$work/add1/riskd.sock" 1 "$seconds" "$add"); echo "$add1_line"
start_riskd "$work/add16"
add16_line=$("$tools/load_client" "$work/add16/riskd.sock" 16 "$seconds" "$add"); echo "$add16_line"
echo "== sqlite3 limit for risk.Add's own rows (the risk, its version, its audit entry; riskd's schema) =="
rows_line=$(sh bench/sqlite_rows_limit.sh 2000 "$work" "$work/add1/riskd.sqlite"); echo "$rows_line"
rows_wps=$(echo "$rows_line" | field writes_per_s)
add1_rps=$(echo "$add1_line" | field rps)
add16_rps=$(echo "$add16_line" | field rps)
add16_rss=$(awk '/VmRSS/ {print $2}' "/proc/$started/status")

echo "== memory of the risk.Get riskd after its loads, and ${BENCH_SETTLE:-60} s later =="
load_rss=$(awk '/VmRSS/ {print $2}' "/proc/$get_pid/status")
load_anon=$(awk '/RssAnon/ {print $2}' "/proc/$get_pid/status")
sleep "${BENCH_SETTLE:-60}"
settled_rss=$(awk '/VmRSS/ {print $2}' "/proc/$get_pid/status")
settled_anon=$(awk '/RssAnon/ {print $2}' "/proc/$get_pid/status")
echo "RSS idle $((idle_rss / 1024)) MiB, after the loads $((load_rss / 1024)) MiB, ${BENCH_SETTLE:-60} s later" \
    "$((settled_rss / 1024)) MiB (the risk.Add riskd of 16 connections: $((add16_rss / 1024)) MiB)"

echo "== review runs over 10 000 to 200 000 risks =="
python3 bench/review_run.py "$riskd" "$work/review" | tee "$work/review.out"
review_out=$(cat "$work/review.out")
BENCH_REVIEW_SIZES=${BENCH_REVIEW_MAIL_SIZES:-10000 100000} python3 bench/review_run.py "$riskd" "$work/review-mail" mail
echo "== risk.List now and as of a time, 100 000 risks, with 1 and with 10 versions each =="
python3 bench/history_asof.py "$riskd" "$work/history" "${BENCH_HISTORY_RISKS:-100000}"

echo "== the board pack over 100 000 risks, now and as of a time =="
python3 bench/board_pack.py "$riskd" "$work/pack" "${BENCH_PACK_RISKS:-100000}"

echo "== the board pack as of a past time, 10 versions of everything, 10 000 risks =="
python3 bench/pack_history.py "$riskd" "$work/pack-history" "${BENCH_PACK_HISTORY_RISKS:-10000}"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
review_cell() { echo "$review_out" | awk -v n="$1" -v k="$2" '$1 == "review_seconds" && $2 == n { printf "%.2f s", $k }'; }
row() { printf '%-52s %14s   %s\n' "$1" "$2" "$3"; }
echo
echo "== the table (BENCHMARKS.md): ratios first, then times and memory; a number never fails the bench =="
row measurement value target
row "risk.Get, 8 connections / echo, 8 connections" "$(ratio "$get_rps" "$echo_rps")" ">= 0.30"
if [ -n "$get64_line" ]; then
    row "risk.Get, 64 connections / echo, 64 connections" "$(ratio "$(echo "$get64_line" | field rps)" "$echo64_rps")" \
        ">= 0.30"
    row "risk.Get, 64 connections: p99 / p50" \
        "$(ratio "$(echo "$get64_line" | field p99_us)" "$(echo "$get64_line" | field p50_us)")" "<= 10"
fi
row "risk.Add, 1 connection / sqlite3" "$(ratio "$add1_rps" "$sqlite_wps")" ">= 0.70"
row "risk.Add, 16 connections / sqlite3" "$(ratio "$add16_rps" "$sqlite_wps")" ">= 1.50"
row "GetInfo (no database), 8 connections / echo" "$(ratio "$info_rps" "$echo_rps")" ""
row "risk.Add, 1 connection / sqlite3 of its rows" "$(ratio "$add1_rps" "$rows_wps")" ""
row "risk.Add, 16 connections / sqlite3 of its rows" "$(ratio "$add16_rps" "$rows_wps")" ""
row "risk.Get, 1 connection" "$(echo "$get1_line" | field rps) rps" ""
row "risk.Get, 8 connections (p99)" "$get_rps rps" "($(echo "$get_line" | field p99_us) us)"
for n in $(echo "$review_out" | awk '$1 == "review_seconds" { print $2 }'); do
    row "review.Run over $n risks, first / again" "$(review_cell "$n" 3) / $(review_cell "$n" 4)" \
        "$([ "$n" = 100000 ] && echo '<= 1 s')"
done
row "riskctl status, one call" "${riskctl_ms} ms" "<= 50 ms"
row "riskd RSS idle (of which anonymous)" "$((idle_rss / 1024)) ($((idle_anon / 1024))) MiB" "<= 30 MiB"
row "riskd RSS after the loads (anonymous)" "$((load_rss / 1024)) ($((load_anon / 1024))) MiB" "<= 60 MiB"
row "riskd RSS ${BENCH_SETTLE:-60} s later (anonymous)" "$((settled_rss / 1024)) ($((settled_anon / 1024))) MiB" \
    "near idle"
