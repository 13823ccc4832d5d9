#!/usr/bin/env python3
"""Draws the engine's exchange rate (JMH `ExchangeBenchmark.exchangeReceivedBatched`, from a `-rf json` result file)
as an SVG bar chart: exchanges per second for each Content Store and capacity, with JMH's error as a whisker and the
issue's target (1,000,000) and aim (2,000,000) as lines. Standard library only.

    python3 bench/scripts/exchange-plot.py bench/target/jmh-exchange.json docs/images/engine-exchange.svg
"""
import json
import sys

BENCHMARK = "exchangeReceivedBatched"
STORES = [("lru", "LRU", "#9ecae1"), ("caffeine", "Caffeine (front tier + W-TinyLFU)", "#08519c")]
CAPACITY_LABELS = {"0": "store off", "1048576": "1 MiB", "67108864": "64 MiB (default)"}
TARGET = 1_000_000
AIM = 2_000_000


def load(path):
    """{(cs, csBytes): (score, error)} for the benchmark, the last result of a configuration winning."""
    with open(path) as f:
        results = json.load(f)
    out = {}
    for r in results:
        if not r["benchmark"].endswith("." + BENCHMARK):
            continue
        p = r["params"]
        m = r["primaryMetric"]
        error = m.get("scoreError")
        out[(p["cs"], p["csBytes"])] = (m["score"], error if isinstance(error, (int, float)) else 0.0)
    return out


def svg(results, title):
    capacities = sorted({c for _, c in results}, key=int)
    width, height = 820, 420
    left, right, top, bottom = 80, 130, 50, 90
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = max([AIM * 1.05] + [s + e for s, e in results.values()])
    y = lambda v: top + plot_h - v / top_value * plot_h
    group_w = plot_w / max(1, len(capacities))
    bar_w = group_w / (len(STORES) + 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'font-family="sans-serif" font-size="12">',
             f'<rect width="{width}" height="{height}" fill="white"/>',
             f'<text x="{width / 2}" y="24" text-anchor="middle" font-size="15">{title}</text>']
    step = 250_000
    v = 0
    while v <= top_value:
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#eee"/>')
        parts.append(f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v / 1e6:.2f} M</text>')
        v += step
    for value, label, dash in [(TARGET, "target 1,000,000/s", "6,4"), (AIM, "aim 2,000,000/s", "2,4")]:
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
                     f'stroke="#c00" stroke-dasharray="{dash}"/>')
        parts.append(f'<text x="{width - right + 6}" y="{y(value) + 4:.1f}" fill="#c00">{label}</text>')
    for gi, cap in enumerate(capacities):
        gx = left + gi * group_w
        for si, (store, _, color) in enumerate(STORES):
            if (store, cap) not in results:
                continue
            score, error = results[(store, cap)]
            x = gx + (si + 0.5) * bar_w
            parts.append(f'<rect x="{x:.1f}" y="{y(score):.1f}" width="{bar_w * 0.9:.1f}" '
                         f'height="{y(0) - y(score):.1f}" fill="{color}"/>')
            cx = x + bar_w * 0.45
            parts.append(f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{y(score + error):.1f}" '
                         f'y2="{y(max(0, score - error)):.1f}" stroke="#333"/>')
            parts.append(f'<text x="{cx:.1f}" y="{y(score + error) - 5:.1f}" text-anchor="middle" '
                         f'font-size="11">{score / 1e3:,.0f}k</text>')
        parts.append(f'<text x="{gx + group_w / 2:.1f}" y="{top + plot_h + 20}" text-anchor="middle">'
                     f'{CAPACITY_LABELS.get(cap, cap + " B")}</text>')
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="#333"/>')
    for si, (_, label, color) in enumerate(STORES):
        lx = left + si * 300
        parts.append(f'<rect x="{lx}" y="{height - 40}" width="14" height="14" fill="{color}"/>')
        parts.append(f'<text x="{lx + 20}" y="{height - 28}">{label}</text>')
    parts.append(f'<text x="{left}" y="{height - 8}" font-size="11" fill="#555">exchanges per second on one '
                 f'forwarding thread, JMH score with its 99.9% error</text>')
    parts.append('</svg>')
    return "\n".join(parts) + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: exchange-plot.py <jmh result .json> <out .svg>")
    results = load(sys.argv[1])
    if not results:
        sys.exit(f"no {BENCHMARK} results in {sys.argv[1]}")
    with open(sys.argv[2], "w") as f:
        f.write(svg(results, "Interest/Data exchanges per second (ExchangeBenchmark." + BENCHMARK + ")"))
    for (cs, cap), (score, error) in sorted(results.items(), key=lambda kv: (kv[0][0], int(kv[0][1]))):
        print(f"{cs:9s} {CAPACITY_LABELS.get(cap, cap):>17s} {score:12,.0f} +- {error:,.0f}")


if __name__ == "__main__":
    main()
