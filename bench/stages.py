#!/usr/bin/env python3
"""Time in each search stage between two scrapes of Bayan's /metrics (Prometheus text).

    stages.py BEFORE AFTER SCALE WORKLOAD ENGINE  →  one TSV row a stage:
    scale, workload, engine, stage, calls, seconds   (the difference AFTER − BEFORE)

Reads the timer bayan.search.stage (bayan_search_stage_seconds_count / _sum, tag stage). Prints nothing
when the server has no such timer (or a scrape is empty), so a run against a build without it still works.
"""
import re
import sys

LINE = re.compile(r'^bayan_search_stage_seconds_(count|sum)\{([^}]*)\}\s+(\S+)')
STAGE = re.compile(r'(?:^|,)\s*stage="((?:[^"\\]|\\.)*)"')


def read(path):
    out = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = LINE.match(line)
                if not m:
                    continue
                s = STAGE.search(m.group(2))
                if not s:
                    continue
                key = (s.group(1), m.group(1))
                out[key] = out.get(key, 0.0) + float(m.group(3))  # summed over any other tags
    except OSError:
        pass
    return out


def main():
    before, after = read(sys.argv[1]), read(sys.argv[2])
    scale, workload, engine = sys.argv[3:6]
    for stage in sorted({k[0] for k in after}):
        calls = after.get((stage, "count"), 0) - before.get((stage, "count"), 0)
        secs = after.get((stage, "sum"), 0) - before.get((stage, "sum"), 0)
        if calls > 0 or secs > 0:
            print(f"{scale}\t{workload}\t{engine}\t{stage}\t{calls:.0f}\t{secs:.6f}")


if __name__ == "__main__":
    main()
