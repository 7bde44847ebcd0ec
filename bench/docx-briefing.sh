#!/usr/bin/env bash
# Release-build timing of the DOCX briefing against the PDF briefing of the same input: N bodies (default 30),
# each with the three Pingtan reports (2019, 2021, 2022 as text) renamed to its own body (测试1县 … 测试N县), so the
# briefing has N sections of the charts its data allows (5 each from the text reports) and a sources appendix of 3N files.
# Prints wall seconds, peak memory and size of each. Usage: bench/docx-briefing.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-30}"
swift build -c release --product trendplot >/dev/null
BIN="$(swift build -c release --show-bin-path)/trendplot"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/reports"
for i in $(seq "$N"); do
  for y in 2019 2021 2022; do
    sed "s/平潭综合实验区/测试${i}县/g" "datasets/pingtan/pingtan_$y.txt" > "$WORK/reports/r${i}_$y.txt"
  done
done
run() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >"$WORK/log" 2>&1
  read -r secs kb < "$WORK/time"
  printf '%-24s %7.2f s  peak %5d MB  %6s  %s\n' "$name" "$secs" "$((kb / 1024))" "$(du -h "${@: -1}" | cut -f1)" \
    "$(tail -1 "$WORK/log" | tr '\r' '\n' | tail -1)"
}
echo "$N bodies, $((3 * N)) report files ($(nproc) cores):"
run "brief -o briefing.docx" "$BIN" brief "$WORK/reports" -o "$WORK/b.docx"
run "brief -o briefing.pdf" "$BIN" brief "$WORK/reports" -o "$WORK/b.pdf"
run "brief -o briefing.docx" "$BIN" brief "$WORK/reports" -o "$WORK/b2.docx"
cmp -s "$WORK/b.docx" "$WORK/b2.docx" && echo "same bytes on the second run: yes" || echo "same bytes on the second run: NO"
if python3 -c 'import docx' 2>/dev/null; then
  python3 scripts/docx-dump.py "$WORK/b.docx" > "$WORK/dump.json"
  python3 - "$WORK/dump.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
h1 = sum(1 for p in d["paragraphs"] if p["style"] == "Heading 1")
print(f"read back: {len(d['paragraphs'])} paragraphs, {len(d['tables'])} tables, {len(d['images'])} images, {h1} level-1 headings")
PY
fi
