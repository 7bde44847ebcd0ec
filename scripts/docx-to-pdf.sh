#!/usr/bin/env bash
# Generator only (not CI, not `make test`): converts a DOCX briefing to PDF with LibreOffice and renders its
# pages as PNG, to look at what Word/WPS users will see.
#
#   scripts/docx-to-pdf.sh briefing.docx [OUT_DIR]     # OUT_DIR/briefing.pdf, OUT_DIR/page-N.png (60 dpi)
#
# LibreOffice is not a dependency of trendplot (it pulls fonts-opensymbol): install it for the check, then purge
# it again (BRIEF.md):
#   apt-get install -y --no-install-recommends libreoffice-writer-nogui
#   scripts/docx-to-pdf.sh out/briefing.docx /tmp/look
#   apt-get purge -y 'libreoffice*' fonts-opensymbol && apt-get autoremove -y && dpkg -l | grep -i opensymbol
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 FILE.docx [OUT_DIR]" >&2; exit 2; }
docx=$1
out=${2:-$(dirname "$docx")}
command -v soffice >/dev/null || { echo "error: soffice (LibreOffice) is not installed; see the comment at the top of $0" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "error: pdftoppm (poppler-utils) is not installed" >&2; exit 1; }
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out" "$docx" >/dev/null
pdf="$out/$(basename "${docx%.*}").pdf"
pdftoppm -r 60 -png "$pdf" "$out/page"
echo "$pdf: $(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}') pages; PNG pages in $out"
