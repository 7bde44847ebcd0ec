import ArgumentParser
import Charts
import Foundation
import Publishing
import ReportReading
import SeriesModel

/// `trendplot demo`: the bundled dataset → charts in PNG, SVG and PDF.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Render the bundled dataset's charts (PNG, SVG, PDF) and print their paths.",
        discussion: """
        Reads datasets/ (found in the current directory or above the executable), or --data DIR.

        Examples:
          trendplot demo -o out
          trendplot demo --gallery -o out/gallery
          trendplot demo --data my-tidy-csvs -o charts
        """
    )

    @Option(name: .shortAndLong, help: "The output directory.")
    var output: String = "out"

    @Option(help: "The data directory (default: the bundled datasets/).")
    var data: String?

    @Flag(help: "Render every chart kind (the gallery) instead of the overview charts.")
    var gallery = false

    @OptionGroup var dataOptions: DataOptions

    func run() throws { try Diagnostics.run(runBody) }

    func runBody() throws {
        let dataDir = try data ?? Self.findDatasets()
        let observations = try Self.loadObservations(dataDir, options: dataOptions)
        guard !observations.isEmpty else {
            throw RuntimeFailure(message: "\(dataDir): no observations found (expected reports or tidy CSV/JSON files)")
        }
        let selection = gallery ? Gallery.selectCharts(observations) : Gallery.selectOverview(observations)
        let charts = selection.charts
        for s in selection.skipped { Diagnostics.note("\(s)") }
        var unknown = 0
        for (index, (name, spec)) in charts.enumerated() {
            for format in OutputFormat.allCases {
                let path = (output as NSString).appendingPathComponent("\(name).\(format.rawValue)")
                let rendered: Chart.Rendered
                do {
                    try spec.checkDrawableValues()
                    rendered = try Chart.renderDetailed(spec, format: format)
                } catch {
                    throw RuntimeFailure(message: "\(Diagnostics.describe(error)) (chart \(index + 1) of \(charts.count), \(name).\(format.rawValue))")
                }
                try AtomicFile.write(rendered.bytes, to: path, createFolders: true)
                unknown = max(unknown, rendered.unknownGlyphs)
                print(path)
            }
        }
        FontWarning.report(unknownGlyphs: unknown)
    }

    /// Loads every observation the demo draws: the reports and tidy files under `dir`, plus the derived
    /// indicators (公开率, …) so the overview can chart them.
    static func loadObservations(_ dir: String, options: DataOptions? = nil) throws -> [Observation] {
        let inputs = try options?.load([dir]).inputs ?? Inputs.load([dir])
        if inputs.isUnusable { throw ExitCode(ExitStatus.unusable) }
        // Say what was read from where: the same body and year may come from a PDF, a DOCX, HTML and web text.
        for r in inputs.reports {
            Diagnostics.status("read \(r.report.file): \(r.report.entity) \(r.report.year), \(r.report.format.rawValue), "
                               + "\(r.observations.count) observations")
        }
        var dataset = inputs.dataset
        dataset.addIndicators()
        return dataset.observations()
    }

    /// `datasets/` in the current directory or a parent, else beside or above the executable.
    static func findDatasets() throws -> String {
        let fm = FileManager.default
        var starts = [URL(fileURLWithPath: fm.currentDirectoryPath)]
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent())
        for start in starts {
            var dir = start.standardizedFileURL
            while true {
                let candidate = dir.appendingPathComponent("datasets")
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: candidate.path, isDirectory: &isDir), isDir.boolValue { return candidate.path }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        throw RuntimeFailure(message: "cannot find the datasets/ folder in the current directory, its parents or above the executable; pass --data DIR")
    }
}
