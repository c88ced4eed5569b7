#!/usr/bin/env bash
# Load and soak test of the example Hummingbird server on loopback (Docs/Security.md, "Load and soak").
#
#   Scripts/load-test.sh SECONDS [--release]
#
# 1. Builds WebhookExampleServer of the Examples package (debug; release with --release).
# 2. Writes a corpus (`WebhookExampleServer --load-test-corpus`, LoadTestCorpus.swift): distinct valid deliveries
#    of the four vendors signed by WebhookTesting's signer, each with its own delivery key, tampered copies,
#    malformed and oversized requests, in one order per wrk thread.
# 3. Starts the server in its load-test mode (`--load-test`) on a free port of 127.0.0.1 and runs wrk for SECONDS
#    with Scripts/load-test.lua, which sends the corpus pass after pass (replays of the valid deliveries inside a
#    pass, and every one again in the next passes) and sorts the answers. Meanwhile it samples the server's
#    resident memory (VmRSS in /proc/PID/status) every second.
# 4. Asks the server (GET /load-test/stats, load-test mode only) how often its handler ran, and checks: the
#    server is alive; no socket error and no 5xx; every answer is the one its request expects (valid 200,
#    tampered 401, malformed 400/401, oversized 413, replay 200); every valid delivery answered was handled
#    exactly once and no replay ran the handler; the server handled no delivery twice; the resident memory grew
#    by at most LOAD_TEST_RSS_GROWTH_MIB between the end of the warm-up and the end of the run. The warm-up ends
#    at 20 % of the run or when the server has handled every distinct delivery of the corpus (from then on its
#    delivery ledger no longer grows), whichever is later.
# 5. Prints throughput, latency (p50, p90, p99), memory and counts, and exits 1 if a check failed. The server is
#    stopped when the script exits, whatever happened.
#
# Needs wrk and curl: `apt-get install -y wrk curl` (.ci/setup installs both). Settings from the environment:
#   LOAD_TEST_THREADS (2: wrk threads, one lane of the corpus each), LOAD_TEST_CONNECTIONS (32 in all),
#   LOAD_TEST_DELIVERIES (distinct valid deliveries; default 100 per second of run in debug, 300 in release, at
#   least 1 000 and at most 50 000: the first pass then takes a small part of the run),
#   LOAD_TEST_RSS_GROWTH_MIB (the memory bound, default 8; see below), LOAD_TEST_KEEP=1 keeps the work folder.
set -euo pipefail

usage() {
    echo "usage: Scripts/load-test.sh SECONDS [--release]" >&2
    exit 2
}
[[ $# -ge 1 && $# -le 2 && "$1" =~ ^[0-9]+$ ]] || usage
duration=$1
[[ $duration -ge 5 ]] || { echo "load-test: run for at least 5 seconds" >&2; exit 2; }
config=debug
if [[ $# -eq 2 ]]; then
    [[ "$2" == "--release" ]] || usage
    config=release
fi
if ! command -v wrk >/dev/null 2>&1; then
    echo "load-test: wrk is missing: apt-get install -y wrk (or bash .ci/setup)" >&2
    exit 1
fi
command -v curl >/dev/null 2>&1 || { echo "load-test: curl is missing: apt-get install -y curl" >&2; exit 1; }

cd "$(dirname "$0")/.."
root=$PWD
threads=${LOAD_TEST_THREADS:-2}
connections=${LOAD_TEST_CONNECTIONS:-32}
# At most 50 000 by default: the middleware's InMemoryDeliveryLedger keeps 100 000 keys, and a replay of a key it
# dropped would (as documented) run the handler again.
per_second=$([[ $config == release ]] && echo 300 || echo 100)
deliveries=$((duration * per_second))
deliveries=${LOAD_TEST_DELIVERIES:-$((deliveries < 1000 ? 1000 : deliveries > 50000 ? 50000 : deliveries))}
# The memory bound. Once every distinct delivery has been handled, the server's state (the delivery ledger, the
# handler's counters) stops growing, and what moves is allocator noise and NIO's buffers. Measured on the 2-core
# machine (Docs/Security.md, "Load and soak"): +0.1 to +0.4 MiB after the warm-up in four 60-second release runs,
# +1.7 to +2.7 MiB in 10-second debug runs (still settling: a 60-second debug run stayed within 0.5 MiB of 61 MiB
# from 16 s on). 8 MiB leaves room for a busy machine and still catches a leak of about 30 to 40 bytes per request
# in a 60-second release run (240 000 to 320 000 requests after the warm-up), about 1 KiB per request in CI's
# 10-second debug run.
growth_bound_mib=${LOAD_TEST_RSS_GROWTH_MIB:-8}

work=$(mktemp -d)
server=""
sampler=""
cleanup() {
    [[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null || true
    if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then
        kill "$server" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$server" 2>/dev/null || true
    fi
    if [[ "${LOAD_TEST_KEEP:-0}" == "1" ]]; then echo "load-test: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "== build WebhookExampleServer ($config)"
build_start=$SECONDS
swift build --package-path Examples -c "$config" --product WebhookExampleServer
bin="$(swift build --package-path Examples -c "$config" --show-bin-path)/WebhookExampleServer"
build_seconds=$((SECONDS - build_start))

echo "== corpus: $deliveries valid deliveries, $threads lanes"
"$bin" --load-test-corpus "$work/corpus" --deliveries "$deliveries" --lanes "$threads" \
    --token-lifetime $((duration + 900))

echo "== start the server in load-test mode"
"$bin" --load-test >"$work/server.log" 2>&1 &
server=$!
port=""
for _ in $(seq 300); do
    port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9][0-9]*\)$/\1/p' "$work/server.log" | head -n 1)
    [[ -n "$port" ]] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.2
done
if [[ -z "$port" ]]; then
    echo "load-test: the server did not start" >&2
    cat "$work/server.log" >&2
    exit 1
fi
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$server/status" 2>/dev/null || true; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat" 2>/dev/null || echo 0; }
handled_deliveries() {
    curl -sf --max-time 2 "http://127.0.0.1:$port/load-test/stats" | awk '$1 == "deliveries" { print $2 }' || true
}
rss_idle=$(rss_kib)
echo "listening on 127.0.0.1:$port, pid $server, resident memory ${rss_idle} KiB"

echo "== wrk: $duration s, $threads threads, $connections connections"
# One line a second: milliseconds since wrk started, VmRSS in KiB, distinct deliveries handled so far.
start_ns=$(date +%s%N)
(
    while kill -0 "$server" 2>/dev/null; do
        sample="$((($(date +%s%N) - start_ns) / 1000000)) $(rss_kib) $(handled_deliveries)"
        echo "$sample" >>"$work/rss"
        sleep 1
    done
) &
sampler=$!
cpu_start=$(cpu_ticks)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
wrk_status=0
wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 5s --latency -s "$root/Scripts/load-test.lua" \
    "http://127.0.0.1:$port" -- "$work/corpus" >"$work/wrk.out" 2>&1 || wrk_status=$?
cpu_seconds=$((($(cpu_ticks) - cpu_start) / $(getconf CLK_TCK)))
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
sampler=""
grep -v '^load-test ' "$work/wrk.out" || true
sleep 1 # answers still in flight when wrk stopped

failures=()
fail() { failures+=("$1"); }
# The "load-test NAME VALUE" lines of load-test.lua: one value (0 when missing), or the sum over matching names.
value() {
    awk -v name="$1" '$1 == "load-test" && $2 == name { print $3; found = 1 } END { if (!found) print 0 }' \
        "$work/wrk.out"
}
sum() {
    awk -v pattern="$1" '$1 == "load-test" && $2 ~ pattern { total += $3 } END { print total + 0 }' "$work/wrk.out"
}

alive=yes
kill -0 "$server" 2>/dev/null || { alive=no; fail "the server is not running any more"; }
stats=""
if [[ $alive == yes ]]; then
    stats=$(curl -sf --max-time 10 "http://127.0.0.1:$port/load-test/stats") || fail "GET /load-test/stats failed"
fi
stat() { awk -v name="$1" '$1 == name { print $2; found = 1 } END { if (!found) print -1 }' <<<"$stats"; }

[[ $wrk_status -eq 0 ]] || fail "wrk exited with $wrk_status"
[[ $(value requests) -gt 0 ]] || fail "wrk's script reported nothing (see the output above)"
for error in connect read write timeout; do
    [[ $(value "errors_$error") -eq 0 ]] || fail "$(value "errors_$error") socket $error errors"
done
server_errors=$(sum '^answers_.*_5[0-9][0-9]$')
[[ $server_errors -eq 0 ]] || fail "$server_errors answers were 5xx"
[[ $(sum '^answers_unmatched_') -eq 0 ]] || fail "$(sum '^answers_unmatched_') answers did not name their request"
for kind in valid replay tampered malformed oversized; do
    answers=$(sum "^answers_${kind}_")
    [[ $answers -gt 0 ]] || fail "no $kind request was answered"
    [[ $(value "unexpected_$kind") -eq 0 ]] ||
        fail "$(value "unexpected_$kind") of $answers $kind answers were not the expected status"
done
# Each valid delivery answered: exactly one of its copies ran the handler (its "valid" answer), the others got 200
# as duplicates ("replay"). Rejected requests never run it.
valid_answered=$(value deliveries_answered)
valid_handled=$(value deliveries_handled)
[[ $valid_handled -eq $valid_answered ]] ||
    fail "$((valid_answered - valid_handled)) valid deliveries were answered but none of their copies ran the handler"
[[ $(value deliveries_handled_again) -eq 0 ]] ||
    fail "the handler ran twice or more for $(value deliveries_handled_again) deliveries"
for kind in tampered malformed oversized; do
    [[ $(value "handled_$kind") -eq 0 ]] || fail "the handler ran for $(value "handled_$kind") $kind requests"
done
[[ $(value handler_ran_before) -eq 0 ]] || fail "$(value handler_ran_before) answers said the handler had run before"
if [[ -n "$stats" ]]; then
    server_deliveries=$(stat deliveries)
    [[ $(stat deliveries_handled_more_than_once) -eq 0 ]] ||
        fail "the server handled $(stat deliveries_handled_more_than_once) deliveries more than once"
    [[ $(stat handler_runs) -eq $server_deliveries ]] ||
        fail "the handler ran $(stat handler_runs) times for $server_deliveries deliveries"
    [[ $(stat runs_without_key) -eq 0 ]] || fail "$(stat runs_without_key) handler runs for deliveries without a key"
    # Requests in flight when wrk stopped may have been handled without their answer being read.
    unanswered=$((server_deliveries - valid_handled))
    [[ $unanswered -ge 0 && $unanswered -le $connections ]] ||
        fail "the server handled $server_deliveries deliveries, wrk saw $valid_handled handled"
fi

# Warm-up ends at the first sample at or after 20 % of the run in which every distinct delivery was handled.
warmup_ms=$((duration * 200))
read -r samples warm_ms rss_warm rss_end rss_max < <(awk -v from="$warmup_ms" -v total="$deliveries" '
    { n++; last = $2 }
    !warm && $1 >= from && $3 == total { warm = 1; at = $1; first = $2; max = $2 }
    warm && $2 > max { max = $2 }
    END { if (warm) print n, at, first, last, max; else print n, -1, 0, last, 0 }' "$work/rss")
if [[ $warm_ms -lt 0 ]]; then
    fail "not every distinct delivery was handled before the end, so no warm-up end (lower LOAD_TEST_DELIVERIES)"
else
    growth_kib=$((rss_end - rss_warm))
    [[ $growth_kib -le $((growth_bound_mib * 1024)) ]] ||
        fail "resident memory grew by $((growth_kib / 1024)) MiB after the warm-up (bound $growth_bound_mib MiB)"
fi

mib() { awk -v kib="$1" 'BEGIN { printf "%.1f MiB", kib / 1024 }'; }
pass_length=$(value pass_length)
passes=$(awk -v sent="$(value sent)" -v size="$pass_length" 'BEGIN { printf "%.1f", sent / size }')
echo
echo "== load test: $config build (built in ${build_seconds} s), ${duration} s, $threads threads," \
    "$connections connections"
echo "throughput      $(value requests_per_second) requests/s ($(value requests) answers in $(value seconds) s)"
echo "latency         p50 $(value p50_ms) ms, p90 $(value p90_ms) ms, p99 $(value p99_ms) ms, max $(value max_ms) ms"
echo "passes          $passes of the corpus ($pass_length requests a pass, $deliveries distinct deliveries)"
echo "memory (VmRSS)  idle $(mib "$rss_idle"), after warm-up (at $((warm_ms / 1000)) s) $(mib "$rss_warm")," \
    "end $(mib "$rss_end"), highest after warm-up $(mib "$rss_max"); $samples samples; bound +$growth_bound_mib MiB"
echo "machine         $(nproc) cores; load average before $load_before, after $load_after"
echo "server CPU      $cpu_seconds s of the $(($(nproc) * duration)) s the cores had (wrk and the rest had the others)"
echo "answers by request kind and status:"
awk '$1 == "load-test" && $2 ~ /^answers_/ {
        sub(/^answers_/, "", $2); split($2, part, "_"); printf "  %-10s %s  %d\n", part[1], part[2], $3 }' \
    "$work/wrk.out"
echo "valid deliveries: $valid_answered answered, $valid_handled ran the handler once," \
    "$(value deliveries_handled_again) more than once; copies answered as duplicates: $(sum '^answers_replay_')"
if [[ -n "$stats" ]]; then
    echo "server: handler runs $(stat handler_runs), distinct deliveries $(stat deliveries)," \
        "deliveries handled more than once $(stat deliveries_handled_more_than_once)"
fi
if [[ ${#failures[@]} -gt 0 ]]; then
    echo
    for failure in "${failures[@]}"; do echo "FAIL: $failure"; done
    echo "server log (last lines):"
    tail -n 20 "$work/server.log"
    exit 1
fi
echo "load test passed"
