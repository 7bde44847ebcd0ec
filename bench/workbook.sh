#!/usr/bin/env bash
# Release-build timing of the XLSX workbook against CSV: N copies of pingtan_2021.txt, each renamed to its own body
# (测试1县 … 测试N县, so the workbook has 3 table sheets per body), through `extract -o` and `trends -o`.
# Prints wall seconds, CPU seconds (user + system) and peak memory of each. Usage: bench/workbook.sh [N]   (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"
swift build -c release --product trendplot >/dev/null
BIN="$(swift build -c release --show-bin-path)/trendplot"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/reports"
for i in $(seq "$N"); do
  sed "s/平潭综合实验区/测试${i}县/g" datasets/pingtan/pingtan_2021.txt > "$WORK/reports/r$i.txt"
done
run() {
  local name="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >/dev/null 2>&1
  read -r secs user sys kb < "$WORK/time"
  printf '%-28s %7.2f s  cpu %6.2f s  peak %6.0f MB  %s\n' "$name" "$secs" "$(awk "BEGIN { print $user + $sys }")" \
    "$((kb / 1024))" "$(du -h "${@: -1}" | cut -f1)"
}
echo "$N reports, one body each:"
run "extract -o reports.csv" "$BIN" extract "$WORK/reports" -o "$WORK/x.csv"
run "extract -o reports.xlsx" "$BIN" extract "$WORK/reports" -o "$WORK/x.xlsx"
run "trends --format csv -o" "$BIN" trends "$WORK/reports" --format csv -o "$WORK/t.csv"
run "trends -o trends.xlsx" "$BIN" trends "$WORK/reports" -o "$WORK/t.xlsx"
