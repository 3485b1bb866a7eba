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
"${SWIFT:-swift}" build -c release --static-swift-stdlib --product riskd >/dev/null
"${SWIFT:-swift}" build -c release --static-swift-stdlib --product riskctl >/dev/null
riskd=$PWD/.build/release/riskd
riskctl=$PWD/.build/release/riskctl
test -x "$tools/echo_server" -a -x "$tools/load_client" || { echo "no bench tools in $tools: run make bench" >&2; exit 1; }

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
wait_socket() { for _ in $(seq 200); do [ -S "$1" ] && return 0; sleep 0.05; done; echo "no socket $1" >&2; exit 1; }
started=
start_riskd() {  # $1: directory; sets $started to the pid
    mkdir -p "$1"
    "$riskd" --socket "$1/riskd.sock" --database "$1/riskd.sqlite" >"$1/riskd.out" 2>"$1/riskd.log" &
    started=$!
    pids+=("$started")
    wait_socket "$1/riskd.sock"
}
get='{"method":"org.riskd.risk.Get","parameters":{"id":1}}'
add='{"method":"org.riskd.risk.Add","parameters":{"title":"Funding overlap with member organisations","description":"Member organisations and the network apply to the same calls","category":"financial","likelihood":4,"impact":3}}'

echo "== echo limit (NUL-framed socket, 8 connections) =="
"$tools/echo_server" "$work/echo.sock" >/dev/null 2>&1 & pids+=($!)
wait_socket "$work/echo.sock"
echo_line=$("$tools/load_client" "$work/echo.sock" 8 "$seconds" "$get"); echo "$echo_line"
echo_rps=$(echo "$echo_line" | field rps)

echo "== riskd risk.Get (8 connections) =="
start_riskd "$work/get"
sleep 1
idle_rss=$(awk '/VmRSS/ {print $2}' "/proc/$started/status")
"$riskctl" risk add --socket "$work/get/riskd.sock" --title "Funding overlap" --category financial \
    --likelihood 4 --impact 3 >/dev/null
get_line=$("$tools/load_client" "$work/get/riskd.sock" 8 "$seconds" "$get"); echo "$get_line"
get_rps=$(echo "$get_line" | field rps)

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
add1_rps=$(echo "$add1_line" | field rps)
add16_rps=$(echo "$add16_line" | field rps)

echo "== review run over 50 000 and 100 000 risks =="
python3 bench/review_run.py "$riskd" "$work/review"
python3 bench/review_run.py "$riskd" "$work/review-mail" mail

echo "== risk.List now and as of a time, 100 000 risks, with 1 and with 10 versions each =="
python3 bench/history_asof.py "$riskd" "$work/history" "${BENCH_HISTORY_RISKS:-100000}"

echo "== the board pack over 100 000 risks, now and as of a time =="
python3 bench/board_pack.py "$riskd" "$work/pack" "${BENCH_PACK_RISKS:-100000}"

echo "== the board pack as of a past time, 10 versions of everything, 10 000 risks =="
python3 bench/pack_history.py "$riskd" "$work/pack-history" "${BENCH_PACK_HISTORY_RISKS:-10000}"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", (b > 0 ? 100 * a / b : 0) }'; }
echo
echo "== budget (docs/architecture.md) =="
printf '%-46s %10s   target\n' measurement value
printf '%-46s %10s   >= 30%%\n' "risk.Get at 8 connections / echo limit" "$(ratio "$get_rps" "$echo_rps")"
printf '%-46s %10s   >= 70%%\n' "risk.Add at 1 connection / sqlite3 limit" "$(ratio "$add1_rps" "$sqlite_wps")"
printf '%-46s %10s   >= 150%%\n' "risk.Add at 16 connections / sqlite3 limit" "$(ratio "$add16_rps" "$sqlite_wps")"
printf '%-46s %10s   <= 50 ms\n' "riskctl status, one call" "${riskctl_ms} ms"
printf '%-46s %10s   <= 30 MiB\n' "riskd idle RSS" "$((idle_rss / 1024)) MiB"
