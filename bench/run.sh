#!/usr/bin/env bash
# `make bench`: trendplot vs matplotlib vs plain C cairo on the reference workload, in one run.
# Installs what only the benchmark needs (hyperfine, GNU time, matplotlib); the tests never do.
#   QUICK=1 make bench     a smoke run (N = 1 and 10, 2 runs)
#   BENCH_ARGS='--ns 1,50 --kinds line' make bench
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED_BENCH:-../shared/bench}
if [ ! -f "$SHARED/cairo_render.c" ] || [ ! -f "$SHARED/mpl_render.py" ] || [ ! -f "$SHARED/workload.py" ]; then
    echo "error: the shared benchmark folder is missing: expected $SHARED (cairo_render.c, mpl_render.py," >&2
    echo "       workload.py) beside this clone, i.e. ../shared/bench; set SHARED_BENCH=DIR to point elsewhere" >&2
    exit 1
fi
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
pkg-config --exists libpng || need+=(libpng-dev)
if [ ${#need[@]} -gt 0 ]; then
    scripts/install-deps.sh --extra "${need[@]}"
fi
python3 -c 'import matplotlib' 2>/dev/null || python3 -m pip install --quiet matplotlib
python3 -c 'import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot' # build the font cache once

swift build -c release --product trendplot 2>&1 | grep -Ev '^(\[|Building|Compiling|Write|Linking|Planning)' || true
swift build -c release --product trendplot-bench 2>&1 | grep -Ev '^(\[|Building|Compiling|Write|Linking|Planning)' || true
BIN=$(swift build -c release --show-bin-path)
mkdir -p .build/bench bench-out
cc -O2 -DWITH_LIBPNG -o .build/bench/cairo_render "$SHARED/cairo_render.c" $(pkg-config --cflags --libs cairo libpng)
QUICKARG=()
[ "${QUICK:-0}" = 1 ] && QUICKARG=(--quick)
# shellcheck disable=SC2086
python3 bench/bench.py --trendplot "$BIN/trendplot" --bench "$BIN/trendplot-bench" --cairo .build/bench/cairo_render --shared "$SHARED" \
    "${QUICKARG[@]}" ${BENCH_ARGS:-} | tee bench-out/report.md
