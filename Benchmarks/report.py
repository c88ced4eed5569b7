#!/usr/bin/env python3
"""Turns one run of WebhookKit's benchmarks into the ours/peer report (issue 6).

Reads the JMH export of package-benchmark (`--format jmh`), the machine facts and the optional `openssl speed`
reference that `run.sh` collects, prints one line per goal pair, and writes `Docs/Performance.md` and its SVG chart.

Standard library only. Usage (run.sh does this):

    python3 report.py --results results --markdown ../Docs/Performance.md --chart ../Docs/Performance.svg

Figures: every benchmark records `opsPerSample` (its inner loop), `bytesPerOp` and `cpuNanoseconds` (the process's
CPU time during the sample). Per operation: the median (p50) of a sample's CPU time, wall-clock time or malloc count,
divided by opsPerSample. Single-task comparisons use CPU time, which does not count the time the process waited for a
core on a busy machine; wall-clock figures are shown next to them. The two-task scaling goal uses wall-clock time
(it is about getting more done per second of real time). Medians resist the outliers of a shared machine.
"""

import argparse
import glob
import html
import json
import os
import sys

# ---------------------------------------------------------------------------------------------------------------
# What is compared. Benchmark names are "<target>/<name>/<who>", exactly as in Benchmarks/Benchmarks/*.

OURS = "WebhookKit"


def key(target, name):
    return f"{target}/{name}"


# (label, ours, peer, goal ratio ours/peer, unit) ; unit "hmac" also prints MB/s.
RATIO_GOALS = [
    ("HMAC-SHA256 verify, 1 KiB body", key("HMAC", "HMAC-SHA256 verify 1 KiB/WebhookKit"),
     key("HMAC", "HMAC-SHA256 verify 1 KiB/swift-crypto"), 2.5, "hmac"),
    ("HMAC-SHA256 verify, 64 KiB body", key("HMAC", "HMAC-SHA256 verify 64 KiB/WebhookKit"),
     key("HMAC", "HMAC-SHA256 verify 64 KiB/swift-crypto"), 1.0, "hmac"),
    ("HMAC-SHA256 verify, 1 MiB body", key("HMAC", "HMAC-SHA256 verify 1 MiB/WebhookKit"),
     key("HMAC", "HMAC-SHA256 verify 1 MiB/swift-crypto"), 1.0, "hmac"),
    ("JWT HS256 verify with exp", key("JWT", "JWT HS256 verify with exp/WebhookKit"),
     key("JWT", "JWT HS256 verify with exp/jwt-kit"), 4.0, "ops"),
    ("JWT RS256 (2048-bit) verify with exp", key("JWT", "JWT RS256 verify with exp/WebhookKit"),
     key("JWT", "JWT RS256 verify with exp/jwt-kit"), 1.8, "ops"),
    ("JWT ES256 verify with exp", key("JWT", "JWT ES256 verify with exp/WebhookKit"),
     key("JWT", "JWT ES256 verify with exp/jwt-kit"), 1.3, "ops"),
]

# (label, two tasks, one task, goal, peer two tasks, peer one task)
SCALING_GOALS = [
    ("Two tasks vs one: HMAC-SHA256 1 KiB",
     key("HMAC", "HMAC-SHA256 verify 1 KiB, 4000 from 2 tasks/WebhookKit"),
     key("HMAC", "HMAC-SHA256 verify 1 KiB, 4000 from 1 task/WebhookKit"), 1.8,
     key("HMAC", "HMAC-SHA256 verify 1 KiB, 4000 from 2 tasks/swift-crypto"),
     key("HMAC", "HMAC-SHA256 verify 1 KiB, 4000 from 1 task/swift-crypto")),
    ("Two tasks vs one: JWT HS256",
     key("JWT", "JWT HS256 verify, 2000 from 2 tasks/WebhookKit"),
     key("JWT", "JWT HS256 verify, 2000 from 1 task/WebhookKit"), 1.8,
     key("JWT", "JWT HS256 verify, 2000 from 2 tasks/jwt-kit"),
     key("JWT", "JWT HS256 verify, 2000 from 1 task/jwt-kit")),
]

# The goals measured paired (BenchmarkSupport/Paired.swift: both sides in every sample): the goal's figure is the
# median of the samples' ratios (per round, then the median round). Goals without one use the separate benchmarks.
PAIRED = {
    "JWT HS256 verify with exp": key("JWT", "JWT HS256 verify with exp, paired, WebhookKit over jwt-kit/info"),
    "JWT RS256 (2048-bit) verify with exp":
        key("JWT", "JWT RS256 verify with exp, paired, WebhookKit over jwt-kit/info"),
    "JWT ES256 verify with exp": key("JWT", "JWT ES256 verify with exp, paired, WebhookKit over jwt-kit/info"),
    "Two tasks vs one: HMAC-SHA256 1 KiB":
        key("HMAC", "HMAC-SHA256 verify 1 KiB, 4000, paired, 2 tasks over 1 task/info"),
    "Two tasks vs one: JWT HS256": key("JWT", "JWT HS256 verify, 2000, paired, 2 tasks over 1 task/info"),
    "Full path, Confluence page_updated (HMAC mode) vs `ConfluenceEvent.decode` alone, same body":
        key("Vendors", "Confluence HMAC full path over decode alone, page_updated, paired/info"),
}

HMAC_OURS = [key("HMAC", f"HMAC-SHA256 verify {size}/WebhookKit") for size in ("1 KiB", "64 KiB", "1 MiB")]
HMAC_MALLOC_GOAL = 2

DECODE_ALONE = key("Events", "Confluence page event decode/JSONDecoder")
PROXIES = [
    ("Confluence HMAC mode: X-Hub-Signature check + decode (proxy)",
     key("Events", "Confluence page event HMAC verify + decode (proxy)/info")),
    ("Confluence Connect mode: JWT HS256 check + decode (proxy)",
     key("Events", "Confluence page event JWT verify + decode (proxy)/info")),
]
REGISTRY = key("Events", "Registry lookup, 5 names/WebhookKit")
HARNESS = key("Events", "Harness, empty sample/info")

NOT_YET = []

# The vendors' full paths (raw WebhookRequest -> typed event, the verifier's async verify) and their decoding alone
# (`<Vendor>Event.decode(from:eventName:)` on the same bytes). (label, full path, decode alone)
V = "Vendors"
VENDOR_PATHS = [
    ("HipChat, room_message: JWT HS256 in Authorization",
     key(V, "HipChat full path, room_message (JWT HS256 header)/WebhookKit"),
     key(V, "HipChat decode alone, room_message/WebhookKit")),
    ("Confluence, page_updated: HMAC X-Hub-Signature",
     key(V, "Confluence HMAC full path, page_updated/WebhookKit"),
     key(V, "Confluence decode alone, page_updated/WebhookKit")),
    ("Confluence, page_updated: Connect JWT HS256 + qsh",
     key(V, "Confluence Connect full path, page_updated (JWT HS256 + qsh)/WebhookKit"),
     key(V, "Confluence decode alone, page_updated/WebhookKit")),
    ("R-Service, request.update: RS256 {\"jwt\"} body",
     key(V, 'R-Service full path, request.update (RS256 {"jwt"} body)/WebhookKit'),
     key(V, "R-Service decode alone, request.update/WebhookKit")),
    ("ApiTree, api.created: default scheme (HMAC-SHA1, URL then body)",
     key(V, "ApiTree full path, api.created (default scheme)/WebhookKit"),
     key(V, "ApiTree decode alone, api.created/WebhookKit")),
]
# The goal "full verify-and-decode of a signed Confluence page event >= 0.9x of decoding alone": ops/s (CPU) of the
# HMAC-mode full path over ops/s (CPU) of ConfluenceEvent.decode alone, same 580-byte fixture body.
CONFLUENCE_GOAL = ("Full path, Confluence page_updated (HMAC mode) vs `ConfluenceEvent.decode` alone, same body",
                   VENDOR_PATHS[1][1], VENDOR_PATHS[1][2], 0.9)
CONFLUENCE_JSONDECODER = key(V, "Confluence JSONDecoder plain struct, page_updated/WebhookKit")

# Which `openssl speed` figure bounds which benchmark (ops/s of the same operation).
OPENSSL_CEILING = {
    key("HMAC", "HMAC-SHA256 verify 1 KiB/WebhookKit"): ("hmac_sha256_1024", "HMAC-SHA256, 1 KiB"),
    key("HMAC", "HMAC-SHA256 verify 64 KiB/WebhookKit"): ("sha256_16384", "SHA-256, 16 KiB blocks"),
    key("HMAC", "HMAC-SHA256 verify 1 MiB/WebhookKit"): ("sha256_16384", "SHA-256, 16 KiB blocks"),
    key("JWT", "JWT RS256 verify with exp/WebhookKit"): ("rsa2048_verify", "RSA-2048 verify"),
    key("JWT", "JWT ES256 verify with exp/WebhookKit"): ("ecdsap256_verify", "ECDSA P-256 verify"),
}

# ---------------------------------------------------------------------------------------------------------------
# Reading


class Result:
    def __init__(self, target, name, element):
        self.target = target
        self.name = name
        self.samples = element.get("measurementIterations", 0)
        metrics = element.get("secondaryMetrics", {})

        def p(metric, percentile="50.0"):
            data = metrics.get(metric)
            if not data:
                return None
            return data["scorePercentiles"].get(percentile)

        self.ops_per_sample = p("opsPerSample") or 1
        self.bytes_per_op = p("bytesPerOp") or 0
        wall_p50 = p("Time (wall clock)")
        wall_p90 = p("Time (wall clock)", "90.0")
        cpu_p50 = p("cpuNanoseconds")
        cpu_p90 = p("cpuNanoseconds", "90.0")
        # The JMH export gives the wall clock in microseconds per sample, custom metrics as recorded (nanoseconds).
        self.wall_per_op = wall_p50 / 1e6 / self.ops_per_sample if wall_p50 else None
        self.wall_per_op_p90 = wall_p90 / 1e6 / self.ops_per_sample if wall_p90 else None
        self.cpu_per_op = cpu_p50 / 1e9 / self.ops_per_sample if cpu_p50 else None
        self.cpu_per_op_p90 = cpu_p90 / 1e9 / self.ops_per_sample if cpu_p90 else None
        # Single-task figures are per CPU second when the run recorded CPU time.
        self.seconds_per_op = self.cpu_per_op or self.wall_per_op
        paired_permille = p("pairedRatioPermille")
        self.paired_ratio = paired_permille / 1000 if paired_permille else None
        mallocs = p("Malloc (total)")
        self.mallocs_per_op = mallocs / self.ops_per_sample if mallocs is not None else None

    @property
    def who(self):
        return self.name.rsplit("/", 1)[-1]

    @property
    def what(self):
        return self.name.rsplit("/", 1)[0]

    @property
    def ops(self):
        return 1 / self.seconds_per_op if self.seconds_per_op else None

    @property
    def ops_wall(self):
        return 1 / self.wall_per_op if self.wall_per_op else None

    @property
    def mb_per_s(self):
        return self.ops * self.bytes_per_op / 1e6 if self.ops and self.bytes_per_op else None


def read_results(directory):
    """Every result of every round: "<target>/<name>/<who>" -> [Result], one per round (results/round-N/)."""
    results = {}
    files = sorted(glob.glob(os.path.join(directory, "*.jmh.json")) +
                   glob.glob(os.path.join(directory, "round-*", "*.jmh.json")))
    if not files:
        sys.exit(f"report.py: no *.jmh.json in {directory}; run ./run.sh first")
    for path in files:
        with open(path, encoding="utf-8") as f:
            elements = json.load(f)
        for element in elements:
            full = element["benchmark"]
            prefix = "package.benchmark."
            if full.startswith(prefix):
                full = full[len(prefix):]
            target, _, name = full.partition(".")
            # The JMH export replaces spaces with underscores (names with underscores: see lookup).
            name = name.replace("_", " ")
            results.setdefault(key(target, name), []).append(Result(target, name, element))
    return results


def lookup(results, wanted, by="cpu"):
    """The best round of a benchmark ("<target>/<name>/<who>"), by CPU or wall-clock time per operation; None when
    the run did not have it. Best-of-rounds filters out rounds slowed by other work on the machine."""
    # The JMH export writes spaces as underscores, so names with underscores are looked up with spaces.
    rounds = results.get(wanted) or results.get(wanted.replace("_", " "))
    if not rounds:
        return None
    if by == "wall":
        return min(rounds, key=lambda r: r.wall_per_op or float("inf"))
    return min(rounds, key=lambda r: r.seconds_per_op or float("inf"))


def spread(results, wanted):
    """min and max ops/s (CPU) over the rounds of a benchmark."""
    values = [r.ops for r in results.get(wanted, []) if r.ops]
    return (min(values), max(values)) if values else (None, None)


def read_json(path, default):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


# ---------------------------------------------------------------------------------------------------------------
# Formatting


def fmt_ops(value):
    if value is None:
        return "–"
    if value >= 1e6:
        return f"{value / 1e6:.2f}M/s"
    if value >= 1e4:
        return f"{value / 1e3:.1f}k/s"
    if value >= 1e3:
        return f"{value / 1e3:.2f}k/s"
    return f"{value:.0f}/s"


def fmt_rate(result, unit):
    if result is None:
        return "not measured"
    if unit == "hmac" and result.mb_per_s:
        return f"{result.mb_per_s:,.0f} MB/s ({fmt_ops(result.ops)})"
    return fmt_ops(result.ops)


def fmt_time(seconds):
    if seconds is None:
        return "–"
    if seconds < 1e-6:
        return f"{seconds * 1e9:.0f} ns"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.2f} µs"
    return f"{seconds * 1e3:.2f} ms"


def fmt_mallocs(value):
    if value is None:
        return "–"
    if abs(value - round(value)) < 0.05:
        return f"{round(value)}"
    return f"{value:.2f}"


# ---------------------------------------------------------------------------------------------------------------
# Evaluation


def machine_busy(machine):
    """The 1-minute load average before the run, if it exceeded the cores: two tasks then cannot get two cores."""
    try:
        load = float(str(machine.get("load_before", "")).split()[0])
        cores = int(machine.get("nproc", 0))
    except (ValueError, IndexError):
        return None
    return load if cores and load > 0.75 * cores else None


def rounds_of(results, wanted):
    """Every round's result of a benchmark, in round order (names with underscores: see lookup)."""
    return results.get(wanted) or results.get(wanted.replace("_", " ")) or []


def paired(results, first_key, second_key, by="cpu"):
    """first/second, paired within each round, then the median round.

    The two sides of a pair run seconds apart in the same round; this machine's speed changes between rounds (by
    up to 40 %), so best-of-rounds for each side separately can pair a fast phase of one with a slow phase of the
    other. Returns (ratio, first, second, per-round ratios); the results are those of the median round."""
    def rate(result):
        return result.ops_wall if by == "wall" else result.ops
    pairs = [(f, s) for f, s in zip(rounds_of(results, first_key), rounds_of(results, second_key))
             if rate(f) and rate(s)]
    if not pairs:
        return None, lookup(results, first_key, by), lookup(results, second_key, by), []
    ratios = [rate(f) / rate(s) for f, s in pairs]
    ordered = sorted(zip(ratios, pairs), key=lambda item: item[0])
    ratio, (first, second) = ordered[(len(ordered) - 1) // 2]
    return ratio, first, second, ratios


def paired_goal(results, label):
    """(median ratio, per-round medians) of the goal's paired benchmark, or (None, []) when it has none."""
    wanted = PAIRED.get(label)
    values = [r.paired_ratio for r in rounds_of(results, wanted)] if wanted else []
    values = [v for v in values if v]
    if not values:
        return None, []
    return sorted(values)[(len(values) - 1) // 2], values


def apply_paired(row, results, label):
    """Takes the verdict from the paired benchmark when the goal has one; keeps the separate figures beside it."""
    ratio, values = paired_goal(results, label)
    if ratio is None:
        return row
    row["separate_ratio"] = row.get("ratio")
    row["ratio"] = ratio
    row["label"] = label + " (paired in every sample; median per round: " + ", ".join(
        f"{v:.2f}" for v in values) + ")"
    if row.get("verdict") != "NOT JUDGED":
        row["verdict"] = "PASS" if ratio >= row["goal"] else "MISS"
    return row


def rounds_note(ratios):
    return "" if len(ratios) < 2 else " (median of the rounds' paired ratios: " + ", ".join(
        f"{r:.2f}" for r in ratios) + ")"


def evaluate(results, machine=None):
    busy = machine_busy(machine or {})
    rows = []  # dicts: label, ours, peer, ratio, goal, goal_text, verdict, detail
    for label, ours_key, peer_key, goal, unit in RATIO_GOALS:
        ratio, ours, peer, ratios = paired(results, ours_key, peer_key)
        wall_ratio = ours.ops_wall / peer.ops_wall if ours and peer and ours.ops_wall and peer.ops_wall else None
        rows.append(apply_paired(dict(wall_ratio=wall_ratio,
            label=label + rounds_note(ratios), kind="ratio", ours=fmt_rate(ours, unit), peer=fmt_rate(peer, unit),
            ratio=ratio, goal=goal, goal_text=f"≥ {goal:g}×", peer_name=peer_key.rsplit("/", 1)[-1],
            verdict=None if ratio is None else ("PASS" if ratio >= goal else "MISS"),
            mallocs=(ours.mallocs_per_op if ours else None, peer.mallocs_per_op if peer else None)), results, label))
    for label, two_key, one_key, goal, peer_two_key, peer_one_key in SCALING_GOALS:
        # Wall-clock ops/s: the goal is more work per second of real time.
        ratio, two, one, ratios = paired(results, two_key, one_key, "wall")
        peer_ratio, peer_two, peer_one, _ = paired(results, peer_two_key, peer_one_key, "wall")
        cpu_note = None
        if two and one and two.cpu_per_op and one.cpu_per_op:
            cpu_note = (f"CPU time per verification {fmt_time(one.cpu_per_op)} with 1 task, "
                        f"{fmt_time(two.cpu_per_op)} with 2")
        rows.append(apply_paired(dict(
            cpu_note=cpu_note,
            label=label + rounds_note(ratios), kind="scaling",
            ours=f"{fmt_ops(two.ops_wall if two else None)} vs {fmt_ops(one.ops_wall if one else None)}",
            peer=(f"{peer_ratio:.2f}× ({fmt_ops(peer_two.ops_wall)} vs {fmt_ops(peer_one.ops_wall)})"
                  if peer_ratio else "–"),
            ratio=ratio, goal=goal, goal_text=f"≥ {goal:g}× (2 tasks / 1)", peer_name="peer, same test",
            verdict=None if ratio is None else ("NOT JUDGED" if busy else ("PASS" if ratio >= goal else "MISS")),
            busy=busy, nproc=(machine or {}).get("nproc", "?"), mallocs=(None, None)), results, label))
    label, full_key, alone_key, goal = CONFLUENCE_GOAL
    ratio, full, alone, ratios = paired(results, full_key, alone_key)
    wall_ratio = full.ops_wall / alone.ops_wall if full and alone and full.ops_wall and alone.ops_wall else None
    rows.append(apply_paired(dict(wall_ratio=wall_ratio, label=label + rounds_note(ratios), kind="ratio",
        ours=fmt_rate(full, "ops"),
        peer=fmt_rate(alone, "ops"), ratio=ratio, goal=goal, goal_text=f"≥ {goal:g}×", peer_name="decode alone",
        verdict=None if ratio is None else ("PASS" if ratio >= goal else "MISS"),
        mallocs=(full.mallocs_per_op if full else None, alone.mallocs_per_op if alone else None)), results, label))
    hmac = [lookup(results, k) for k in HMAC_OURS]
    hmac_mallocs = [r.mallocs_per_op for r in hmac if r and r.mallocs_per_op is not None]
    worst = max(hmac_mallocs) if hmac_mallocs else None
    rows.append(dict(
        label="Mallocs per HMAC verification (ours, worst of 1 KiB / 64 KiB / 1 MiB)", kind="mallocs",
        ours=("/".join(fmt_mallocs(m) for m in hmac_mallocs) if hmac_mallocs else "not measured"),
        peer="–", ratio=worst, goal=HMAC_MALLOC_GOAL, goal_text=f"≤ {HMAC_MALLOC_GOAL}", peer_name="",
        verdict=None if worst is None else ("PASS" if worst <= HMAC_MALLOC_GOAL + 0.05 else "MISS"),
        mallocs=(None, None)))
    return rows


def console_lines(rows):
    lines = []
    for row in rows:
        if row["verdict"] is None:
            lines.append(f"{row['label']}: not measured (goal {row['goal_text']})")
        elif row["kind"] == "ratio":
            wall = f"; wall-clock ratio {row['wall_ratio']:.2f}" if row.get("wall_ratio") else ""
            lines.append(f"{row['label']}: ours {row['ours']}, peer {row['peer']}, "
                         f"ratio ours/peer {row['ratio']:.2f} (goal {row['goal_text']}) {row['verdict']}{wall}")
        elif row["kind"] == "scaling":
            cpu = f"; {row['cpu_note']}" if row.get("cpu_note") else ""
            if row["verdict"] == "NOT JUDGED":
                cpu += f" (machine busy: load {row['busy']:g} on {row['nproc']} cores, no free second core)"
            lines.append(f"{row['label']}: ours 2 tasks vs 1 task {row['ours']}, ratio {row['ratio']:.2f} "
                         f"(goal {row['goal_text']}) {row['verdict']}; peer {row['peer']}{cpu}")
        else:
            lines.append(f"{row['label']}: ours {row['ours']} (goal {row['goal_text']}) {row['verdict']}")
    for label, goal, why in NOT_YET:
        lines.append(f"{label}: not measured yet (goal {goal}): {why}")
    return lines


# ---------------------------------------------------------------------------------------------------------------
# SVG chart (hand-written, no libraries)


def svg_chart(rows):
    bars = [r for r in rows if r["kind"] in ("ratio", "scaling") and r["ratio"] is not None]
    width, left, right, top, row_h, bar_h = 960, 380, 130, 72, 34, 18
    height = top + row_h * len(bars) + 46
    scale_max = max([1.0] + [max(r["ratio"], r["goal"]) for r in bars]) * 1.08
    plot_w = width - left - right

    def x(value):
        return left + plot_w * value / scale_max

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" font-size="13">',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        '<text x="12" y="22" font-size="15" font-weight="bold">WebhookKit / peer (two tasks / one task for '
        'scaling), higher is better</text>',
        '<text x="12" y="42" fill="#555">Bar: measured ratio (median; CPU time; wall clock for scaling). '
        'Black tick: the goal. Green: met; red: missed; grey: not judged.</text>',
    ]
    # grid
    step = 0.5 if scale_max <= 4 else 1.0
    value = 0.0
    while value <= scale_max:
        gx = x(value)
        out.append(f'<line x1="{gx:.1f}" y1="{top - 6}" x2="{gx:.1f}" y2="{height - 40}" '
                   f'stroke="{"#999" if value == 1.0 else "#e4e4e4"}" stroke-width="1"/>')
        out.append(f'<text x="{gx:.1f}" y="{height - 24}" text-anchor="middle" fill="#555">{value:g}×</text>')
        value += step
    for i, r in enumerate(bars):
        y = top + i * row_h
        colour = {"PASS": "#2e7d32", "MISS": "#c62828"}.get(r["verdict"], "#9e9e9e")
        label = r["label"] if r["kind"] == "scaling" else f'{r["label"]} (vs {r["peer_name"]})'
        out.append(f'<text x="{left - 8}" y="{y + bar_h - 4}" text-anchor="end">{html.escape(label)}</text>')
        out.append(f'<rect x="{left}" y="{y}" width="{max(1.0, x(r["ratio"]) - left):.1f}" height="{bar_h}" '
                   f'fill="{colour}"/>')
        gx = x(r["goal"])
        out.append(f'<line x1="{gx:.1f}" y1="{y - 4}" x2="{gx:.1f}" y2="{y + bar_h + 4}" stroke="#000" '
                   f'stroke-width="3"/>')
        out.append(f'<text x="{x(max(r["ratio"], r["goal"])) + 8:.1f}" y="{y + bar_h - 4}">'
                   f'{r["ratio"]:.2f}× ({html.escape(r["goal_text"].split(" (")[0])})</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------------------------
# Markdown


def markdown(rows, results, machine, openssl, notes, chart_name):
    md = []
    md.append("# Performance")
    md.append("")
    md.append("<!-- Generated by Benchmarks/report.py from one run of Benchmarks/run.sh; edit "
              "Benchmarks/Performance-notes.md or the script, not this file. -->")
    md.append("")
    md.append("WebhookKit against what a Swift server would otherwise use, measured side by side in one run of the "
              "benchmark package (`Benchmarks/`, ordo-one/benchmark): swift-crypto 4's "
              "`HMAC<SHA256>.isValidAuthenticationCode`, jwt-kit 5.8's `JWTKeyCollection.verify` and Foundation's "
              "`JSONDecoder`. The goals are those of issue 6. Ratios are ours / peer in ops/s (higher is better).")
    md.append("")
    when = machine.get("date", "unknown date")
    load = machine.get("load_before", "?")
    load_after = machine.get("load_after", "?")
    rounds = machine.get("rounds", 1)
    md.append(f"**This run:** {when}, on the machine below, release build, {rounds} round"
              f"{'' if rounds == 1 else 's'} of the suite (each benchmark's best round is reported). Load average "
              f"before the run {load}, after it {load_after} (1/5/15 min) on {machine.get('nproc', '?')} cores"
              f"{'; per round: ' + machine['round_loads'] if machine.get('round_loads') and rounds > 1 else ''}.")
    if machine.get("shared_note"):
        md.append("")
        md.append(f"> {machine['shared_note']}")
    md.append("")
    md.append("## Goals")
    md.append("")
    md.append("Ours and peer in ops per CPU second (MB/s for HMAC), from the separate benchmarks (each side's best "
              "round). The bold ratio decides the result: for a goal marked \"paired in every sample\" it is the "
              "median of the ratios of a paired benchmark, which runs both sides in every sample (see \"How the "
              "figures are made\" below); otherwise the median of the rounds' ratios of the separate benchmarks. "
              "The wall-clock ratio of the separate benchmarks is shown for comparison. Scaling compares "
              "wall-clock ops/s.")
    md.append("")
    md.append("| Goal | Ours | Peer | Ratio (CPU) | Ratio (wall) | Goal | Result |")
    md.append("|---|---|---|---|---|---|---|")
    for r in rows:
        if r["verdict"] is None:
            md.append(f"| {r['label']} | not measured | | | | {r['goal_text']} | not measured |")
            continue
        if r["kind"] == "ratio":
            wall = f"{r['wall_ratio']:.2f}×" if r.get("wall_ratio") else "–"
            md.append(f"| {r['label']} | {r['ours']} | {r['peer_name']}: {r['peer']} | **{r['ratio']:.2f}×** | "
                      f"{wall} | {r['goal_text']} | {r['verdict']} |")
        elif r["kind"] == "scaling":
            note = f" ({r['cpu_note']})" if r.get("cpu_note") else ""
            if r["verdict"] == "NOT JUDGED":
                r = dict(r, verdict=f"not judged: load {r['busy']:g} on {r['nproc']} cores left no free second core")
            md.append(f"| {r['label']} | 2 tasks {r['ours'].replace(' vs ', ', 1 task ')}{note} | {r['peer']} | "
                      f"| **{r['ratio']:.2f}×** | {r['goal_text']} | {r['verdict']} |")
        else:
            md.append(f"| {r['label']} | {r['ours']} | | | | {r['goal_text']} | {r['verdict']} |")
    for label, goal, why in NOT_YET:
        md.append(f"| {label} | not measured yet | | | | {goal} | not measured yet: {why} |")
    md.append("")
    md.append(f"![Ratios ours/peer against the goals]({chart_name})")
    md.append("")

    # Verify and decode proxies
    alone = lookup(results, DECODE_ALONE)
    md.append("## Verification next to decoding")
    md.append("")
    md.append("The stand-ins used before the vendor verifiers existed, kept for continuity: the signature check of "
              "each Confluence mode done with WebhookCrypto, then `WebhookJSON.decode` into a plain model, on the "
              "759-byte `page_updated` event. They are not the goal's measurement (see the vendor table below).")
    md.append("")
    md.append("| Path | ops/s (CPU) | CPU per event | mallocs | vs decoding alone |")
    md.append("|---|---|---|---|---|")
    if alone:
        md.append(f"| Decoding alone: `JSONDecoder` into a plain struct | {fmt_ops(alone.ops)} | "
                  f"{fmt_time(alone.seconds_per_op)} | {fmt_mallocs(alone.mallocs_per_op)} | 1.00× |")
    for label, k in [("`WebhookJSON.decode` alone (same model)",
                      key("Events", "Confluence page event decode, WebhookJSON/info"))] + PROXIES:
        r = lookup(results, k)
        if r and alone:
            md.append(f"| {label} | {fmt_ops(r.ops)} | {fmt_time(r.seconds_per_op)} | "
                      f"{fmt_mallocs(r.mallocs_per_op)} | {r.ops / alone.ops:.2f}× |")
    md.append("")

    # Vendors
    md.append("## Each vendor: raw request to typed event, and decoding alone")
    md.append("")
    md.append("Full path: the vendor verifier's async `verify(_:eventName:)` on a `WebhookRequest` signed once in "
              "setup with the vendor's `*RequestSigner` (token lifetime a year; R-Service with a replay store that "
              "accepts every `jti`, the others without one), through to the typed event. Decoding alone: "
              "`<Vendor>Event.decode(from:eventName:)` on the same bytes (for R-Service, the message inside the "
              "token). Bodies are the fixtures `Fixtures/<vendor>/events/…`; Confluence gets the event name "
              "`page_updated` from the caller in both. No issue goal except the Confluence row marked in the goal "
              "table (HMAC mode).")
    md.append("")
    md.append("| Vendor path | body bytes | full path ops/s (CPU) | CPU per request | mallocs | decode alone ops/s "
              "(CPU) | CPU per event | mallocs | full / decode alone | verification's CPU |")
    md.append("|---|---|---|---|---|---|---|---|---|---|")
    for label, full_key, alone_key in VENDOR_PATHS:
        full, alone = lookup(results, full_key), lookup(results, alone_key)
        if not full or not alone:
            md.append(f"| {label} | | not measured | | | | | | | |")
            continue
        md.append(f"| {label} | {int(full.bytes_per_op)} | {fmt_ops(full.ops)} | {fmt_time(full.seconds_per_op)} | "
                  f"{fmt_mallocs(full.mallocs_per_op)} | {fmt_ops(alone.ops)} | {fmt_time(alone.seconds_per_op)} | "
                  f"{fmt_mallocs(alone.mallocs_per_op)} | {full.ops / alone.ops:.2f}× | "
                  f"{fmt_time(max(full.seconds_per_op - alone.seconds_per_op, 0))} |")
    plain = lookup(results, CONFLUENCE_JSONDECODER)
    confluence_alone = lookup(results, VENDOR_PATHS[1][2])
    if plain and confluence_alone:
        md.append("")
        md.append(f"For scale: `JSONDecoder` into a plain 12-field struct (`PlainConfluencePageEvent`) decodes the "
                  f"same 580-byte body at {fmt_ops(plain.ops)} ({fmt_time(plain.seconds_per_op)}, "
                  f"{fmt_mallocs(plain.mallocs_per_op)} mallocs); `ConfluenceEvent.decode` takes "
                  f"{plain.ops / confluence_alone.ops:.1f}× as long, which is why verification is a small share "
                  f"of the full path.")
    md.append("")

    # OpenSSL ceiling
    if openssl:
        md.append("## Against OpenSSL itself")
        md.append("")
        md.append("`openssl speed -seconds 1` on the same machine just before the benchmarks. Like the CPU-time "
                  "figures here it counts CPU time; it is the ceiling for what a wrapper of OpenSSL can reach.")
        md.append("")
        md.append("| Ours | ours | `openssl speed` | ours / OpenSSL |")
        md.append("|---|---|---|---|")
        for k, (speed_key, speed_label) in OPENSSL_CEILING.items():
            r = lookup(results, k)
            ceiling = openssl.get(speed_key)
            if not r or not ceiling:
                continue
            if speed_key.startswith(("hmac", "sha")):
                ours_v, ceil_v = r.mb_per_s, ceiling / 1e6
                md.append(f"| {r.what} | {ours_v:,.0f} MB/s | {speed_label}: {ceil_v:,.0f} MB/s | "
                          f"{ours_v / ceil_v:.2f} |")
            else:
                md.append(f"| {r.what} | {fmt_ops(r.ops)} | {speed_label}: {fmt_ops(ceiling)} | "
                          f"{r.ops / ceiling:.2f} |")
        md.append("")

    # Every benchmark
    md.append("## Every benchmark of the run")
    md.append("")
    md.append("Per operation: CPU time and wall-clock time of a sample (median, and p90 for the wall clock) divided by "
              "the operations per sample; ops/s and MB/s from the CPU time; mallocs per operation. With several "
              "rounds, each row is the round with the least CPU time (best of rounds), and the range shows all "
              "rounds. `info` rows have no goal. For the two-task rows the CPU time is that of both tasks together.")
    md.append("")
    md.append("| Target | Benchmark | Who | Samples | Ops / sample | ops/s (CPU) | range over rounds | MB/s | CPU p50 | "
              "wall p50 | wall p90 | mallocs/op |")
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for k in sorted(results, key=lambda k: (results[k][0].target, results[k][0].what, results[k][0].who != OURS)):
        r = lookup(results, k)
        low, high = spread(results, k)
        range_text = f"{fmt_ops(low)} – {fmt_ops(high)}" if len(results[k]) > 1 else "one round"
        md.append(f"| {r.target} | {r.what} | {r.who} | {r.samples} | {r.ops_per_sample:g} | {fmt_ops(r.ops)} | "
                  f"{range_text} | {f'{r.mb_per_s:,.0f}' if r.mb_per_s else '–'} | {fmt_time(r.cpu_per_op)} | "
                  f"{fmt_time(r.wall_per_op)} | {fmt_time(r.wall_per_op_p90)} | {fmt_mallocs(r.mallocs_per_op)} |")
    md.append("")
    harness = lookup(results, HARNESS)
    registry = lookup(results, REGISTRY)
    if registry:
        md.append(f"Registry lookup (ours only, no goal): {fmt_time(registry.seconds_per_op / 5)} per name "
                  f"(5 names per operation: one known name per vendor and one unknown), "
                  f"{fmt_mallocs(registry.mallocs_per_op)} mallocs per 5 lookups.")
        md.append("")
    if harness:
        md.append(f"Harness cost of one empty sample: wall clock {fmt_time(harness.wall_per_op)} "
                  f"(of which CPU {fmt_time(harness.cpu_per_op)}), {fmt_mallocs(harness.mallocs_per_op)} mallocs. "
                  "Every sample runs enough operations for about 0.1 to 0.3 ms of work, so it is spread over them.")
        md.append("")

    # Machine and reproduction
    md.append("## Machine")
    md.append("")
    for label, field in [("CPU", "cpu"), ("Cores (`nproc`)", "nproc"), ("Memory", "memory"), ("Kernel", "kernel"),
                         ("OpenSSL", "openssl"), ("Swift", "swift"), ("Peers", "peers")]:
        if machine.get(field):
            md.append(f"- {label}: {machine[field]}")
    md.append("")
    md.append("## Reproduce")
    md.append("")
    md.append("```sh")
    md.append(f"cd Benchmarks && {'ROUNDS=' + str(rounds) + ' ' if rounds > 1 else ''}./run.sh"
              "   # builds in release, runs every benchmark, writes this file")
    md.append("# only some: ./run.sh --target HMAC --filter 'HMAC-SHA256 verify 1 KiB.*'")
    md.append("# the bare suite: swift package benchmark")
    md.append("```")
    md.append("")
    md.append("`run.sh` runs `swift package --allow-writing-to-package-directory benchmark --format jmh --path "
              "results`, collects the machine facts and `openssl speed` (`SKIP_OPENSSL_SPEED=1` to skip), then "
              "`python3 report.py`, which prints one line per goal and writes this page and `Performance.svg`.")
    md.append("")
    if notes:
        md.append(notes.rstrip())
        md.append("")
    return "\n".join(md)


# ---------------------------------------------------------------------------------------------------------------


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--results", default=os.path.join(here, "results"))
    parser.add_argument("--markdown", default=os.path.join(here, "..", "Docs", "Performance.md"))
    parser.add_argument("--chart", default=os.path.join(here, "..", "Docs", "Performance.svg"))
    parser.add_argument("--notes", default=os.path.join(here, "Performance-notes.md"))
    parser.add_argument("--no-write", action="store_true", help="only print the lines")
    args = parser.parse_args()

    results = read_results(args.results)
    machine = read_json(os.path.join(args.results, "machine.json"), {})
    openssl = read_json(os.path.join(args.results, "openssl-speed.json"), {})
    notes = ""
    if os.path.exists(args.notes):
        with open(args.notes, encoding="utf-8") as f:
            notes = f.read()

    rows = evaluate(results, machine)
    for line in console_lines(rows):
        print(line)
    if args.no_write:
        return
    os.makedirs(os.path.dirname(os.path.abspath(args.markdown)), exist_ok=True)
    with open(args.chart, "w", encoding="utf-8") as f:
        f.write(svg_chart(rows))
    chart_name = os.path.relpath(os.path.abspath(args.chart), os.path.dirname(os.path.abspath(args.markdown)))
    with open(args.markdown, "w", encoding="utf-8") as f:
        f.write(markdown(rows, results, machine, openssl, notes, chart_name))
    print(f"wrote {args.markdown} and {args.chart}")


if __name__ == "__main__":
    main()
