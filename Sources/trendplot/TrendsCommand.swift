import ArgumentParser
import Foundation
import Publishing
import ReportReading
import SeriesModel

struct TrendsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trends",
        abstract: "Year-over-year changes, growth, trend lines and key findings of the series in DATA.",
        discussion: """
        DATA is any mix of report files, tidy CSV/JSON files and folders (read recursively); `-` reads stdin.
        Values of the same (entity, year, metric) from several sources are merged: printed beats derived, the
        first of two printed values is kept, and every disagreement is reported on stderr.
        Derived indicators (公开率, 复议纠错率, …; see `trendplot metrics`) are added unless --no-indicators.

        CSV columns: entity,metric,year,value,yoy_abs,yoy_pct,yoy_note,index,moving_avg,unit,label,derived,source
        (yoy_abs/yoy_pct empty when the previous year is missing or zero; yoy_note then says new or n/a).

        Examples:
          trendplot trends datasets/ --metric licensing.decisions --format csv
          trendplot trends datasets/ --metric 'applications.*.total' \\
              --from 2019 --to 2022
          trendplot trends datasets/ --findings --lang en
          trendplot trends data.csv --alias aliases.yaml --format json > trends.json
          trendplot trends data/ --summary > series-summaries.csv
          trendplot trends data/ --shares --entity 平潭综合实验区
          trendplot trends data/ --ranks --metric licensing.decisions --format csv

        Alias file (--alias): CSV with the header alias,entity (one old name per row), or YAML mapping each
        current name to a list of its old names:
          平潭综合实验区:
            - 平潭综合实验区管理委员会
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, md }

    @Argument(help: ArgumentHelp(Inputs.dataHelp, valueName: "DATA"))
    var data: [String]

    @OptionGroup var metricOptions: MetricOptions
    @OptionGroup var entityOptions: EntityOptions
    @OptionGroup var dataOptions: DataOptions

    @Option(help: "First year to show.")
    var from: Int?

    @Option(help: "Last year to show.")
    var to: Int?

    @Option(name: .customLong("index-base"), help: "Base year of the index column (= 100); default: each series' first year.")
    var indexBase: Int?

    @Option(help: "Output format: table, csv, json or md.")
    var format: Format = .table

    @Option(name: .shortAndLong, help: "Write to this file instead of stdout; FILE.xlsx writes a workbook (数据 = the trend rows, 表二/三/四 per body, 核查, 来源).")
    var output: String?

    @Option(help: "Language of labels and findings: zh or en.")
    var lang: String = "zh"

    @Option(help: "How many files to read at once (default: the number of processors).")
    var jobs: Int?

    @Flag(help: "Print the key findings (briefing sentences) instead of the trend rows.")
    var findings = false

    @Flag(help: "Print one summary per series (span, CAGR, slope, R², largest rise and fall) as CSV or JSON.")
    var summary = false

    @Flag(help: "Print the shares of 表三's outcomes and applicant types per entity and year, with shifts in percentage points.")
    var shares = false

    @Flag(help: "Print the rank of each entity per metric and year (1 = largest).")
    var ranks = false

    @Flag(inversion: .prefixedNo, help: "Add derived indicators (公开率, 复议纠错率, …).")
    var indicators = true

    @Flag(help: ArgumentHelp("Print the time of each phase to stderr.", visibility: .hidden))
    var timings = false

    mutating func validate() throws {
        if [findings, summary, shares, ranks].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --findings, --summary, --shares and --ranks")
        }
        guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be zh or en, not “\(lang)”") }
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let output, Workbooks.isWorkbook(output), findings || summary || shares || ranks {
            throw ValidationError("-o \(output) writes the trend rows as a workbook; it cannot be combined with --findings, --summary, --shares or --ranks")
        }
    }

    func run() throws { try Diagnostics.run(runBody) }

    func runBody() throws {
        let language = Language(rawValue: lang) ?? .zh
        var timer = PhaseTimer(enabled: timings)
        let (inputs, aliases) = try dataOptions.load(data, jobs: jobs)
        var dataset = inputs.dataset
        timer.lap("read and merge into \(dataset.count) observations, \(dataset.seriesCount) series")
        if indicators { dataset.addIndicators() }
        timer.lap("indicators (now \(dataset.count) observations, \(dataset.seriesCount) series)")
        if inputs.isUnusable { throw ExitCode(ExitStatus.unusable) }

        let metrics = try metricOptions.resolve(available: dataset.metrics, data: data)
        let wantedEntities = try entityOptions.resolve(in: dataset.entities, aliases: aliases)
        let selected = selectedSeries(dataset, entities: Set(wantedEntities), metrics: metrics)
        if let output, Workbooks.isWorkbook(output) {
            var rows: [(row: TrendRow, unit: String, label: String)] = []
            for i in selected {
                let s = dataset.series(at: i).restricted(from: from, to: to)
                let meta = dataset.unitAndLabel(ofSeries: i, language: language)
                rows += TrendRow.rows(of: s, indexBase: indexBase).map { ($0, meta.unit, meta.label) }
            }
            try Workbooks.write(data: .trends(rows), reports: inputs.reports, checks: CheckReport.run(inputs), to: output)
            timer.lap("workbook")
            return
        }
        var out = try OutputBuffer(path: output, csv: format == .csv || (summary && format != .json))
        if findings {
            let gen = Findings(language: language, from: from, to: to)
            let entityList = wantedEntities.isEmpty ? dataset.entities : dataset.entities.filter { wantedEntities.contains($0) }
            var list = gen.generate(dataset, entities: entityList)
            if !metrics.isEmpty { list = list.filter { f in f.metric.map { Self.matches($0, metrics) } ?? true } }
            out.write(try TrendsReport.findings(list, format: reportFormat, language: language))
        } else if shares {
            let list = wantedEntities.isEmpty ? dataset.entities : dataset.entities.filter { wantedEntities.contains($0) }
            out.write(try TrendsReport.shares(dataset, entities: list, from: from, to: to, format: reportFormat, language: language))
        } else if ranks {
            var seen = Set<String>()
            let metricList = selected.map { dataset.metric(ofSeries: $0) }.filter { seen.insert($0).inserted }
            out.write(try TrendsReport.ranks(dataset, metrics: metricList, entities: wantedEntities.isEmpty ? nil : wantedEntities,
                                             from: from, to: to, format: reportFormat, language: language))
        } else if summary && format != .json {
            TrendsCSVWriter.writeSummaries(dataset, series: selected, from: from, to: to) { out.write(bytes: $0) }
        } else if summary {
            try TrendsReport.summaries(dataset, series: selected, from: from, to: to,
                                       format: format == .json ? .json : .csv) { out.write($0) }
        } else if format == .csv {
            TrendsCSVWriter.write(dataset, series: selected, from: from, to: to, language: language, indexBase: indexBase) {
                out.write(bytes: $0)
            }
        } else {
            try TrendsReport.trends(dataset, series: selected, from: from, to: to, format: reportFormat,
                                    language: language, indexBase: indexBase) { out.write($0) }
        }
        try out.finish()
        timer.lap(findings ? "findings" : "trends and output")
    }

    private var reportFormat: TrendsReport.Format { TrendsReport.Format(rawValue: format.rawValue) ?? .table }

    private static func matches(_ metric: String, _ metrics: [String]) -> Bool {
        metrics.isEmpty || metrics.contains { MetricPattern($0).matches(metric) }
    }

    private func selectedSeries(_ dataset: Dataset, entities: Set<String>, metrics: [String]) -> [Int] {
        var out: [Int] = []
        var matchCache: [String: Bool] = [:]
        for i in 0..<dataset.seriesCount {
            if !entities.isEmpty && !entities.contains(dataset.entity(ofSeries: i)) { continue }
            let m = dataset.metric(ofSeries: i)
            let ok: Bool
            if let c = matchCache[m] { ok = c } else { ok = Self.matches(m, metrics); matchCache[m] = ok }
            if ok { out.append(i) }
        }
        return out
    }
}

/// Prints the time and memory of each phase to stderr (`--timings`).
struct PhaseTimer {
    let enabled: Bool
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant

    init(enabled: Bool) {
        self.enabled = enabled
        last = clock.now
    }

    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = clock.now
        let d = now - last
        last = now
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let memory = status.split(separator: "\n").filter { $0.hasPrefix("VmRSS") || $0.hasPrefix("VmHWM") }
            .map { $0.split(whereSeparator: \.isWhitespace).dropFirst().joined(separator: " ") }
        let mem = memory.count == 2 ? ", rss \(memory[1]), peak \(memory[0])" : ""
        FileHandle.standardError.write(Data("trendplot: phase \(name): \(NumberText.positional(seconds, fractionDigits: 2)) s\(mem)\n".utf8))
    }
}

/// Collects output and writes it to stdout (or, with `-o`, to a file written atomically) in large blocks.
struct OutputBuffer {
    private var bytes: [UInt8] = []
    private let file: AtomicFile?
    private var failure: (any Error)?

    /// Output to stdout.
    init() { file = nil }

    /// Output to `path` (stdout for nil, `-` or `/dev/stdout`); CSV written to a file starts with a UTF-8 BOM, so
    /// that Excel and WPS read it as UTF-8.
    init(path: String?, csv: Bool) throws {
        guard let path, path != "-", path != "/dev/stdout" else { file = nil; return }
        file = try AtomicFile(path: path, createFolders: true)
        if csv { bytes = TidyTable.byteOrderMark }
    }

    mutating func write(_ s: String) { write(bytes: Array(s.utf8)) }

    mutating func write(bytes chunk: [UInt8]) {
        bytes += chunk
        if bytes.count >= 1 << 20 {
            do { try flush() } catch { failure = failure ?? error }
        }
    }

    mutating func flush() throws {
        guard !bytes.isEmpty else { return }
        if let file { try file.write(bytes) } else { FileHandle.standardOutput.write(Data(bytes)) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes what is left; a file is then moved into place.
    mutating func finish() throws {
        if let failure { throw failure }
        try flush()
        try file?.commit()
    }
}
