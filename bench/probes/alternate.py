"""Paired per-chart timings: before/after trendplot binaries and cairo_render, commands alternated.

    BEFORE="/tmp/tp-before bench-workload" AFTER=.build/release/trendplot-bench python3 bench/probes/alternate.py 500 5
BEFORE and AFTER are command prefixes: a binary and, for builds from before trendplot-bench existed, the
`bench-workload` subcommand.
The C program must be built first (see bench/README.md); its path is CAIRO_RENDER or .build/bench/cairo_render.
"""
import os, subprocess, time, statistics, sys
N = int(sys.argv[1]); rounds = int(sys.argv[2])
C = os.environ.get("CAIRO_RENDER", ".build/bench/cairo_render")
BEFORE = os.environ.get("BEFORE", "/tmp/tp-before bench-workload").split()
AFTER = os.environ.get("AFTER", ".build/release/trendplot-bench").split()
cases = []
for kind in ("line", "bar"):
    for fmt, cfmt in (("png", "png-fast"), ("svg", "svg"), ("pdf", "pdf")):
        cases.append((kind, fmt, {
            "before": [*BEFORE, "--kind", kind, "--format", fmt, "--n", str(N), "--out", "/tmp/alternate/b"],
            "after": [*AFTER, "--kind", kind, "--format", fmt, "--n", str(N), "--out", "/tmp/alternate/a"],
            "cairo": [C, "--kind", kind, "--format", cfmt, "--n", str(N), "--out", "/tmp/alternate/c"]}))
for d in "bac": os.makedirs(f"/tmp/alternate/{d}", exist_ok=True)
times = {(k, f, n): [] for k, f, cmds in cases for n in cmds}
for r in range(rounds):
    for k, f, cmds in cases:
        for name, cmd in cmds.items():
            t = time.perf_counter(); subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times[(k, f, name)].append(time.perf_counter() - t)
print(f"N={N}, {rounds} rounds alternated (before, after, cairo per case), median ms/chart:")
print("| kind | format | before | after | cairo | after ÷ cairo | before ÷ cairo |")
print("|---|---|---:|---:|---:|---:|---:|")
for k, f, cmds in cases:
    m = {n: statistics.median(times[(k, f, n)]) * 1000 / N for n in cmds}
    cf = "png-fast" if f == "png" else f
    print(f"| {k} | {f} (C: {cf}) | {m['before']:.2f} | {m['after']:.2f} | {m['cairo']:.2f} | {m['after']/m['cairo']:.2f}× | {m['before']/m['cairo']:.2f}× |")
