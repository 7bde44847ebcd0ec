import ArgumentParser
import Foundation
import Publishing
import ReportReading
import SeriesModel

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read every number of 表二, 表三 and 表四 from reports (.txt, .html, .htm, .md) as tidy observations.",
        discussion: """
        Blank cells, ambiguous runs and problems are listed on stderr (and in the JSON output, beside the
        observations). Sources: FILE:LINE for text and Markdown (the line of the row label), FILE#tableN[rRcC]
        for HTML (表N; row R, column C of the expanded grid of the HTML table), plus any split or unit conversion.
        Examples:
          trendplot extract datasets/mudanjiang/mudanjiang_2020.txt --format csv
          trendplot extract datasets/pingtan/*.html --format json -o pingtan.json
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @Argument(help: "Report files (\(Inputs.reportExtensions)) or folders of them; - reads stdin.")
    var files: [String]

    @Option(help: "Output format: csv or json.")
    var format: Format = .csv

    @Option(name: .shortAndLong, help: "Write to this file instead of stdout; FILE.xlsx writes a workbook (数据, 表二/三/四 per body, 核查, 来源).")
    var output: String?

    @Option(help: ArgumentHelp("名称 The body's name for every report read, instead of the one in the title (for a report whose title does not give it).", valueName: "NAME"))
    var name: String?

    @Option(help: "年度 The report year, instead of the one in the title.")
    var year: Int?

    @Option(help: "模板 The template (2019 or 2021), instead of the one the labels suggest.")
    var template: String?

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var metricOptions: MetricOptions
    @OptionGroup var entityOptions: EntityOptions

    func run() throws { try Diagnostics.run(runBody) }

    func runBody() throws {
        var tpl: TemplateVersion?
        if let template {
            guard let t = TemplateVersion(rawValue: template) else {
                throw ValidationError("--template must be 2019 or 2021, not “\(template)”")
            }
            tpl = t
        }
        let options = ExtractionOptions(entity: name, year: year, template: tpl, reading: dataOptions.reading)
        let aliases = try dataOptions.aliases()
        var results: [ExtractionResult] = []
        let paths = ReportFiles.expand(files, excluding: dataOptions.alias)
        let names = InputLoader.sourceNames(paths, roots: files)      // 2020/report.txt and 2021/report.txt stay apart
        for path in paths {
            do {
                var result = try InputLoader.extract(path: path, name: names[path], options: options)
                if !aliases.map.isEmpty {
                    result.report.entity = aliases.resolve(result.report.entity)
                    for i in result.observations.indices { result.observations[i].entity = aliases.resolve(result.observations[i].entity) }
                }
                ReportFiles.printReport(result)
                if result.issues.contains(where: { $0.severity == .error }) { Diagnostics.recordFailure() }
                results.append(result)
            } catch {
                Diagnostics.itemFailed(Diagnostics.describe(error))
            }
        }
        if !entityOptions.entities.isEmpty || !metricOptions.metrics.isEmpty {
            let all = results.flatMap(\.observations)
            let entities = try entityOptions.resolve(in: all.map(\.entity).uniquedInOrder(), aliases: aliases)
            let metrics = try metricOptions.resolve(available: all.map(\.metric).uniquedInOrder(), data: files)
            results = results.compactMap { r in
                if !entities.isEmpty && !entities.contains(r.report.entity) { return nil }
                var r = r
                r.observations = r.observations.filter { o in
                    (entities.isEmpty || entities.contains(o.entity)) && (metrics.isEmpty || metrics.contains { MetricPattern($0).matches(o.metric) })
                }
                return r
            }
        }
        let observations = results.flatMap(\.observations)
        guard !observations.isEmpty else {
            let kept = output.map { $0 == "-" ? "" : "; \($0) was not written" + (FileManager.default.fileExists(atPath: $0) ? " (its old content is kept)" : "") } ?? ""
            throw RuntimeFailure(message: "no observation could be extracted from \(files.joined(separator: " "))\(kept)")
        }
        if let output, Workbooks.isWorkbook(output) {
            try Workbooks.write(data: .tidy(observations), reports: results, checks: ReportChecker.run(results), to: output)
            return
        }
        let text: String
        switch format {
        case .csv:
            text = TidyTable.csv(observations)
        case .json:
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let document = ExtractJSON(observations: results.flatMap { r in r.observations.map { ExtractJSON.Row(observation: $0, cell: r.cellBoxes[$0.source]) } },
                                       reports: results.map(ExtractJSON.Report.init))
            text = String(decoding: try enc.encode(document), as: UTF8.self) + "\n"
        }
        try Output.write(text, to: output, byteOrderMark: format == .csv)
    }
}

/// Where a command's text output goes: stdout, or a file written atomically through ``AtomicFile`` (missing folders
/// made; a device such as `/dev/null` written directly).
enum Output {
    /// Writes `text` to `path`, or to stdout when `path` is nil or `-`. With `byteOrderMark`, a file (not stdout or
    /// a device) starts with the UTF-8 BOM, which Excel and WPS on Chinese Windows need to read a CSV as UTF-8.
    static func write(_ text: String, to path: String?, byteOrderMark: Bool = false) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        if path.hasPrefix("/dev/") {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw RuntimeFailure(message: "\(path): cannot be opened for writing")
            }
            handle.write(Data(text.utf8))
            return
        }
        try AtomicFile.write((byteOrderMark ? TidyTable.byteOrderMark : []) + Array(text.utf8), to: path, createFolders: true)
    }
}

/// The JSON that `extract --format json` writes: the tidy observations, and beside them what each report held.
struct ExtractJSON: Encodable {
    /// What was read from one report besides its observations.
    struct Report: Encodable {
        var report: ReportInfo
        var ambiguities: [AmbiguousCells]
        var blankCells: [BlankCell]
        var issues: [ExtractionIssue]
        var narrative: [NarrativeFigure]

        init(_ r: ExtractionResult) {
            report = r.report
            ambiguities = r.ambiguities
            blankCells = r.blankCells
            issues = r.issues
            narrative = r.narrative
        }
    }

    /// An observation, with the page and box (points) of its PDF cell where there is one.
    struct Row: Encodable {
        var observation: Observation
        var cell: CellBox?

        private enum Keys: String, CodingKey { case page, box }
        func encode(to encoder: any Encoder) throws {
            try observation.encode(to: encoder)
            guard let cell else { return }
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(cell.page, forKey: .page)
            try c.encode(cell.box, forKey: .box)
        }
    }

    var observations: [Row]
    var reports: [Report]
}

/// Reading report files for the extract and check commands.
enum ReportFiles {
    /// `paths` with folders replaced by the report files in them (recursively, in path order); files and `-` as
    /// given. The other files of a folder are named on stderr.
    static func expand(_ paths: [String], excluding alias: String? = nil) -> [String] {
        var loader = InputLoader()
        loader.excluded = alias.map { [$0] } ?? []
        return loader.withoutExcluded(paths.flatMap { path -> [String] in
            var isDir: ObjCBool = false
            guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
                return [path]
            }
            let (files, errors, skipped) = InputLoader.expand([path])
            for e in errors { Diagnostics.itemFailed("\(e)") }
            for s in skipped { Diagnostics.note("\(s)") }
            return loader.withoutExcluded(files.filter { InputLoader.kind(of: $0) == .report })
        })
    }

    /// The extraction report of one file on stderr: what was read, blank cells, ambiguities, issues.
    static func printReport(_ r: ExtractionResult) {
        var s = "\(r.report.file): \(r.report.entity) \(r.report.year), template \(r.report.template), \(r.report.format.rawValue) "
            + "(\(r.report.encoding)): \(r.observations.count) observations"
        if !r.blankCells.isEmpty { s += ", \(r.blankCells.count) blank cells" }
        if !r.ambiguities.isEmpty { s += ", \(r.ambiguities.reduce(0) { $0 + $1.metrics.count }) ambiguous cells" }
        s += "\n"
        for b in r.blankCells { s += "  blank (not reported): \(b.metric) \(b.year) at \(b.source)\n" }
        for a in r.ambiguities {
            s += "  ambiguous: table \(a.table), row \(a.row) at \(a.source): “\(a.run)” → \(a.candidates.joined(separator: " or "))"
                + (a.truncated ? " …" : "") + "\n"
        }
        for i in r.issues where !(i.severity == .warning && i.message.contains("consistent ways")) { s += "  \(i)\n" }
        FileHandle.standardError.write(Data(s.utf8))
    }
}
