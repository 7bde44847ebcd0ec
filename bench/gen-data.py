#!/usr/bin/env python3
"""Writes a synthetic tidy-CSV dataset for the trends benchmark.

ENTITIES bodies x YEARS years x METRICS metrics (the first METRICS printed metric ids of the catalog), one file per
1,000 bodies, into OUT_DIR. About 1 % of the cells are blank ("not reported"), so the series have gaps.
Deterministic for a given seed.

usage: gen-data.py OUT_DIR [ENTITIES=10000] [YEARS=7] [METRICS=200] [SEED=1]
"""
import os
import random
import sys


def catalog_metrics():
    """The printed metric ids in catalog order, from the repo's catalog via `trendplot metrics`, or a fallback."""
    ids = os.environ.get("BENCH_METRICS_FILE")
    if ids and os.path.exists(ids):
        return [l.strip() for l in open(ids, encoding="utf-8") if l.strip()]
    raise SystemExit("set BENCH_METRICS_FILE to a file with one metric id per line")


def main():
    out = sys.argv[1]
    entities = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    years = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    nmetrics = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    metrics = [m.split("\t") for m in catalog_metrics()][:nmetrics]
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    first_year = 2023 - years
    per_file = 1000
    header = "entity,year,metric,value,unit,label,source,derived\n"
    for f in range((entities + per_file - 1) // per_file):
        path = os.path.join(out, f"bench_{f:03d}.csv")
        with open(path, "w", encoding="utf-8", newline="\n") as fp:
            fp.write(header)
            for e in range(f * per_file, min(entities, (f + 1) * per_file)):
                name = f"测试省第{e:05d}号人民政府"
                base = [rng.randint(0, 5000) for _ in metrics]
                growth = [rng.uniform(-0.2, 0.3) for _ in metrics]
                for yi in range(years):
                    year = first_year + yi
                    source = f"{name}_{year}.html"
                    lines = []
                    for mi, (mid, unit, label) in enumerate(metrics):
                        if rng.random() < 0.01:
                            value = ""
                        else:
                            value = str(int(base[mi] * (1 + growth[mi]) ** yi))
                        lines.append(f"{name},{year},{mid},{value},{unit},{label},{source},false\n")
                    fp.write("".join(lines))
        print(path, file=sys.stderr)


if __name__ == "__main__":
    main()
