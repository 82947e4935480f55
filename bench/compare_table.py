#!/usr/bin/env python3
"""Summarises compare.sh results: SwiftGate vs Janus, median over rounds, as one table.

    compare_table.py RESULTS_DIR [--markdown FILE]

Reads every swiftgate-bench JSON in RESULTS_DIR (which gateway, event setting and round each is
comes from runs.jsonl, written by compare.sh, or else from the label "<gateway>.events-<on|off>.r<N>").
Prints, per event setting and session count, a row per gateway with the median over rounds of
echoed packets/s, loss %, RTT p50/p99 (microseconds), server CPU % (of one core), server CPU
microseconds per echoed packet and RSS (MB), then a row of ratios SwiftGate/Janus; then, per
gateway, the largest session count sustained: median loss below 1 % and every session established
in every round. Writes the same as markdown (default RESULTS_DIR/compare.md) for BENCHMARKS.md."""

import argparse
import json
import re
import statistics
import sys
from pathlib import Path

GATEWAYS = ("swiftgate", "janus")
NAMES = {"swiftgate": "SwiftGate", "janus": "Janus"}
LABEL = re.compile(r"^(?P<gateway>[a-z]+)\.events-(?P<events>on|off)\.r(?P<round>\d+)$")
SUSTAINED_LOSS_PCT = 1.0

# (column title, how to read it from one step, decimals). Lower is better for all but echoed pps.
METRICS = [
    ("echoed pps", lambda s: s.get("echoed_pps"), 0),
    ("loss %", lambda s: s.get("loss_pct"), 2),
    ("RTT p50 µs", lambda s: (s.get("rtt_us") or {}).get("p50"), 0),
    ("RTT p99 µs", lambda s: (s.get("rtt_us") or {}).get("p99"), 0),
    ("CPU %", lambda s: s.get("server_cpu_pct"), 1),
    ("CPU µs/echoed pkt", lambda s: s.get("server_cpu_us_per_echoed_packet"), 2),
    ("RSS MB", lambda s: s.get("server_rss_mb"), 1),
]


def load_runs(folder: Path) -> tuple[list[dict], list[str]]:
    """Returns the runs (gateway, events, round, steps) and notes about runs that failed."""
    index = {}
    notes = []
    index_file = folder / "runs.jsonl"
    if index_file.exists():
        for line in index_file.read_text().splitlines():
            if line.strip():
                entry = json.loads(line)
                index[entry["json"]] = entry
                if entry.get("rc") not in (0, None):
                    notes.append(f"{entry['label']}: exit status {entry['rc']}")
    runs = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text())
        except ValueError as error:
            notes.append(f"{path.name}: unreadable ({error})")
            continue
        if not isinstance(data, dict) or "steps" not in data:
            continue  # meta.json and the like
        entry = index.get(path.name)
        match = LABEL.match(str(data.get("label", "")))
        if entry:
            gateway, events, round_ = entry["gateway"], entry["events"], entry["round"]
        elif match:
            gateway, events, round_ = match["gateway"], match["events"], int(match["round"])
        else:
            notes.append(f"{path.name}: label {data.get('label')!r} names no gateway/events/round, skipped")
            continue
        runs.append({"gateway": gateway, "events": events, "round": round_, "steps": data["steps"],
                     "startup_ms": entry.get("startup_ms") if entry else None})
    return runs, notes


def median(values):
    numbers = [v for v in values if isinstance(v, (int, float))]
    return statistics.median(numbers) if numbers else None


def fmt(value, decimals: int) -> str:
    return "–" if value is None else f"{value:,.{decimals}f}"


def ratio(a, b) -> str:
    return "–" if a is None or b in (None, 0) else f"{a / b:.2f}"


def summarise(runs: list[dict]):
    """rows: (events, sessions, label, [cells]); sustained: {(events, gateway): sessions or None}."""
    rows, sustained = [], {}
    for events in sorted({r["events"] for r in runs}, key=lambda e: (e != "off", e)):
        counts = sorted({s["sessions"] for r in runs if r["events"] == events for s in r["steps"]})
        for gateway in GATEWAYS:
            sustained[(events, gateway)] = None
        for sessions in counts:
            medians = {}
            for gateway in GATEWAYS:
                steps = [s for r in runs if r["events"] == events and r["gateway"] == gateway
                         for s in r["steps"] if s.get("sessions") == sessions]
                if not steps:
                    continue
                medians[gateway] = [median(read(s) for s in steps) for _, read, _ in METRICS]
                established = all(s.get("established") == sessions for s in steps)
                rounds = len(steps)
                rows.append((events, sessions, NAMES[gateway],
                             [fmt(v, d) for v, (_, _, d) in zip(medians[gateway], METRICS)]
                             + [str(rounds) + ("" if established else " (not all up)")]))
                loss = medians[gateway][1]
                if established and loss is not None and loss < SUSTAINED_LOSS_PCT:
                    sustained[(events, gateway)] = max(sustained[(events, gateway)] or 0, sessions)
            if len(medians) == 2:
                rows.append((events, sessions, "SwiftGate/Janus",
                             [ratio(a, b) for a, b in zip(medians["swiftgate"], medians["janus"])] + [""]))
    return rows, sustained


def render(rows, sustained, startup, notes, markdown: bool) -> str:
    header = ["events", "sessions", "gateway"] + [title for title, _, _ in METRICS] + ["rounds"]
    table = [header] + [[e, str(n), g] + cells for e, n, g, cells in rows]
    lines = []
    if markdown:
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "|".join("---" if i < 3 else "---:" for i in range(len(header))) + "|")
        lines += ["| " + " | ".join(row) + " |" for row in table[1:]]
    else:
        widths = [max(len(row[i]) for row in table) for i in range(len(header))]
        for index, row in enumerate(table):
            lines.append("  ".join(c.ljust(w) if i < 3 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
            if index == 0:
                lines.append("  ".join("-" * w for w in widths))
    lines.append("")
    bullet = "- " if markdown else "  "
    lines.append(f"Largest session count sustained (median loss < {SUSTAINED_LOSS_PCT:g} %, all sessions established):")
    for (events, gateway), sessions in sustained.items():
        lines.append(f"{bullet}events {events}, {NAMES[gateway]}: {sessions if sessions else 'none'}")
    if startup:
        lines.append("")
        lines.append("Start-up to first GET /janus/info answer (median ms): "
                     + ", ".join(f"{NAMES[g]} {v:.0f}" for g, v in startup.items()))
    if notes:
        lines.append("")
        lines.append("Notes:")
        lines += [f"{bullet}{note}" for note in notes]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a compare.sh results folder")
    parser.add_argument("--markdown", type=Path, help="markdown output (default FOLDER/compare.md)")
    args = parser.parse_args()
    runs, notes = load_runs(args.folder)
    if not runs:
        print(f"no swiftgate-bench JSON in {args.folder}", file=sys.stderr)
        return 1
    rows, sustained = summarise(runs)
    startup = {g: median(r["startup_ms"] for r in runs if r["gateway"] == g) for g in GATEWAYS}
    startup = {g: v for g, v in startup.items() if v is not None}
    print(render(rows, sustained, startup, notes, markdown=False), end="")
    markdown = args.markdown or args.folder / "compare.md"
    markdown.write_text(render(rows, sustained, startup, notes, markdown=True))
    print(f"\nmarkdown: {markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
