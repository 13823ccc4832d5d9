#!/usr/bin/env python3
"""Turns load generator reports (JSON lines from bench/scripts/load-matrix.sh) into a Markdown table on stdout and an
SVG chart (satisfied Interests/s and forwarder CPU microseconds per exchange, per transport, name mode and window).
Standard library only.

    python3 bench/scripts/load-plot.py bench/target/load-matrix.jsonl docs/img/forwarder-load.svg
"""
import json
import sys

TRANSPORTS = ["tcp4", "unix", "udp4", "ws"]
SERIES = [("unique", 1), ("unique", 16), ("unique", 64), ("repeat", 1), ("repeat", 16), ("repeat", 64)]
COLORS = ["#9ecae1", "#4292c6", "#08519c", "#fdae6b", "#f16913", "#a63603"]


def load(path):
    runs = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                r = json.loads(line)
                runs[(r["transport"], r["names"], r["window"])] = r  # the last run of a configuration wins
    return runs


def table(runs):
    out = ["| Transport | Names | Window | Satisfied/s | RTT p50 us | RTT p99 us | Forwarder CPU us/exchange "
           "| Timeouts | Producer share |",
           "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for t in TRANSPORTS:
        for names, w in SERIES:
            r = runs.get((t, names, w))
            if r is None:
                continue
            share = r["producerInterests"] / r["satisfied"] if r["satisfied"] else 0
            out.append("| %s | %s | %d | %s | %.0f | %.0f | %.1f | %d | %.0f%% |" % (
                t, names, w, format(round(r["satisfiedPerSecond"]), ","), r["rttMicros"]["p50"],
                r["rttMicros"]["p99"], r["forwarderCpuMicrosPerSatisfied"], r["timeouts"], 100 * share))
    return "\n".join(out)


def chart(runs, title, value, unit, y0, width, height, targets=(), cap=None):
    """A grouped bar chart; with cap, the axis stops there and taller bars are cut and labelled with their value."""
    left, right, top, bottom = 70, 20, 30, 40
    vals = [value(r) for r in runs.values()] + [t for t, _ in targets] + [1]
    vmax = max(vals) * 1.1 if cap is None else cap
    pw, ph = width - left - right, height - top - bottom
    g = ['<g transform="translate(0,%d)">' % y0,
         '<text x="%d" y="18" font-size="14" font-weight="bold">%s</text>' % (left, title)]
    for i in range(6):
        v = vmax * i / 5
        y = top + ph - ph * v / vmax
        g.append('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#ddd"/>' % (left, left + pw, y, y))
        g.append('<text x="%d" y="%.1f" font-size="11" text-anchor="end">%s</text>' % (
            left - 5, y + 4, format(round(v), ",") if vmax > 20 else "%.1f" % v))
    g.append('<text x="14" y="%d" font-size="11" transform="rotate(-90 14 %d)" text-anchor="middle">%s</text>' % (
        top + ph // 2, top + ph // 2, unit))
    gw = pw / len(TRANSPORTS)
    bw = gw * 0.8 / len(SERIES)
    for ti, t in enumerate(TRANSPORTS):
        gx = left + ti * gw + gw * 0.1
        g.append('<text x="%.1f" y="%d" font-size="12" text-anchor="middle">%s</text>' % (
            gx + gw * 0.4, top + ph + 16, t))
        for si, (names, w) in enumerate(SERIES):
            r = runs.get((t, names, w))
            if r is None:
                continue
            v = value(r)
            h = ph * min(v, vmax) / vmax
            g.append('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s %s window %d: %.1f'
                     '</title></rect>' % (gx + si * bw, top + ph - h, bw - 1, h, COLORS[si], t, names, w, v))
            if v > vmax:
                g.append('<text x="%.1f" y="%d" font-size="10" fill="#000" text-anchor="middle">%.0f</text>' % (
                    gx + si * bw + bw / 2, top + 12, v))
    for tv, label in targets:
        y = top + ph - ph * tv / vmax
        g.append('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#c00" stroke-dasharray="5,3"/>' % (
            left, left + pw, y, y))
        g.append('<text x="%d" y="%.1f" font-size="11" fill="#c00" text-anchor="start">%s</text>' % (
            left + 4, y - 3, label))
    g.append("</g>")
    return g


def svg(runs):
    width, h1 = 820, 300
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif">' % (
        width, 2 * h1 + 40), '<rect width="100%" height="100%" fill="white"/>']
    parts += chart(runs, "Satisfied Interests per second (wall clock; shared, busy machine)",
                   lambda r: r["satisfiedPerSecond"], "Interests/s", 0, width, h1,
                   [(150000, "target 150,000/s (TCP or Unix, unique, window 64)")])
    parts += chart(runs, "Forwarder CPU time per satisfied Interest (from /proc; bars above 20 cut, value on top)",
                   lambda r: r["forwarderCpuMicrosPerSatisfied"], "microseconds", h1, width, h1,
                   [(8, "target 8 us (unique)"), (3, "target 3 us (CS hit)")], cap=20)
    x = 70
    for si, (names, w) in enumerate(SERIES):
        parts.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/>' % (x, 2 * h1 + 10, COLORS[si]))
        parts.append('<text x="%d" y="%d" font-size="11">%s, window %d</text>' % (x + 16, 2 * h1 + 20, names, w))
        x += 122
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: load-plot.py REPORTS.jsonl [CHART.svg]")
    runs = load(sys.argv[1])
    print(table(runs))
    if len(sys.argv) > 2:
        with open(sys.argv[2], "w") as f:
            f.write(svg(runs))


if __name__ == "__main__":
    main()
