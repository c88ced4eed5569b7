#!/usr/bin/env bash
# Counts the public API of the verification vocabulary (WebhookCore, WebhookCrypto, WebhookKit) from the symbol
# graphs of the debug build: every public symbol (types, members, enum cases, protocol requirements and default
# implementations), without compiler-synthesized members and without `@_spi` symbols. WebhookValues (the
# models' lenient values) is counted on a line of its own.
#
#   Scripts/public-api.sh                 the counts
#   Scripts/public-api.sh --list          and every symbol, one a line
#   Scripts/public-api.sh --max N         fail when the three modules together declare more than N
set -euo pipefail
cd "$(dirname "$0")/.."
list=0
max=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --list) list=1 ;;
        --max) max="$2"; shift ;;
        *) echo "usage: $0 [--list] [--max N]" >&2; exit 2 ;;
    esac
    shift
done
swift build --target WebhookKit >/dev/null
bin="$(swift build --show-bin-path)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for module in WebhookCore WebhookCrypto WebhookKit WebhookValues; do
    swift-symbolgraph-extract -module-name "$module" -I "$bin/Modules" -I Sources/COpenSSL \
        -Xcc -fmodule-map-file="$bin/CWebhookCryptoShims.build/module.modulemap" \
        -target "$(uname -m)-unknown-linux-gnu" -minimum-access-level public -skip-synthesized-members \
        -output-dir "$out"
done
python3 - "$out" "$list" "$max" <<'PY'
import glob, json, sys
folder, show, limit = sys.argv[1], sys.argv[2] == "1", sys.argv[3]
counts, names = {}, []
for path in sorted(glob.glob(f"{folder}/*.symbols.json")):
    module = path.rsplit("/", 1)[1].split(".")[0].split("@")[0]
    symbols = json.load(open(path))["symbols"]
    counts[module] = counts.get(module, 0) + len(symbols)
    names += [f"{module} {s['kind']['identifier'].removeprefix('swift.')} {'.'.join(s['pathComponents'])}" for s in symbols]
vocabulary = sum(counts.get(m, 0) for m in ("WebhookCore", "WebhookCrypto", "WebhookKit"))
for module in ("WebhookCore", "WebhookCrypto", "WebhookKit"):
    print(f"{module}: {counts.get(module, 0)}")
print(f"verification vocabulary (the three together): {vocabulary}")
print(f"WebhookValues (model values, counted apart): {counts.get('WebhookValues', 0)}")
if show:
    print("\n".join(sorted(names)))
if limit and vocabulary > int(limit):
    print(f"FAILED: {vocabulary} public symbols, more than {limit}", file=sys.stderr)
    sys.exit(1)
PY
