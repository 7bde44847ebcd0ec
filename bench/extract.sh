#!/usr/bin/env bash
# Release-build benchmark of `trendplot extract` over the bundled reports (or DIR):
# reports per second of wall time, reports per CPU-second (= per core: one process reads one report at a time)
# and peak memory (/usr/bin/time -v).
# Usage: bench/extract.sh [ROUNDS] [DIR]     EXT=txt for the text path only (EXT=html for HTML)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-50}"
DIR="${2:-datasets}"
EXT="${EXT:-}"
swift build -c release --product trendplot >/dev/null
BIN="$(swift build -c release --show-bin-path)/trendplot"
if [ -n "$EXT" ]; then
  mapfile -t REPORTS < <(find "$DIR" -type f -name "*.$EXT" ! -name README.md | sort)
else
  mapfile -t REPORTS < <(find "$DIR" -type f \( -name '*.txt' -o -name '*.html' -o -name '*.htm' -o -name '*.md' \) ! -name README.md | sort)
fi
ARGS=()
for _ in $(seq "$ROUNDS"); do ARGS+=("${REPORTS[@]}"); done
N=${#ARGS[@]}
BYTES=$(cat "${REPORTS[@]}" | wc -c)
LOG="$(mktemp)"
START=$(date +%s.%N)
/usr/bin/time -v -o "$LOG" "$BIN" extract "${ARGS[@]}" --format csv >/dev/null 2>&1 || true
END=$(date +%s.%N)
SECS=$(echo "$END - $START" | bc -l)
CPU=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$LOG")
PEAK=$(grep 'Maximum resident set size' "$LOG" | awk '{print $NF}')
printf 'reports: %d (%d files, %d KB each on average, x %d rounds) in %.2f s wall = %.1f reports/s; CPU %.2f s = %.1f reports/s per core (%.2f ms each); peak RSS %.1f MB\n' \
  "$N" "${#REPORTS[@]}" "$((BYTES / 1024 / ${#REPORTS[@]}))" "$ROUNDS" "$SECS" "$(echo "$N / $SECS" | bc -l)" "$CPU" \
  "$(echo "$N / $CPU" | bc -l)" "$(echo "1000 * $CPU / $N" | bc -l)" "$(echo "$PEAK / 1024" | bc -l)"
rm -f "$LOG"
