#!/usr/bin/env bash
# PDF reading speed on one core (release): bench/pdf/run.sh [PDF…]; default ../shared/reports/hongze_2023.pdf and
# the test fixtures. Builds a scratch package in .build/pdfbench that links the project's CPoppler and PDFInput.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
# PDFINPUT_SRC=/path/to/Sources (another checkout's, e.g. `git worktree add /tmp/before <commit>`) times that code
# instead, in a scratch package of its own: paired before/after runs on a shared machine.
SRC=${PDFINPUT_SRC:-$ROOT/Sources}
SCRATCH=$ROOT/.build/pdfbench${PDFINPUT_SRC:+-$(echo "$SRC" | md5sum | cut -c1-8)}
mkdir -p "$SCRATCH/Sources/pdfbench"
ln -sfn "$SRC/CPoppler" "$SCRATCH/Sources/CPoppler"
ln -sfn "$SRC/CTesseract" "$SCRATCH/Sources/CTesseract"
ln -sfn "$SRC/PDFInput" "$SCRATCH/Sources/PDFInput"
cp bench/pdf/main.swift "$SCRATCH/Sources/pdfbench/main.swift"
cat > "$SCRATCH/Package.swift" <<'SWIFT'
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "pdfbench",
    targets: [
        .systemLibrary(name: "CPoppler", path: "Sources/CPoppler", pkgConfig: "poppler-glib"),
        .systemLibrary(name: "CTesseract", path: "Sources/CTesseract"),
        .target(name: "PDFInput", dependencies: ["CPoppler", "CTesseract"]),
        .executableTarget(name: "pdfbench", dependencies: ["PDFInput"]),
    ],
    swiftLanguageModes: [.v6]
)
SWIFT
# A failed build must stop the run (an old binary would be timed otherwise); -g keeps symbols for perf.
if ! swift build -c release --package-path "$SCRATCH" -Xswiftc -g > "$SCRATCH/build.log" 2>&1; then
    grep -Ev '^(\[|Building|Compiling|Write|Linking|Planning)' "$SCRATCH/build.log" >&2; echo "pdfbench: build failed" >&2; exit 1
fi
BIN=$(swift build -c release --package-path "$SCRATCH" -Xswiftc -g --show-bin-path)/pdfbench
if [ $# -eq 0 ]; then
    set -- ../shared/reports/hongze_2023.pdf Tests/PDFInputTests/Fixtures/pdf/split_table.pdf Tests/PDFInputTests/Fixtures/pdf/three_line.pdf
fi
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
taskset -c 0 "$BIN" "$@"
