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


# What each engine name in the result files stands for (BENCHMARKS.md, "What is compared").
LABELS = {
    "bayan": "bayan",
    "bayan-os": "bayan on opensearch",
    "lucene": "lucene (ids only)",
    "lucene-page": "lucene (same page)",
    "opensearch": "opensearch (ids only)",
    "opensearch-page": "opensearch (same page)",
}
# The rows that build the same page as Bayan's /api/search, in the order they are shown.
SAME_PAGE = ["bayan", "bayan-os", "opensearch-page", "lucene-page"]


def label(e):
    return LABELS.get(e, e)


def num(x, fmt=",.0f"):
    return format(x, fmt) if x else "–"


out = []
idx = rows("index.tsv")
rates = {}  # (scale, engine) -> (docs/s, index bytes)
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
            rates[(scale, r[1])] = (rate, int(r[6] or 0))
            out.append(f"| {scale} | {label(r[1])} | {docs:,} | {secs:.1f} | {rate:,.0f} | {tb / 1e6 / secs:.2f} | "
                       f"{int(r[5] or 0) / 1024:,.0f} | {int(r[6] or 0) / 1e6:,.0f} | {ratio(rate, bayan)} |")
    out.append("")

q = rows("query.tsv")
parsed = []
for r in q:
    m = kv(r[4]) if len(r) > 4 else {}
    if not m:
        continue
    qps = int(m["requests"]) / (int(m["duration_us"]) / 1e6)
    parsed.append((r[0], r[1], r[2], int(r[3]), m, qps))
base = {(s, w, c): (qps, int(m["p99_us"])) for s, w, e, c, m, qps in parsed if e == "bayan"}
HEAD = ("| scale | workload | engine | concurrency | p50 ms | p95 ms | p99 ms | queries/s | errors | Bayan q/s ÷ this | this p99 ÷ Bayan's |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|")


def query_row(s, w, e, c, m, qps):
    b = base.get((s, w, c), (0, 0))
    errs = int(m["errors"]) + int(m["non2xx"])
    return (f"| {s} | {w} | {label(e)} | {c} | {int(m['p50_us']) / 1000:.1f} | {int(m['p95_us']) / 1000:.1f} | "
            f"{int(m['p99_us']) / 1000:.1f} | {qps:,.1f} | {errs} | {ratio(b[0], qps)} | {ratio(int(m['p99_us']), b[1])} |")


same = [p for p in parsed if p[1] == "keyword" and p[2] in SAME_PAGE]
if same:
    out.append("### 2. Queries over HTTP: the same page (wrk, closed loop)\n")
    out.append("Every row builds the first page of /api/search: ten hits with highlighted title and passage and their "
               "shown fields, the agency, type, language and year facets, the total counted to 10,000.\n")
    out.append(HEAD)
    for p in sorted(same, key=lambda p: (p[0], p[3], SAME_PAGE.index(p[2]))):
        out.append(query_row(*p))
    out.append("")
rest = [p for p in parsed if p not in same]
if rest:
    out.append("### 2b. Queries over HTTP: claim lookups, ids-only floors and other comparators\n")
    out.append(HEAD)
    for p in rest:
        out.append(query_row(*p))
    out.append("")

st = rows("stages.tsv")
bayan_runs = sorted({(s, w, e) for s, w, e, c, m, qps in parsed if e in ("bayan", "bayan-os")})
if st or bayan_runs:
    out.append("### 2c. Where a search's time goes (per-stage timings from /metrics over the measured levels)\n")
    if not st:
        out.append("no stage timings (the servers' /metrics had no `bayan_search_stage_seconds`)\n")
    else:
        out.append("| scale | workload | engine | stage | calls | ms per call | share of stage time |")
        out.append("|---|---|---|---|---|---|---|")
        for key in dict.fromkeys((r[0], r[1], r[2]) for r in st):
            group = [r for r in st if (r[0], r[1], r[2]) == key]
            total = sum(float(r[5]) for r in group)
            for r in sorted(group, key=lambda r: -float(r[5])):
                calls, secs = int(float(r[4])), float(r[5])
                out.append(f"| {r[0]} | {r[1]} | {label(r[2])} | {r[3]} | {calls:,} | "
                           f"{secs * 1000 / calls if calls else 0:.3f} | {100 * secs / total if total else 0:.1f} % |")
        missing = [k for k in bayan_runs if not any((r[0], r[1], r[2]) == k for r in st)]
        for s, w, e in missing:
            out.append(f"| {s} | {w} | {label(e)} | no stage timings | | | |")
        out.append("")


def best(s, e, w="keyword"):
    """(q/s, concurrency, errors) at the concurrency with the most q/s, or None."""
    c = [(qps, cc, int(m["errors"]) + int(m["non2xx"])) for ss, ww, ee, cc, m, qps in parsed if (ss, ww, ee) == (s, w, e)]
    return max(c) if c else None


def at(s, e, c, w="keyword"):
    return next((m for ss, ww, ee, cc, m, qps in parsed if (ss, ww, ee, cc) == (s, w, e, c)), None)


def mb(b):
    return f"{b / 1e6:,.0f} MB" if b >= 1e7 else f"{b / 1e6:.1f} MB"


def verdict(ok):
    return "**met**" if ok else "**missed**"


scales = list(dict.fromkeys([r[0] for r in idx] + [p[0] for p in parsed]))
goals = []
for s in scales:
    n = max((int(r[2] or 0) for r in idx if r[0] == s), default=0)
    where = f"{s} ({n:,} statements)" if n else s
    b = best(s, "bayan")
    if b:
        goals.append(f"| ≥ 1,000 full pages/s at the best concurrency | {where} | Bayan {b[0]:,.0f} q/s at c={b[1]}"
                     f"{f' ({b[2]} errors)' if b[2] else ''}; {b[0] / 1000:.2f}× the goal | {verdict(b[0] >= 1000)} |")
    m1 = at(s, "bayan", 1)
    if m1:
        p99 = int(m1["p99_us"]) / 1000
        goals.append(f"| p99 ≤ 10 ms at one client | {where} | {p99:.1f} ms | {verdict(p99 <= 10)} |")
    o = best(s, "opensearch-page")
    if b and o:
        per_level = [ratio(base[(s, 'keyword', cc)][0], qps) for ss, ww, ee, cc, m, qps in parsed
                     if (ss, ww, ee) == (s, "keyword", "opensearch-page") and (s, "keyword", cc) in base]
        goals.append(f"| ≥ 2× OpenSearch building the same page | {where} | best against best: Bayan {b[0]:,.0f} q/s, "
                     f"OpenSearch {o[0]:,.0f} q/s: {b[0] / o[0]:.2f}× (per client count {', '.join(per_level)}) | "
                     f"{verdict(b[0] / o[0] >= 2)} |")
    elif b:
        goals.append(f"| ≥ 2× OpenSearch building the same page | {where} | not measured (no opensearch-page rows) | – |")
    ri, rl, rp = rates.get((s, "bayan")), rates.get((s, "lucene")), rates.get((s, "lucene-page"))
    if ri and (rl or rp):
        ref = rl or rp
        also = f"; ÷ raw Lucene building the same page {ri[0] / rp[0]:.2f}× ({rp[0]:,.0f} docs/s)" if rl and rp else ""
        goals.append(f"| indexing ≥ raw Lucene's docs/s | {where} | Bayan {ri[0]:,.0f} docs/s ÷ raw Lucene "
                     f"{'(ids only)' if rl else '(same page)'} {ref[0]:,.0f}: {ri[0] / ref[0]:.2f}×{also} | {verdict(ri[0] >= ref[0])} |")
    if ri and (rp or rl):
        # The size comparator is raw Lucene holding what the page needs (text stored, offsets, facet doc values);
        # the ids-only index holds postings alone.
        ref = rp or rl
        also = f"; ÷ raw Lucene ids only {ri[1] / rl[1]:.1f}× ({mb(rl[1])})" if rp and rl else ""
        goals.append(f"| index ≤ 2× raw Lucene's | {where} | Bayan {mb(ri[1])} ÷ raw Lucene "
                     f"{'(same page: title and body stored with offsets, facet doc values)' if rp else '(ids only)'} "
                     f"{mb(ref[1])}: {ri[1] / ref[1]:.2f}×{also} | {verdict(ri[1] <= 2 * ref[1])} |")
if goals:
    out.append("### Goals\n")
    out.append("| goal (the first two at 146k statements) | scale | measured | verdict |")
    out.append("|---|---|---|---|")
    out.extend(goals)
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
