// PDF reading speed: PDFReader.read on each file, best of `--runs` passes of `--repeat` reads, one thread;
// wall time and process CPU time (the machine is shared, so CPU time is the steadier figure).
// `--threads N`: instead, N threads read all files `--repeat` times at once; prints reports/s (wall) and checks
// every result equals the serial one.
// `--dump`: print what was read instead; `--ocr`: OCR pages without a usable text layer.
// Built by bench/pdf/run.sh in a scratch package that links Sources/CPoppler and Sources/PDFInput.
import Foundation
import PDFInput
import Synchronization

var files: [String] = []
var runs = 5, repeats = 20, threads = 0
var dump = false, ocr = false
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--runs": runs = Int(args.popFirst() ?? "") ?? runs
    case "--repeat": repeats = Int(args.popFirst() ?? "") ?? repeats
    case "--threads": threads = Int(args.popFirst() ?? "") ?? threads
    case "--dump": dump = true
    case "--ocr": ocr = true
    default: files.append(a)
    }
}
/// CPU time of this process in ms (not inflated when other jobs share the core).
func cpuMs() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
}
if dump {
    // `--dump`: every file's blocks as text (tables row by row with their boxes, lines with their page), to compare
    // two builds' readings.
    for path in files {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let c = try PDFReader.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), file: name, ocr: ocr)
        print("== \(name): \(c.pages.count) pages, rendered \(c.pages.filter(\.rendered).map(\.number))")
        for block in c.blocks {
            switch block {
            case let .line(l): print("p\(l.page):L\(l.number) \(l.text)")
            case let .table(t):
                print("table \(t.number) pages \(t.pages) \(t.construction)")
                for row in t.rows { print("  " + row.map { $0.text.replacingOccurrences(of: "\n", with: "⏎") }.joined(separator: " | ")) }
            }
        }
    }
    exit(0)
}
if threads > 0 {
    let inputs = try files.map { path in ([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), URL(fileURLWithPath: path).lastPathComponent) }
    let serial = try inputs.map { try PDFReader.read($0.0, file: $0.1) }
    let mismatches = Mutex(0)
    let rounds = repeats
    let start = DispatchTime.now().uptimeNanoseconds
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
        for _ in 0..<rounds {
            for (k, input) in inputs.enumerated() {
                let c = try? PDFReader.read(input.0, file: input.1)
                if c != serial[k] { mismatches.withLock { $0 += 1 } }
            }
        }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let reports = threads * repeats * inputs.count
    print(String(format: "%d threads: %d reports in %.2f s = %.1f reports/s (wall); %d results differ from the serial read",
                 threads, reports, seconds, Double(reports) / seconds, mismatches.withLock { $0 }))
    exit(0)
}
print("| file | pages | rendered | tables | wall ms/report | CPU ms/report | pages/s (CPU) | reports/s (CPU) |")
print("|---|---|---|---|---|---|---|---|")
for path in files {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let name = URL(fileURLWithPath: path).lastPathComponent
    let first = try PDFReader.read(bytes, file: name, ocr: ocr)
    var best = Double.infinity, bestCPU = Double.infinity
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds, cpu = cpuMs()
        for _ in 0..<repeats { _ = try PDFReader.read(bytes, file: name, ocr: ocr) }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(repeats))
        bestCPU = min(bestCPU, (cpuMs() - cpu) / Double(repeats))
    }
    let pages = first.pages.count
    print("| \(name) | \(pages) | \(first.pages.filter(\.rendered).count) | \(first.tables.count) | "
          + String(format: "%.1f | %.1f | %.0f | %.1f |", best, bestCPU, Double(pages) * 1000 / bestCPU, 1000 / bestCPU))
}
