#!/usr/bin/env bash
# Export at scale: a generated corpus of 1,000 bodies × 10 metrics × 12 years (tidy CSV), exported with
# `--per entity --formats png` = 10 charts per body. Measures peak memory for 500 and 10,000 charts, then
# interrupts a 10,000-chart run with SIGINT half-way, checks that no temporary or partial file is left, and
# reruns it: the rerun must skip every finished file and draw only the rest.
#
#   bench/export-scale.sh                      # release build in .build/release, work files in /tmp
#   TRENDPLOT=path/to/trendplot WORK=/tmp/x JOBS=2 bench/export-scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
TP=${TRENDPLOT:-.build/release/trendplot}
WORK=${WORK:-/tmp/trendplot-export-scale}
JOBS=${JOBS:-$(nproc)}
[ -x "$TP" ] || { echo "export-scale: $TP not found: run swift build -c release first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "export-scale: GNU time (/usr/bin/time) is needed" >&2; exit 2; }
rm -rf "$WORK"; mkdir -p "$WORK"

# The corpus: bodies 基准单位0000…, 10 metrics of 10 different ViewCatalog views (so --per entity makes 10 charts
# per body), integer values from a fixed linear congruential sequence (the same corpus on every run).
python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
metrics = [("licensing.decisions", "件", "行政许可·处理决定数量"), ("licensing.items", "项", "行政许可·项目数量"),
           ("licensing.items_change", "项", "行政许可·本年增/减"),
           ("applications.new_received.total", "件", "依申请·本年新收申请·总计"),
           ("applications.carried_over.total", "件", "依申请·上年结转申请·总计"),
           ("review.total", "件", "行政复议·总计"), ("normative_docs.in_force", "件", "行政规范性文件·现行有效件数"),
           ("fees.amount", "万元", "行政事业性收费·本年收费金额"),
           ("procurement.projects", "个", "政府集中采购·采购项目数量"), ("procurement.amount", "万元", "政府集中采购·采购总金额")]
state = 20130101
def nxt():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state >> 33
for bodies, name in ((50, "corpus_50.csv"), (1000, "corpus_1000.csv")):
    state = 20130101
    with open(f"{work}/{name}", "w", encoding="utf-8") as f:
        f.write("entity,year,metric,value,unit,label,source,derived\n")
        for b in range(bodies):
            for metric, unit, label in metrics:
                v = 100 + nxt() % 100000
                for year in range(2013, 2025):
                    v = max(1, v * (80 + nxt() % 51) // 100)
                    f.write(f"基准单位{b:04d},{year},{metric},{v},{unit},{label},export-scale,false\n")
PY
echo "corpus: $(($(wc -l < "$WORK/corpus_50.csv") - 1)) and $(($(wc -l < "$WORK/corpus_1000.csv") - 1)) observations"

# run NAME CSV: one export under GNU time; prints charts, wall seconds and peak RSS.
run() {
    local name=$1 csv=$2
    /usr/bin/time -f "%e %M" -o "$WORK/$name.time" "$TP" export "$csv" --per entity --formats png --jobs "$JOBS" \
        -o "$WORK/$name" > /dev/null 2> "$WORK/$name.log" || true
    read -r wall rss < "$WORK/$name.time"
    echo "$name: $(tail -1 "$WORK/$name.log" | tr '\r' '\n' | tail -1 | sed 's/^ *//')"
    echo "$name: wall $wall s, peak RSS $((rss / 1024)) MiB ($rss KB)"
}

# check DIR: no temporary file; every file on disk is in the manifest with its size and SHA-256.
check() {
    python3 - "$1" <<'PY'
import hashlib, json, os, sys
d = sys.argv[1]
names = os.listdir(d)
tmp = [n for n in names if n.endswith(".tmp")]
manifest = {e["file"]: e for e in json.load(open(os.path.join(d, "manifest.json")))["files"]}
pngs = [n for n in names if n.endswith(".png")]
bad = [n for n in pngs if n not in manifest or os.path.getsize(os.path.join(d, n)) != manifest[n]["bytes"]
       or hashlib.sha256(open(os.path.join(d, n), "rb").read()).hexdigest() != manifest[n]["sha256"]]
truncated = [n for n in pngs if open(os.path.join(d, n), "rb").read()[-8:-4] != b"IEND"]
print(f"check {os.path.basename(d)}: {len(pngs)} PNG files, {len(manifest)} manifest entries, "
      f"{len(tmp)} temporary files, {len(bad)} files not matching the manifest, {len(truncated)} without IEND")
sys.exit(1 if tmp or bad or truncated else 0)
PY
}

run export_500 "$WORK/corpus_50.csv"
run export_10000 "$WORK/corpus_1000.csv"
check "$WORK/export_10000"
python3 - "$WORK" <<'PY'
import sys
w = sys.argv[1]
a = int(open(f"{w}/export_500.time").read().split()[1]); b = int(open(f"{w}/export_10000.time").read().split()[1])
print(f"peak RSS 10,000 ÷ 500 charts: {b / a:.3f} ({(b - a) / a * 100:+.1f} %)")
PY

# Interrupted half-way, then rerun.
dir="$WORK/interrupted"
/usr/bin/time -f "%e %M" -o "$WORK/interrupted.time" "$TP" export "$WORK/corpus_1000.csv" --per entity \
    --formats png --jobs "$JOBS" -o "$dir" > /dev/null 2> "$WORK/interrupted.log" &
timer=$!
child=""
while [ -z "$child" ]; do sleep 0.1; child=$(pgrep -P "$timer" || true); done
while [ "$(find "$dir" -maxdepth 1 -name '*.png' 2> /dev/null | wc -l)" -lt 5000 ]; do sleep 0.2; done
kill -INT "$child"
wait "$timer" || true
echo "interrupted: $(tail -1 "$WORK/interrupted.log" | tr '\r' '\n' | grep -v '^ *$' | tail -2 | tr '\n' ' ')"
check "$dir"
/usr/bin/time -f "%e %M" -o "$WORK/rerun.time" "$TP" export "$WORK/corpus_1000.csv" --per entity --formats png \
    --jobs "$JOBS" -o "$dir" > /dev/null 2> "$WORK/rerun.log"
read -r wall rss < "$WORK/rerun.time"
echo "rerun: $(tail -1 "$WORK/rerun.log" | tr '\r' '\n' | tail -1 | sed 's/^ *//')"
echo "rerun: wall $wall s, peak RSS $((rss / 1024)) MiB"
check "$dir"
