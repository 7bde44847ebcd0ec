import ArgumentParser
import Foundation
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
          trendplot trends datasets/ --metric 'applications.*.total' --from 2019 --to 2022
          trendplot trends datasets/ --findings --lang en
          trendplot trends data.csv --alias aliases.yaml --format json > trends.json
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, md }

    @Argument(help: "Report files, tidy CSV/JSON files or folders; - for stdin.")
    var data: [String]

    @Option(name: .customLong("metric"), help: "A metric id to show (repeatable); a trailing * matches a prefix, e.g. applications.*.")
    var metrics: [String] = []

    @Option(name: .customLong("entity"), help: "A body to show (repeatable); old names are resolved with --alias.")
    var entities: [String] = []

    @Option(help: "First year to show.")
    var from: Int?

    @Option(help: "Last year to show.")
    var to: Int?

    @Option(help: "Output format: table, csv, json or md.")
    var format: Format = .table

    @Option(help: "Language of labels and findings: zh or en.")
    var lang: String = "zh"

    @Option(help: "Alias file mapping old entity names to current ones (CSV alias,entity or YAML).")
    var alias: String?

    @Flag(help: "Print the key findings (briefing sentences) instead of the trend rows.")
    var findings = false

    @Flag(inversion: .prefixedNo, help: "Add derived indicators (公开率, 复议纠错率, …).")
    var indicators = true

    mutating func validate() throws {
        guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be zh or en, not “\(lang)”") }
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    func run() throws {
        let language = Language(rawValue: lang) ?? .zh
        var aliases = EntityAliases()
        if let alias {
            guard let bytes = FileManager.default.contents(atPath: alias) else {
                throw ValidationError("cannot read the alias file \(alias)")
            }
            aliases = try EntityAliases.read(Array(bytes), file: alias)
        }
        var dataset = try Inputs.loadDataset(data, aliases: aliases)
        if indicators { dataset.addIndicators() }

        let wantedEntities = entities.map { aliases.resolve(EntityName.normalize($0)) }
        for e in wantedEntities where !dataset.entities.contains(e) {
            FileHandle.standardError.write(Data("trendplot: warning: no data for entity “\(e)”\n".utf8))
        }
        let selected = selectedSeries(dataset, entities: Set(wantedEntities))
        var out = OutputBuffer()
        if findings {
            let gen = Findings(language: language, from: from, to: to)
            let entityList = wantedEntities.isEmpty ? dataset.entities : dataset.entities.filter { wantedEntities.contains($0) }
            var list = gen.generate(dataset, entities: entityList)
            if !metrics.isEmpty { list = list.filter { f in f.metric.map(matches) ?? true } }
            out.write(try TrendsReport.findings(list, format: reportFormat, language: language))
        } else {
            try TrendsReport.trends(dataset, series: selected, from: from, to: to, format: reportFormat,
                                    language: language) { out.write($0) }
        }
        out.flush()
    }

    private var reportFormat: TrendsReport.Format { TrendsReport.Format(rawValue: format.rawValue) ?? .table }

    private func matches(_ metric: String) -> Bool {
        metrics.isEmpty || metrics.contains { pattern in
            guard pattern.contains("*") else { return pattern == metric }
            return Self.glob(pattern, metric)
        }
    }

    /// `*` matches any run of characters.
    static func glob(_ pattern: String, _ text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard text.hasPrefix(parts[0]) else { return false }
        var rest = Substring(text.dropFirst(parts[0].count))
        for (i, p) in parts.enumerated().dropFirst() {
            if i == parts.count - 1 { return p.isEmpty || rest.hasSuffix(p) }
            guard let r = rest.range(of: p) else { return false }
            rest = rest[r.upperBound...]
        }
        return rest.isEmpty
    }

    private func selectedSeries(_ dataset: Dataset, entities: Set<String>) -> [Int] {
        var out: [Int] = []
        var matchCache: [String: Bool] = [:]
        for i in 0..<dataset.seriesCount {
            if !entities.isEmpty && !entities.contains(dataset.entity(ofSeries: i)) { continue }
            let m = dataset.metric(ofSeries: i)
            let ok: Bool
            if let c = matchCache[m] { ok = c } else { ok = matches(m); matchCache[m] = ok }
            if ok { out.append(i) }
        }
        return out
    }
}

/// Collects output and writes it to stdout in large blocks.
struct OutputBuffer {
    private var text = ""

    mutating func write(_ s: String) {
        text += s
        if text.utf8.count >= 1 << 20 { flush() }
    }

    mutating func flush() {
        guard !text.isEmpty else { return }
        FileHandle.standardOutput.write(Data(text.utf8))
        text = ""
    }
}
