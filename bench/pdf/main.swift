// PDF reading speed: PDFReader.read on each file, best of `--runs` passes of `--repeat` reads, one thread;
// wall time and process CPU time (the machine is shared, so CPU time is the steadier figure).
// Built by bench/pdf/run.sh in a scratch package that links Sources/CPoppler and Sources/PDFInput.
import Foundation
import PDFInput

var files: [String] = []
var runs = 5, repeats = 20
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--runs": runs = Int(args.popFirst() ?? "") ?? runs
    case "--repeat": repeats = Int(args.popFirst() ?? "") ?? repeats
    default: files.append(a)
    }
}
/// CPU time of this process in ms (not inflated when other jobs share the core).
func cpuMs() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
}
print("| file | pages | rendered | tables | wall ms/report | CPU ms/report | pages/s (CPU) | reports/s (CPU) |")
print("|---|---|---|---|---|---|---|---|")
for path in files {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let name = URL(fileURLWithPath: path).lastPathComponent
    let first = try PDFReader.read(bytes, file: name)
    var best = Double.infinity, bestCPU = Double.infinity
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds, cpu = cpuMs()
        for _ in 0..<repeats { _ = try PDFReader.read(bytes, file: name) }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(repeats))
        bestCPU = min(bestCPU, (cpuMs() - cpu) / Double(repeats))
    }
    let pages = first.pages.count
    print("| \(name) | \(pages) | \(first.pages.filter(\.rendered).count) | \(first.tables.count) | "
          + String(format: "%.1f | %.1f | %.0f | %.1f |", best, bestCPU, Double(pages) * 1000 / bestCPU, 1000 / bestCPU))
}
