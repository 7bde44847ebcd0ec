import ArgumentParser
import Charts
import Dispatch
import Foundation
import Publishing
import ReportReading
import SeriesModel

/// `trendplot export`: every chart of the data, in every format, in parallel, with a manifest and a gallery.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Draw every chart of the data into a folder (PNG, SVG, PDF), with manifest.json, index.html and data.xlsx.",
        discussion: """
        DATA is any mix of report files, tidy CSV/JSON files and folders (read recursively); - is stdin. Charts whose data and options are unchanged since the
        last run (recorded in DIR/manifest.json) are skipped unless --force. A chart that fails does not stop the
        others; failures are listed at the end and the exit code is 1. Ctrl-C stops after the charts in progress;
        no partial file is left and the next run draws only what is missing.

        Examples:
          trendplot export datasets -o out/charts
          trendplot export datasets --formats png --per both --kind bar --jobs 2 -o out/charts
        """
    )

    @Argument(help: "Report files, tidy CSV/JSON files or folders; - for stdin.")
    var data: [String] = []

    @Option(name: .shortAndLong, help: "The output folder.")
    var output: String

    @Option(help: "Comma-separated formats: png, svg, pdf.")
    var formats = "png,svg,pdf"

    @Option(help: "One chart per metric (bodies compared), per entity (its metric groups), or both.")
    var per: ExportPlan.Per = .metric

    @Option(help: "The chart kind: \(ChartKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: ChartKind = .line

    @Option(help: "Charts drawn at once (default: every core).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "SVG files with text as editable <text> elements (positions as laid out, CJK fonts named) instead of outlines.")
    var svgText = false

    @Flag(help: "Redraw every chart, even unchanged ones.")
    var force = false

    func validate() throws {
        if data.isEmpty { throw ValidationError("pass at least one DATA file or directory") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if try !parsedFormats().contains(.svg) && svgText {
            throw ValidationError("--svg-text applies to SVG files: add svg to --formats (now \(formats))")
        }
    }

    func parsedFormats() throws -> [OutputFormat] {
        let names = formats.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let parsed = names.compactMap(OutputFormat.init(rawValue:))
        guard !parsed.isEmpty, parsed.count == names.count else {
            throw ValidationError("--formats \(formats): expected a comma-separated list of png, svg, pdf")
        }
        return parsed.map(\.rawValue).uniquedInOrder().compactMap(OutputFormat.init(rawValue:))
    }

    func run() async throws { try await Diagnostics.run(runBody) }

    func runBody() async throws {
        let formats = try parsedFormats()
        // Planning runs with glibc's usual trimming, so that the input data, let go after planning, goes back to
        // the system; drawing then keeps freed memory for the next chart.
        let plan = try Self.plan(data, per: per, kind: kind, workbook: output)
        HeapReuse.releaseFreedMemory()
        HeapReuse.keepFreedMemory()
        let total = plan.chartCount * formats.count

        let stop = StopFlag()
        let interrupt = Self.stopOnInterrupt(stop)
        defer { interrupt.forEach { $0.cancel() } }
        let bar = ProgressBar(title: "trendplot export")
        var runner = ExportRunner(directory: output, jobs: jobs, force: force, stop: stop)
        runner.svgText = svgText
        let outcome = try await runner.run(plan, formats: formats) { done, total in bar.update(done: done, total: total) }

        var summary = "\(outcome.written.count) written, \(outcome.skipped.count) unchanged"
        if !outcome.failures.isEmpty { summary += ", \(outcome.failures.count) failed" }
        if outcome.interrupted { summary += ", stopped before \(total - outcome.written.count - outcome.skipped.count - outcome.failures.count) others" }
        bar.finish(summary + " (\(plan.chartCount) charts × \(formats.count) formats, \(output))")
        if !outcome.removed.isEmpty {
            Diagnostics.note("removed \(outcome.removed.count) file(s) an earlier export listed and this one does not "
                             + "(other formats or data), e.g. \(outcome.removed[0])")
        }
        for failure in outcome.failures {
            Diagnostics.error("\(output)/\(failure.file): \(failure.message)")
        }
        print(output + "/" + GalleryPage.fileName)
        if outcome.interrupted { throw ExitCode(ExitStatus.interrupted) }
        if !outcome.failures.isEmpty { throw ExitCode(ExitStatus.findings) }
    }

    /// The charts to draw, made one at a time as drawing goes, after the data workbook (`DIR/data.xlsx`: the merged
    /// tidy rows, the reports' tables, the checks, the sources) is written. The observations are let go on return
    /// (the plan keeps them compactly), before any chart is drawn.
    private static func plan(_ data: [String], per: ExportPlan.Per, kind: ChartKind, workbook folder: String) throws -> LazyExportPlan {
        let inputs = Inputs.load(data)
        if inputs.isUnusable { throw ExitCode(ExitStatus.unusable) }
        let observations = inputs.dataset.observations()
        if !observations.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Workbooks.write(data: .tidy(observations), reports: inputs.reports, checks: CheckReport.run(inputs),
                                to: folder + "/" + Workbooks.exportFileName)
        }
        let plan = LazyExportPlan(observations, per: per, kind: kind)
        if plan.chartCount == 0 {
            throw RuntimeFailure(message: "no chart can be drawn from \(data.joined(separator: ", ")): no observations found")
        }
        return plan
    }

    /// Ctrl-C or SIGTERM (what `timeout`, systemd and CI send) sets `stop`: the charts in progress are finished and
    /// written, then the manifest and the index. A second signal does not cut that short (the manifest would no
    /// longer match the folder); it only says what is happening. SIGKILL still ends the process at once.
    private static func stopOnInterrupt(_ stop: StopFlag) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stop.isSet {
                    FileHandle.standardError.write(Data(
                        "\ntrendplot export: still finishing the charts in progress and writing the manifest\n".utf8))
                    return
                }
                stop.set()
                FileHandle.standardError.write(Data(
                    "\ntrendplot export: stopping after the charts in progress; the manifest is written, a rerun draws the rest\n".utf8))
            }
            source.resume()
            return source
        }
    }
}

extension ExportPlan.Per: ExpressibleByArgument {}
