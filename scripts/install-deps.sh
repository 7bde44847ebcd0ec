#!/usr/bin/env bash
# Installs the system packages trendplot builds and runs with. Idempotent: returns at once when all are present.
set -euo pipefail
# libpoppler-glib-dev, poppler-data: PDF reports. wv: wvHtml reads old binary Word (.doc) reports.
# libxlsxwriter-dev: the XLSX workbooks. libtesseract-dev, tesseract-ocr-chi-sim, tesseract-ocr-eng: OCR of scanned
# PDF pages. librsvg2-bin: rsvg-convert, which the editable-SVG tests render with (they fail without it).
packages=(pkg-config libcairo2-dev libpango1.0-dev libxml2-dev zlib1g-dev fonts-noto-cjk fonts-wqy-microhei
    libpoppler-glib-dev poppler-data wv libxlsxwriter-dev libtesseract-dev tesseract-ocr-chi-sim tesseract-ocr-eng librsvg2-bin)
# A machine without python3 (a bare Debian 12) gets Debian's, with its python-docx.
command -v python3 >/dev/null || packages+=(python3 python3-docx)
if [ "${1:-}" = "--extra" ]; then
    shift
    packages+=("$@")
fi
# SwiftPM warns about the -pthread that glib's pkg-config file adds ("prohibited flag(s)"). The CCairo target
# reads this flattened copy of pangocairo's flags instead: the same include paths and libraries, minus -pthread.
write_pc() {
    local pc=/usr/local/lib/pkgconfig/trendplot-pangocairo.pc
    command -v pkg-config >/dev/null && pkg-config --exists pangocairo fontconfig || return 0
    local cflags libs content
    cflags=$(pkg-config --cflags pangocairo fontconfig | sed 's/-pthread//g')
    libs=$(pkg-config --libs pangocairo fontconfig | sed 's/-pthread//g')
    content=$(printf 'Name: trendplot-pangocairo\nDescription: pangocairo and fontconfig flags without -pthread\nVersion: 1\nCflags: %s\nLibs: %s\n' "$cflags" "$libs")
    if [ ! -f "$pc" ] || [ "$(cat "$pc")" != "$content" ]; then
        mkdir -p "$(dirname "$pc")" && printf '%s\n' "$content" > "$pc"
    fi
}
# python-docx: the DOCX briefing tests read the file back with it (Tests/PublishingTests/DOCXReadBack.swift,
# scripts/docx-dump.py). From PyPI, for the python3 the tests run, only when it cannot be imported.
python_deps() {
    command -v python3 >/dev/null || { echo "error: python3 is needed by the tests (apt-get install python3 python3-pip)" >&2; return 1; }
    python3 -c 'import docx' 2>/dev/null && return 0
    echo "Installing python-docx (pip)" >&2
    python3 -m pip install --quiet python-docx 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages python-docx 2>/dev/null \
        || { [ "$(command -v python3)" = /usr/bin/python3 ] && [ "$(id -u)" = 0 ] \
             && apt-get install -y -qq --no-install-recommends python3-docx >/dev/null; } \
        || { echo "error: pip could not install python-docx (python3 -m pip install python-docx)" >&2; return 1; }
}
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    write_pc
    python_deps
    exit 0
fi
echo "Installing: ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
    echo "error: root is needed to install ${missing[*]} (run: sudo apt-get install -y ${missing[*]})" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fc-cache -f >/dev/null 2>&1 || true
write_pc
python_deps
