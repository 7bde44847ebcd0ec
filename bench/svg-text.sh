#!/usr/bin/env bash
# Editable SVG against cairo's SVG: the same 500 charts (50 bodies × 10 metrics × 12 years, `--per entity`),
# exported with `--formats svg` and with `--formats svg --svg-text`, one job each, release build. Prints wall
# seconds, peak memory, the folder's SVG bytes and the number of <text> elements and glyph outlines (<path>) in it.
#
#   bench/svg-text.sh                      # release build in .build/release, work files in /tmp
#   TRENDPLOT=path/to/trendplot WORK=/tmp/x bench/svg-text.sh
set -euo pipefail
cd "$(dirname "$0")/.."
TP=${TRENDPLOT:-.build/release/trendplot}
WORK=${WORK:-/tmp/trendplot-svg-text}
[ -x "$TP" ] || { echo "svg-text: $TP not found: run swift build -c release first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "svg-text: GNU time (/usr/bin/time) is needed" >&2; exit 2; }
rm -rf "$WORK"; mkdir -p "$WORK"
python3 - "$WORK/corpus.csv" <<'PY'
import sys
metrics = [("regulations.made", "件", "规章·本年新制作数量"), ("regulations.published", "件", "规章·本年新公开数量"),
           ("regulations.total", "件", "规章·对外公开总数量"), ("regulations.issued", "件", "规章·本年制发件数"),
           ("regulations.repealed", "件", "规章·本年废止件数"), ("regulations.in_force", "件", "规章·现行有效件数"),
           ("licensing.items", "项", "行政许可·项目数量"), ("licensing.items_change", "项", "行政许可·本年增/减"),
           ("licensing.decisions", "件", "行政许可·处理决定数量"), ("procurement.projects", "个", "政府集中采购·采购项目数量")]
state = 20130101
def nxt():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state >> 33
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("entity,year,metric,value,unit,label,source,derived\n")
    for b in range(50):
        for metric, unit, label in metrics:
            v = 100 + nxt() % 100000
            for year in range(2013, 2025):
                v = max(0, v + int(nxt() % 2001) - 1000)
                f.write(f"基准单位{b:04d},{year},{metric},{v},{unit},{label},corpus.csv:{b},false\n")
PY
run() {
  local name="$1"; shift
  rm -rf "$WORK/out"
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$TP" export "$WORK/corpus.csv" --per entity --jobs 1 -o "$WORK/out" "$@" >/dev/null 2>&1
  read -r secs kb < "$WORK/time"
  local files bytes texts paths
  files=$(ls "$WORK"/out/*.svg | wc -l)
  bytes=$(cat "$WORK"/out/*.svg | wc -c)
  texts=$(cat "$WORK"/out/*.svg | { grep -o '<text' || true; } | wc -l)
  paths=$(cat "$WORK"/out/*.svg | { grep -o '<path' || true; } | wc -l)
  printf '%-26s %4d charts %7.2f s  peak %4d MB  %6.1f MB  <text> %6d  <path> %7d\n' \
    "$name" "$files" "$secs" "$((kb / 1024))" "$(awk "BEGIN { print $bytes / 1048576 }")" "$texts" "$paths"
}
run "--formats svg" --formats svg
run "--formats svg --svg-text" --formats svg --svg-text
