#!/usr/bin/env bash
# libFuzzer targets of Fuzz/ (address sanitizer on).
#
#   Scripts/fuzz.sh --list              the target names, one a line
#   Scripts/fuzz.sh TARGET SECONDS      build TARGET and run it for SECONDS
#   Scripts/fuzz.sh all SECONDS         build every target and run each for SECONDS
#
# Each run starts from seeds copied out of Fixtures/ (Scripts/fuzz-seeds.py) into a temporary corpus folder,
# deleted afterwards; set FUZZ_CORPUS=DIR to keep the corpus in DIR/TARGET instead. Crashing, leaking or
# timing-out inputs are written to .build-fuzz/artifacts/. The exit status is non-zero when any run found a crash,
# a leak or a timeout (or the build failed). Extra libFuzzer flags can be given in FUZZ_FLAGS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$root/.build-fuzz"
targets=()
while IFS= read -r name; do targets+=("$name"); done < <(
    sed -n '/^let fuzzTargets/,/^]/p' "$root/Fuzz/Package.swift" | grep -o '"Fuzz[A-Za-z0-9]*"' | tr -d '"'
)

usage() {
    echo "usage: $0 --list | TARGET SECONDS | all SECONDS" >&2
    exit 2
}

if [[ "${1:-}" == "--list" ]]; then
    printf '%s\n' "${targets[@]}"
    exit 0
fi
[[ $# -eq 2 && "$2" =~ ^[0-9]+$ && "$2" -gt 0 ]] || usage
selected=()
if [[ "$1" == "all" ]]; then
    selected=("${targets[@]}")
else
    for name in "${targets[@]}"; do [[ "$name" == "$1" ]] && selected=("$1"); done
    [[ ${#selected[@]} -eq 1 ]] || { echo "$0: no fuzz target '$1' (see --list)" >&2; exit 2; }
fi
seconds="$2"

build=(swift build -c release --package-path "$root/Fuzz" --scratch-path "$scratch"
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
if [[ ${#selected[@]} -eq 1 ]]; then build+=(--product "${selected[0]}"); fi
echo "== building ${#selected[@]} fuzz target(s)"
"${build[@]}"
bin="$("${build[@]}" --show-bin-path)"

mkdir -p "$scratch/artifacts"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=()
for name in "${selected[@]}"; do
    corpus="$work/$name"
    [[ -n "${FUZZ_CORPUS:-}" ]] && corpus="$FUZZ_CORPUS/$name"
    mkdir -p "$corpus"
    python3 "$root/Scripts/fuzz-seeds.py" "$name" "$corpus"
    echo "== $name for ${seconds}s"
    log="$work/$name.log"
    status=0
    # -max_len reaches the body limit (1 MiB) and the token limit; -timeout is per input; leaks are detected
    # (libFuzzer's -detect_leaks=1 is the default with the address sanitizer).
    # shellcheck disable=SC2086
    "$bin/$name" "$corpus" \
        -max_total_time="$seconds" -max_len=1048576 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$scratch/artifacts/$name-" ${FUZZ_FLAGS:-} \
        >"$log" 2>&1 || status=$?
    # The figures: executions, coverage (edges), features and corpus size at the end of the run.
    executions="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)"
    last="$(grep -E '^#[0-9]+' "$log" | tail -1 || true)"
    coverage="$(grep -o 'cov: [0-9]*' <<<"$last" | grep -o '[0-9]*' || true)"
    features="$(grep -o 'ft: [0-9]*' <<<"$last" | grep -o '[0-9]*' || true)"
    units="$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' <<<"$last" | sed 's/corp: //' || true)"
    rss="$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)"
    echo "$name: ${seconds}s, ${executions:-?} executions, coverage ${coverage:-?} edges, ${features:-?} features," \
        "corpus ${units:-?}, peak RSS ${rss:-?} MB, exit status $status"
    if [[ $status -ne 0 ]]; then
        failed+=("$name")
        echo "---- $name failed; the end of libFuzzer's output:"
        grep -v '^#[0-9]' "$log" | tail -60
        ls -1 "$scratch/artifacts/$name-"* 2>/dev/null || true
    fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
    echo "== FAILED: ${failed[*]} (a crash, a leak or a timeout; inputs in $scratch/artifacts/)"
    exit 1
fi
echo "== every run clean"
