#!/usr/bin/env bash
# PDF reading speed on one core (release): bench/pdf/run.sh [PDF…]; default ../shared/reports/hongze_2023.pdf and
# the test fixtures. Builds a scratch package in .build/pdfbench that links the project's CPoppler and PDFInput.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SCRATCH=$ROOT/.build/pdfbench
mkdir -p "$SCRATCH/Sources/pdfbench"
ln -sfn "$ROOT/Sources/CPoppler" "$SCRATCH/Sources/CPoppler"
ln -sfn "$ROOT/Sources/PDFInput" "$SCRATCH/Sources/PDFInput"
cp bench/pdf/main.swift "$SCRATCH/Sources/pdfbench/main.swift"
cat > "$SCRATCH/Package.swift" <<'SWIFT'
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "pdfbench",
    targets: [
        .systemLibrary(name: "CPoppler", path: "Sources/CPoppler", pkgConfig: "poppler-glib"),
        .target(name: "PDFInput", dependencies: ["CPoppler"]),
        .executableTarget(name: "pdfbench", dependencies: ["PDFInput"]),
    ],
    swiftLanguageModes: [.v6]
)
SWIFT
swift build -c release --package-path "$SCRATCH" 2>&1 | grep -Ev '^(\[|Building|Compiling|Write|Linking|Planning)' || true
BIN=$(swift build -c release --package-path "$SCRATCH" --show-bin-path)/pdfbench
if [ $# -eq 0 ]; then
    set -- ../shared/reports/hongze_2023.pdf Tests/PDFInputTests/Fixtures/pdf/split_table.pdf Tests/PDFInputTests/Fixtures/pdf/three_line.pdf
fi
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
taskset -c 0 "$BIN" "$@"
