#!/usr/bin/env python3
"""Markdown tables (with ratios to Bayan) from the result files bench/run.sh writes: tables.py RESULTS_DIR."""
import os
import sys

R = sys.argv[1]


def rows(name):
    p = os.path.join(R, name)
    if not os.path.exists(p):
        return []
    with open(p, encoding="utf-8") as f:
        return [l.rstrip("\n").split("\t") for l in f if l.strip()]


def kv(s):
    return dict(x.split("=", 1) for x in s.split() if "=" in x)


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, max(0, int(round(p / 100 * len(v) + 0.5)) - 1))] if v else 0


def ratio(a, b):
    return f"{a / b:.2f}×" if a and b else "–"


out = []
idx = rows("index.tsv")
if idx:
    out.append("### 1. Indexing\n")
    out.append("| scale | engine | statements | seconds | docs/s | MB/s | peak RSS MB | index MB | docs/s ÷ Bayan's |")
    out.append("|---|---|---|---|---|---|---|---|---|")
    for scale in dict.fromkeys(r[0] for r in idx):
        group = [r for r in idx if r[0] == scale]
        text_bytes = next((int(r[3]) for r in group if r[3] not in ("-", "")), 0)
        bayan = next((int(r[2]) / float(r[4]) for r in group if r[1] == "bayan" and float(r[4]) > 0), 0)
        for r in group:
            docs, secs = int(r[2] or 0), float(r[4])
            tb = int(r[3]) if r[3] not in ("-", "") else text_bytes
            rate = docs / secs if secs else 0
            out.append(f"| {scale} | {r[1]} | {docs:,} | {secs:.1f} | {rate:,.0f} | {tb / 1e6 / secs:.2f} | "
                       f"{int(r[5] or 0) / 1024:,.0f} | {int(r[6] or 0) / 1e6:,.0f} | {ratio(rate, bayan)} |")
    out.append("")

q = rows("query.tsv")
if q:
    out.append("### 2. Queries over HTTP (wrk, closed loop)\n")
    out.append("| scale | workload | engine | concurrency | p50 ms | p95 ms | p99 ms | queries/s | errors | Bayan q/s ÷ this | this p99 ÷ Bayan's |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|")
    parsed = []
    for r in q:
        m = kv(r[4]) if len(r) > 4 else {}
        if not m:
            continue
        qps = int(m["requests"]) / (int(m["duration_us"]) / 1e6)
        parsed.append((r[0], r[1], r[2], int(r[3]), m, qps))
    base = {(s, w, c): (qps, int(m["p99_us"])) for s, w, e, c, m, qps in parsed if e == "bayan"}
    for s, w, e, c, m, qps in parsed:
        b = base.get((s, w, c), (0, 0))
        errs = int(m["errors"]) + int(m["non2xx"])
        out.append(f"| {s} | {w} | {e} | {c} | {int(m['p50_us']) / 1000:.1f} | {int(m['p95_us']) / 1000:.1f} | "
                   f"{int(m['p99_us']) / 1000:.1f} | {qps:,.1f} | {errs} | {ratio(b[0], qps)} | {ratio(int(m['p99_us']), b[1])} |")
    out.append("")

qual = os.path.join(R, "quality.md")
if os.path.exists(qual):
    out.append("### 3. Quality on the eval sets\n")
    lines = [l.rstrip("\n") for l in open(qual, encoding="utf-8") if l.startswith("|")]
    data = [l.strip("|").split("|") for l in lines[2:]]
    bayan = {d[1].strip(): float(d[3]) for d in data if d[0].strip() == "bayan"}
    out.append(lines[0] + " nDCG@10 ÷ Bayan's |")
    out.append(lines[1] + "---|")
    for l, d in zip(lines[2:], data):
        out.append(l + f" {ratio(float(d[3]), bayan.get(d[1].strip(), 0))} |")
    out.append("")

fr = rows("freshness.tsv")
if fr:
    ack = [int(r[1]) for r in fr]
    tot = [int(r[2]) for r in fr]
    out.append("### 4. Freshness (`bayan index` of one file beside a running server → found by /api/search)\n")
    out.append("| measured from | runs | p50 ms | p99 ms | max ms |")
    out.append("|---|---|---|---|---|")
    out.append(f"| the index command's exit (release stored and acknowledged) | {len(ack)} | {pct(ack, 50)} | {pct(ack, 99)} | {max(ack)} |")
    out.append(f"| the index command's start (includes its JVM start) | {len(tot)} | {pct(tot, 50)} | {pct(tot, 99)} | {max(tot)} |")
    out.append("")

fp = rows("freshness-push.tsv")
if fp:
    found = [int(r[1]) for r in fp]
    ack = [int(r[2]) for r in fp]
    out.append("### 4b. Freshness through the push API (`POST /api/admin/releases` → found by /api/search)\n")
    out.append("| measured | runs | p50 ms | p99 ms | max ms |")
    out.append("|---|---|---|---|---|")
    out.append(f"| acknowledgement (200) → found by a search | {len(found)} | {pct(found, 50)} | {pct(found, 99)} | {max(found)} |")
    out.append(f"| the push itself: request → acknowledgement (stored with fsync, indexed, refreshed) | {len(ack)} | {pct(ack, 50)} | {pct(ack, 99)} | {max(ack)} |")
    out.append("")

mem = rows("memory.tsv")
if mem:
    out.append("### 5. Memory (smallest -Xmx serving the largest scale with p99 within 10% of a 4 GB heap, c=8)\n")
    out.append("| -Xmx MB | p99 ms | verdict |")
    out.append("|---|---|---|")
    for r in mem:
        if len(r) == 3:
            out.append(f"| {r[0]} | {int(r[1]) / 1000:.1f} | {r[2]} |")
        else:
            out.append(f"| **{r[0]}** | | smallest passing heap |")
    out.append("")

print("\n".join(out))
