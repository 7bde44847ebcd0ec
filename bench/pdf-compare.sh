#!/usr/bin/env bash
# One command: trendplot's PDF reader vs pdfplumber's find_tables (through trendplot's HTML path) vs
# `pdftotext -layout` + trendplot's text path, on the same PDFs; then OCR seconds per page on the scan.
# Figures per tool: pages/s and reports/s on one core (taskset -c 0, whole processes), by wall time and by CPU time
# (user + sys: the steadier figure on a shared machine), peak memory (/usr/bin/time, largest of the runs) and
# numbers right / wrong / missing against the truth files. ROUNDS=N (default 3) repeats every process N times,
# the tools alternated, and keeps each tool's sums over all rounds (÷ N).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product trendplot >/dev/null
bin=.build/release/trendplot
python3 -c "import pdfplumber" 2>/dev/null || pip install -q pdfplumber
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
# document → truth (the Pingtan and Mudanjiang truths; hongze read from ../shared, never copied)
declare -A truth=(
  [Tests/Documents/pingtan_2019.pdf]=../shared/reports/pingtan_2019.truth.json
  [Tests/Documents/pingtan_2021.pdf]=../shared/reports/pingtan_2021.truth.json
  [Tests/Documents/pingtan_2022.pdf]=../shared/reports/pingtan_2022.truth.json
  [Tests/Documents/mudanjiang_2020.pdf]=../shared/reports/mudanjiang_2020.truth.json
  [Tests/Documents/mudanjiang_2020_hdr.pdf]=../shared/reports/mudanjiang_2020.truth.json
  [../shared/reports/hongze_2023.pdf]=../shared/reports/hongze_2023.truth.json
)
pdfs=(Tests/Documents/pingtan_2019.pdf Tests/Documents/pingtan_2021.pdf Tests/Documents/pingtan_2022.pdf
      Tests/Documents/mudanjiang_2020.pdf Tests/Documents/mudanjiang_2020_hdr.pdf ../shared/reports/hongze_2023.pdf)
pages=0; for p in "${pdfs[@]}"; do pages=$((pages + $(pdfinfo "$p" | awk '/^Pages:/ {print $2}'))); done
run() {  # run NAME CMD...: wall seconds, peak KB, user and sys seconds of one process, appended to $work/NAME.t
  local name=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$work/t" taskset -c 0 "$@" >/dev/null 2>&1 || true
  # time writes "Command exited with non-zero status N" first when extract reports findings (exit 1): skip it.
  grep -v '^Command' "$work/t" >> "$work/$name.t"
}
score() {  # score NAME: sums right/wrong/missing of $work/NAME.*.csv
  local r=0 w=0 m=0
  for p in "${pdfs[@]}"; do
    read -r a b c < <(python3 bench/pdf_score.py "${truth[$p]}" "$work/$1.$(basename "$p").csv")
    r=$((r + a)); w=$((w + b)); m=$((m + c))
  done
  echo "$r $w $m"
}
rounds=${ROUNDS:-3}
for round in $(seq "$rounds"); do
for p in "${pdfs[@]}"; do
  b=$(basename "$p")
  run trendplot "$bin" extract "$p" -o "$work/trendplot.$b.csv"
  run pdfplumber python3 bench/pdfplumber_tables.py "$p" "$work/$b.plumber.html"
  "$bin" extract "$work/$b.plumber.html" -o "$work/pdfplumber.$b.csv" 2>/dev/null || true  # exit 1 = findings, CSV written
  run pdftotext sh -c "pdftotext -layout '$p' '$work/$b.txt' && '$bin' extract '$work/$b.txt' -o '$work/pdftotext.$b.csv'"
done
done
for p in "${pdfs[@]}"; do b=$(basename "$p"); [ -s "$work/pdfplumber.$b.csv" ] || echo "entity,year,metric,value,unit,label,source,derived" > "$work/pdfplumber.$b.csv"; done
printf '%-36s %7s %8s %10s %8s %10s %12s %8s %s\n' tool wall_s pages/s reports/s cpu_s "pages/s" "reports/s" peak_MB "right/wrong/missing"
printf '%-36s %7s %8s %10s %8s %10s %12s %8s\n' "" "" "(wall)" "(wall)" "" "(CPU)" "(CPU, /core)" ""
for t in trendplot pdfplumber pdftotext; do
  read -r secs mem cpu < <(awk -v n="$rounds" '{s += $1; c += $3 + $4; if ($2 > m) m = $2} END {print s / n, m, c / n}' "$work/$t.t")
  read -r r w m < <(score "$t")
  label=$t; [ $t = pdfplumber ] && label="pdfplumber find_tables (+trendplot)"; [ $t = pdftotext ] && label="pdftotext -layout (+trendplot)"
  printf '%-36s %7.2f %8.1f %10.2f %8.2f %10.1f %12.2f %8.0f %s\n' "$label" "$secs" "$(echo "$pages / $secs" | bc -l)" "$(echo "${#pdfs[@]} / $secs" | bc -l)" \
    "$cpu" "$(echo "$pages / $cpu" | bc -l)" "$(echo "${#pdfs[@]} / $cpu" | bc -l)" "$(echo "$mem / 1024" | bc -l)" "$r/$w/$m"
done
echo "($pages pages, ${#pdfs[@]} reports; one core each, whole processes, mean of $rounds rounds; load $(cut -d' ' -f1-3 /proc/loadavg))"
# How a corpus is read: one trendplot process over all the PDFs (start-up paid once). Its rows must equal the
# per-file runs' rows.
for round in $(seq "$rounds"); do run batch "$bin" extract "${pdfs[@]}" -o "$work/batch.csv"; done
read -r secs mem cpu < <(awk -v n="$rounds" '{s += $1; c += $3 + $4; if ($2 > m) m = $2} END {print s / n, m, c / n}' "$work/batch.t")
single=0; for p in "${pdfs[@]}"; do single=$((single + $(tail -n +2 "$work/trendplot.$(basename "$p").csv" | wc -l))); done
printf '%-36s %7.2f %8.1f %10.2f %8.2f %10.1f %12.2f %8.0f rows %s (per-file runs: %s)\n' "trendplot, one process for all" "$secs" \
  "$(echo "$pages / $secs" | bc -l)" "$(echo "${#pdfs[@]} / $secs" | bc -l)" "$cpu" "$(echo "$pages / $cpu" | bc -l)" \
  "$(echo "${#pdfs[@]} / $cpu" | bc -l)" "$(echo "$mem / 1024" | bc -l)" "$(tail -n +2 "$work/batch.csv" | wc -l)" "$single"
# OCR: the image-only scan (5 pages), one core, OMP_THREAD_LIMIT=1.
/usr/bin/time -f "%e %M %U %S" -o "$work/ocr.t" taskset -c 0 env OMP_THREAD_LIMIT=1 "$bin" extract Tests/Documents/mudanjiang_2020_scan.pdf \
  --name 牡丹江市人民政府 --year 2020 -o "$work/scan.csv" 2>"$work/scan.err" || true
read -r secs mem _ _ < <(grep -v '^Command' "$work/ocr.t")
read -r r w m < <(python3 bench/pdf_score.py ../shared/reports/mudanjiang_2020.truth.json "$work/scan.csv")
printf 'OCR scan (5 pages): %.1f s, %.1f s/page, peak %.0f MB, right/wrong %s/%s of %s\n' "$secs" "$(echo "$secs / 5" | bc -l)" "$(echo "$mem / 1024" | bc -l)" "$r" "$w" "$((r + m))"
grep 'trendplot: OCR' "$work/scan.err" || true
