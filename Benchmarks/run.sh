#!/usr/bin/env bash
# Runs WebhookKit's benchmarks against their peers and writes Docs/Performance.md (issue 6).
#
#   cd Benchmarks && ./run.sh                      # everything (a few minutes on 2 cores, plus the first build)
#   ./run.sh --target JWT                          # extra arguments go to `swift package benchmark`
#   SKIP_OPENSSL_SPEED=1 ./run.sh                  # without the `openssl speed` reference
#   SHARED_NOTE="..." ./run.sh                     # a remark printed at the top of the page (e.g. machine load)
#   ROUNDS=3 ./run.sh                              # run the suite 3 times; the report takes each benchmark's best
#
# Output: results/round-N/*.jmh.json (package-benchmark's JMH export, one folder per round), results/machine.json, results/openssl-speed.json,
# results/run.log; then report.py prints one line per goal and writes ../Docs/Performance.md and
# ../Docs/Performance.svg.
set -euo pipefail

cd "$(dirname "$0")"
RESULTS=results
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

load() { cut -d' ' -f1-3 /proc/loadavg; }

# The machine, before the run.
LOAD_BEFORE=$(load)
DATE=$(date -u '+%Y-%m-%d %H:%M UTC')

# `openssl speed`: the ceiling for HMAC-SHA256, SHA-256, RSA-2048 and ECDSA P-256 verification on this machine.
if [[ -z "${SKIP_OPENSSL_SPEED:-}" ]] && command -v openssl >/dev/null; then
    {
        openssl speed -seconds 1 -mr -bytes 1024 -hmac sha256 2>/dev/null || true
        openssl speed -seconds 1 -mr -bytes 16384 -evp sha256 2>/dev/null || true
        openssl speed -seconds 1 -mr rsa2048 ecdsap256 2>/dev/null || true
    } >"$RESULTS/openssl-speed.txt"
    python3 - "$RESULTS/openssl-speed.txt" >"$RESULTS/openssl-speed.json" <<'EOF'
import json, sys
# Machine-readable `openssl speed -mr` lines: "+F:<i>:<name>:<bytes/s>" for digests and MACs (one size),
# "+F2:<i>:<bits>:<sign/s>:<verify/s>" for RSA, "+F4:<i>:<bits>:<sign/s>:<verify/s>" for ECDSA.
out = {}
for line in open(sys.argv[1]):
    parts = line.strip().split(":")
    if parts[0] == "+F" and parts[2] == "hmac(sha256)":
        out["hmac_sha256_1024"] = float(parts[3])
    elif parts[0] == "+F" and parts[2] == "sha256":
        out["sha256_16384"] = float(parts[3])
    elif parts[0] == "+F2" and parts[2] == "2048":
        out["rsa2048_verify"] = float(parts[4])
    elif parts[0] == "+F4" and parts[2] == "256":
        out["ecdsap256_verify"] = float(parts[4])
json.dump(out, sys.stdout, indent=2)
EOF
fi

# The benchmarks (release build; the plugin builds what changed, so only the first round builds).
ROUNDS=${ROUNDS:-1}
START=$(date +%s)
ROUND_LOADS=""
for round in $(seq 1 "$ROUNDS"); do
    mkdir -p "$RESULTS/round-$round"
    ROUND_LOADS="$ROUND_LOADS${ROUND_LOADS:+; }round $round: $(load)"
    swift package --allow-writing-to-package-directory benchmark \
        --format jmh --path "$RESULTS/round-$round" --no-progress "$@" 2>&1 | tee -a "$RESULTS/run.log"
done
END=$(date +%s)
LOAD_AFTER=$(load)

# The machine facts for the report.
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)
MEMORY=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo unknown)
PEERS=$(python3 - <<'EOF'
import json
try:
    pins = json.load(open("Package.resolved"))["pins"]
except (OSError, ValueError, KeyError):
    pins = []
wanted = ["swift-crypto", "jwt-kit", "benchmark"]
print(", ".join(f"{p['identity']} {p['state'].get('version', '?')}" for p in pins if p["identity"] in wanted))
EOF
)
python3 - "$RESULTS/machine.json" <<EOF
import json, sys
json.dump({
    "date": "$DATE",
    "nproc": "$(nproc)",
    "cpu": "$CPU",
    "memory": "$MEMORY",
    "kernel": "$(uname -sr)",
    "openssl": "$(openssl version 2>/dev/null || echo unknown)",
    "swift": "$(swift --version 2>/dev/null | head -1)",
    "peers": "$PEERS",
    "load_before": "$LOAD_BEFORE",
    "load_after": "$LOAD_AFTER",
    "round_loads": "$ROUND_LOADS",
    "rounds": $ROUNDS,
    "seconds": $((END - START)),
    "shared_note": """${SHARED_NOTE:-}""",
}, open(sys.argv[1], "w"), indent=2)
EOF

echo
echo "== ours / peer (run took $((END - START)) s including the build) =="
python3 report.py --results "$RESULTS"
