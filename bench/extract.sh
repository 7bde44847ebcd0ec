#!/usr/bin/env bash
# Release-build benchmark of `trendplot extract` over the bundled reports:
# reports per second and peak memory (/usr/bin/time -v). Usage: bench/extract.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-50}"
swift build -c release --product trendplot >/dev/null
BIN="$(swift build -c release --show-bin-path)/trendplot"
mapfile -t REPORTS < <(find datasets -type f \( -name '*.txt' -o -name '*.html' -o -name '*.htm' -o -name '*.md' \) ! -name README.md | sort)
ARGS=()
for _ in $(seq "$ROUNDS"); do ARGS+=("${REPORTS[@]}"); done
N=${#ARGS[@]}
LOG="$(mktemp)"
START=$(date +%s.%N)
/usr/bin/time -v -o "$LOG" "$BIN" extract "${ARGS[@]}" --format csv >/dev/null 2>&1
END=$(date +%s.%N)
SECS=$(echo "$END - $START" | bc -l)
PEAK=$(grep 'Maximum resident set size' "$LOG" | awk '{print $NF}')
printf 'reports: %d (%d files x %d rounds) in %.2f s = %.1f reports/s; peak RSS %.1f MB\n' \
  "$N" "${#REPORTS[@]}" "$ROUNDS" "$SECS" "$(echo "$N / $SECS" | bc -l)" "$(echo "$PEAK / 1024" | bc -l)"
rm -f "$LOG"
