#!/usr/bin/env python3
"""trendplot vs matplotlib vs plain C cairo on the reference workload (../shared/bench/WORKLOAD.md).

Run through `make bench` (bench/run.sh builds and installs what this needs), or directly:
  python3 bench/bench.py --trendplot .build/release/trendplot --bench .build/release/trendplot-bench --cairo .build/bench/cairo_render \
                         --shared ../shared/bench [--quick] [--ns 1,50,500] [--runs 3]

Each figure is the median whole-process wall time of RUNS hyperfine runs (start-up included) divided by N,
peak RSS is GNU time's maximum resident set of the largest single process, bytes/file the mean file size.
Ratios are "other ÷ trendplot" wall time: above 1 means trendplot is faster. Compare ratios only within one run.
"trendplot" is the real pipeline (ChartSpec → layout → Scene → cairo, PNG through trendplot's encoder);
"trendplot sketch" draws cairo_render.c's picture with the same cairo calls and encodes it with trendplot's
encoder, which compares the PNG encoders on identical pixels.
"""
import argparse
import json
import os
import pathlib
import shlex
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def hyperfine(cmds: dict[str, str], runs: int, warmup: int, work: pathlib.Path) -> dict[str, dict]:
    """Runs each command RUNS times (hyperfine, no shell) wrapped in GNU time; returns median s and peak MiB."""
    work.mkdir(parents=True, exist_ok=True)
    args = ["hyperfine", "-N", "--style", "none", "--runs", str(runs), "--warmup", str(warmup),
            "--export-json", str(work / "h.json")]
    peaks = {}
    for name, cmd in cmds.items():
        peaks[name] = work / (name.replace(" ", "_") + ".peak")
        peaks[name].write_text("")
        args += ["-n", name, f"/usr/bin/time -a -o {peaks[name]} -f %M {cmd}"]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    out = {}
    for r in json.loads((work / "h.json").read_text())["results"]:
        name = r["command"]
        kb = [int(x) for x in peaks[name].read_text().split() if x.isdigit()]
        out[name] = {"median": statistics.median(r["times"]), "min": min(r["times"]), "max": max(r["times"]),
                     "peak": max(kb) / 1024 if kb else float("nan")}
    return out


def paired(cmds: dict[str, str], rounds: int) -> dict[str, float]:
    """Runs the commands alternately (A B A B …), which cancels the drift of a shared machine; median seconds."""
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(rounds + 1):  # the first round warms up and is dropped
        for name, cmd in cmds.items():
            start = time.perf_counter()
            subprocess.run(shlex.split(cmd), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t[1:]) for name, t in times.items()}


def mean_size(d: pathlib.Path, ext: str) -> float:
    files = list(d.glob(f"*.{ext}")) if d.is_dir() else []
    return sum(f.stat().st_size for f in files) / len(files) if files else float("nan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trendplot", required=True)
    ap.add_argument("--bench", required=True, help="the trendplot-bench executable (the reference workload renderer)")
    ap.add_argument("--cairo", required=True, help="cairo_render built with -DWITH_LIBPNG")
    ap.add_argument("--shared", required=True, help="the shared bench folder (mpl_render.py, workload.py)")
    ap.add_argument("--out", default=str(ROOT / "bench-out"))
    ap.add_argument("--ns", default="1,50,500")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--big-runs", type=int, default=1, help="runs for matplotlib at the largest N")
    ap.add_argument("--kinds", default="line,bar")
    ap.add_argument("--formats", default="png,svg,pdf")
    ap.add_argument("--quick", action="store_true", help="N = 1 and 10, 2 runs: a smoke run")
    a = ap.parse_args()
    if a.quick:
        a.ns, a.runs, a.big_runs = "1,10", 2, 2
    ns = [int(x) for x in a.ns.split(",")]
    jobs = os.cpu_count() or 1
    out = pathlib.Path(a.out)
    shared = pathlib.Path(a.shared)
    py = shlex.quote(sys.executable)
    t, c = shlex.quote(a.trendplot), shlex.quote(a.cairo)
    tb = shlex.quote(a.bench)
    mpl = f"{py} {shlex.quote(str(shared / 'mpl_render.py'))}"

    # The data must be the same in every implementation.
    dumps = [subprocess.run(cmd, shell=True, check=True, capture_output=True).stdout
             for cmd in (f"{tb} --dump 0 500", f"{py} {shared / 'workload.py'} --dump 0 500",
                         f"{c} --dump 0 500")]
    if len(set(dumps)) != 1:
        sys.exit("bench: the workload data of trendplot, workload.py and cairo_render differ (--dump 0 500)")
    print(f"workload data identical in all three (--dump 0 500, {len(dumps[0])} bytes); {jobs} cores\n")

    rows = []

    def measure(kind, fmt, n, mode):
        impls = {}
        ext = fmt
        par = mode == "all-cores" and jobs > 1

        def split(cmd_for_range):
            if not par:
                return cmd_for_range(0, n)
            parts = [cmd_for_range(n * j // jobs, n * (j + 1) // jobs - n * j // jobs) for j in range(jobs)]
            return "sh -c " + shlex.quote(" & ".join(parts) + " & wait")

        d = out / mode
        impls["trendplot"] = (f"{tb} --kind {kind} --format {fmt} --n {n} --out {d}/t_{kind}_{fmt}"
                              + (f" --jobs {jobs}" if par else ""))
        if fmt == "png":
            impls["trendplot sketch"] = (f"{tb} --renderer sketch --kind {kind} --format png --n {n} "
                                         f"--out {d}/s_{kind}_png" + (f" --jobs {jobs}" if par else ""))
        impls["cairo"] = split(lambda s, m: f"{c} --kind {kind} --format {fmt} --n {m} --start {s} --out {d}/c_{kind}_{fmt}")
        if fmt == "png":
            impls["cairo png-fast"] = split(
                lambda s, m: f"{c} --kind {kind} --format png-fast --n {m} --start {s} --out {d}/f_{kind}_{fmt}")
        impls["matplotlib"] = split(
            lambda s, m: f"{mpl} --kind {kind} --format {fmt} --n {m} --start {s} --out {d}/m_{kind}_{fmt}")
        big = n == max(ns)
        for prefix in "tscfm":
            subprocess.run(["rm", "-rf", str(d / f"{prefix}_{kind}_{fmt}")], check=True)
        res = hyperfine({k: v for k, v in impls.items() if k != "matplotlib"}, a.runs, 1,
                        out / "work" / f"{mode}_{kind}_{fmt}_{n}")
        res.update(hyperfine({"matplotlib": impls["matplotlib"]}, a.big_runs if big else a.runs, 0 if big else 1,
                             out / "work" / f"{mode}_{kind}_{fmt}_{n}_m"))
        sizes = {"trendplot": mean_size(d / f"t_{kind}_{fmt}", ext),
                 "trendplot sketch": mean_size(d / f"s_{kind}_{fmt}", ext), "cairo": mean_size(d / f"c_{kind}_{fmt}", ext),
                 "cairo png-fast": mean_size(d / f"f_{kind}_{fmt}", ext),
                 "matplotlib": mean_size(d / f"m_{kind}_{fmt}", ext)}
        for name, r in res.items():
            rows.append((kind, fmt, n, mode, name, r, sizes.get(name, float("nan"))))
        base = res["trendplot"]["median"]
        print(f"{kind:4} {fmt:3} N={n:<4} {mode:9}  " + "  ".join(
            f"{name} {r['median'] / n * 1000:8.2f} ms/chart ({r['median'] / base:5.2f}×)" for name, r in res.items()),
            flush=True)

    # start-up: no chart drawn
    st = hyperfine({"trendplot": f"{tb} --n 0 --format none", "cairo": f"{c} --n 0 --format none",
                    "matplotlib": f"{mpl} --n 0 --format none"}, max(a.runs, 5), 1, out / "work" / "startup")
    for n in ns:
        for kind in a.kinds.split(","):
            for fmt in a.formats.split(","):
                measure(kind, fmt, n, "one-core")
    for n in ns[1:]:
        for kind in a.kinds.split(","):
            for fmt in a.formats.split(","):
                measure(kind, fmt, n, "all-cores")

    # trendplot export: the same charts as tidy CSV (one body per chart), one core vs all cores
    n_export = 10 if a.quick else 100
    csv = out / "export" / "workload.csv"
    csv.parent.mkdir(parents=True, exist_ok=True)
    csv.write_bytes(subprocess.run(f"{tb} --tidy-csv {n_export}", shell=True, check=True,
                                   capture_output=True).stdout)
    export_rows = []
    for formats in ("png", "png,svg,pdf"):
        cmds = {f"jobs{j}": f"{t} export {csv} --per entity --formats {formats} --force --jobs {j} "
                            f"-o {out / 'export' / ('j' + str(j))}" for j in sorted({1, jobs})}
        r = hyperfine(cmds, a.runs, 1, out / "work" / f"export_{formats.replace(',', '_')}")
        export_rows.append((formats, r))
        print(f"export {formats}: " + "  ".join(f"{k} {v['median']:.2f} s" for k, v in r.items()), flush=True)

    # the two headline ratios again, paired (A B A B …)
    n_pair = 20 if a.quick else 100
    rounds = 3 if a.quick else 7
    pair_png = paired({"trendplot encoder": f"{tb} --renderer sketch --format png --n {n_pair} "
                                            f"--out {out / 'paired' / 'tp'}",
                       "cairo png-fast": f"{c} --format png-fast --n {n_pair} --out {out / 'paired' / 'cf'}",
                       "cairo png": f"{c} --format png --n {n_pair} --out {out / 'paired' / 'cp'}"}, rounds)
    pair_export = paired({f"jobs{j}": f"{t} export {csv} --per entity --formats png,svg,pdf --force --jobs {j} "
                                      f"-o {out / 'export' / ('p' + str(j))}" for j in sorted({1, jobs})}, rounds)

    print("\n## Start-up (process, imports; no chart)\n")
    print("| implementation | median ms | peak MiB | ÷ trendplot |\n|---|---:|---:|---:|")
    for name, r in st.items():
        print(f"| {name} | {r['median'] * 1000:.1f} | {r['peak']:.1f} | {r['median'] / st['trendplot']['median']:.2f} |")
    print(f"\n## Per chart (median of {a.runs} runs; matplotlib at N={max(ns)}: {a.big_runs}), "
          f"all-cores = trendplot --jobs {jobs} in one process, the others {jobs} processes × N/{jobs}\n")
    print("| kind | format | N | mode | implementation | ms/chart | min–max s | peak MiB | bytes/file | ÷ trendplot |")
    print("|---|---|---:|---|---|---:|---:|---:|---:|---:|")
    base = {(k, f, n, m): r["median"] for k, f, n, m, name, r, _ in rows if name == "trendplot"}
    for k, f, n, m, name, r, size in rows:
        ratio = r["median"] / base[(k, f, n, m)]
        sz = f"{size:,.0f}" if size == size else "–"
        print(f"| {k} | {f} | {n} | {m} | {name} | {r['median'] / n * 1000:.2f} | {r['min']:.3f}–{r['max']:.3f} | "
              f"{r['peak']:.1f} | {sz} | {ratio:.2f} |")
    print(f"\n## trendplot export of {n_export} charts (--per entity --force), one process: --jobs 1 vs --jobs {jobs}\n")
    print("| formats | jobs | median s | ms/file | peak MiB | speed-up |\n|---|---:|---:|---:|---:|---:|")
    for formats, r in export_rows:
        files = n_export * len(formats.split(","))
        for name, v in r.items():
            print(f"| {formats} | {name[4:]} | {v['median']:.2f} | {v['median'] / files * 1000:.1f} | {v['peak']:.1f} | "
                  f"{r['jobs1']['median'] / v['median']:.2f}× |")
    print(f"\n## Paired runs (commands alternated, median of {rounds} rounds)\n")
    for name, v in pair_png.items():
        print(f"- line PNG, C drawing, {n_pair} charts, {name}: {v:.3f} s = {v / n_pair * 1000:.2f} ms/chart "
              f"({v / pair_png['trendplot encoder']:.2f}× trendplot encoder)")
    for name, v in pair_export.items():
        print(f"- export {n_export} charts × png,svg,pdf, {name}: {v:.3f} s "
              f"(speed-up over jobs1: {pair_export['jobs1'] / v:.2f}×)")
    print("\n## PNG file size: trendplot's encoder ÷ cairo_surface_write_to_png, on identical pixels\n")
    for k, f, n, m, name, r, size in rows:
        if f == "png" and name == "trendplot sketch" and m == "one-core":
            cairo = next(s for kk, ff, nn, mm, nm, rr, s in rows if (kk, ff, nn, mm, nm) == (k, "png", n, m, "cairo"))
            print(f"- C drawing, {k}, N={n}: {size:,.0f} / {cairo:,.0f} bytes = {size / cairo:.3f}×")
    for k in a.kinds.split(","):
        sz = {}
        for fmt in ("png", "png-cairo"):
            d = out / "sizes" / f"{k}_{fmt}"
            subprocess.run(["rm", "-rf", str(d)], check=True)
            subprocess.run(f"{tb} --kind {k} --format {fmt} --n 50 --out {d}", shell=True, check=True,
                           stderr=subprocess.DEVNULL)
            sz[fmt] = mean_size(d, "png")
        print(f"- Charts pipeline, {k}, 50 charts: {sz['png']:,.0f} / {sz['png-cairo']:,.0f} bytes = "
              f"{sz['png'] / sz['png-cairo']:.3f}×")
    json_rows = [dict(kind=k, format=f, n=n, mode=m, implementation=name, **r, bytes_per_file=size)
                 for k, f, n, m, name, r, size in rows]
    (out / "results.json").write_text(json.dumps({"startup": st, "rows": json_rows,
                                                  "export": {f: r for f, r in export_rows},
                                                  "paired": {"png": pair_png, "export": pair_export}}, indent=1))
    print(f"\nraw figures: {out / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
