#!/usr/bin/env bash
# Benchmark: generate a synthetic tidy dataset (default 10,000 bodies × 7 years × 200 metrics = 14M rows) into
# /tmp, build trendplot in release mode, and time `trendplot trends` (load, merge, indicators, every series'
# year-over-year changes, index and moving average as CSV to /dev/null; then every series' summary) with /usr/bin/time -v (wall time, peak memory).
#
# usage: bench/trends.sh [ENTITIES=10000] [YEARS=7] [METRICS=200]
# env:   BENCH_DIR (default /tmp/trendplot-bench-ENTITIESxYEARSxMETRICS), KEEP_DATA=1 to keep the data
set -euo pipefail
cd "$(dirname "$0")/.."
ENTITIES=${1:-10000}
YEARS=${2:-7}
METRICS=${3:-200}
DIR=${BENCH_DIR:-/tmp/trendplot-bench-${ENTITIES}x${YEARS}x${METRICS}}

echo "== building release" >&2
swift build -c release --product trendplot 2>&1 | tail -1 >&2
BIN="$(swift build -c release --show-bin-path)/trendplot"

if [ ! -f "$DIR/.complete" ]; then
    echo "== generating $ENTITIES × $YEARS × $METRICS rows into $DIR" >&2
    rm -rf "$DIR"
    ids="$(mktemp)"
    "$BIN" metrics --format json | python3 -c '
import json, sys
ms = [m for m in json.load(sys.stdin) if m["kind"] == "printed"]
ms.sort(key=lambda m: {3: 0, 4: 1}.get(m.get("table"), 2))   # all of 表三 and 表四 first, so indicators compute
for m in ms:
    print(m["id"] + "\t" + m["unit"] + "\t" + m["labelZh"])' > "$ids"
    start=$(date +%s)
    BENCH_METRICS_FILE="$ids" python3 bench/gen-data.py "$DIR" "$ENTITIES" "$YEARS" "$METRICS" 2>/dev/null
    rm -f "$ids"
    touch "$DIR/.complete"
    echo "   generated in $(( $(date +%s) - start )) s: $(du -sh "$DIR" | cut -f1), $(cat "$DIR"/*.csv | wc -l) lines" >&2
fi

run() {
    local label="$1"; shift
    echo "== $label: trendplot $*" >&2
    /usr/bin/time -v "$BIN" "$@" 2>&1 >/dev/null | grep -E "Elapsed|Maximum resident|User time|Percent of CPU|trendplot:|phase" >&2
}
run "trends, CSV of every row" trends "$DIR" --format csv --timings
run "summaries (CAGR, OLS, largest moves) of every series" trends "$DIR" --summary --timings
run "trends, one metric" trends "$DIR" --metric licensing.decisions --format csv --timings

if [ "${KEEP_DATA:-0}" != "1" ]; then rm -rf "$DIR"; fi
