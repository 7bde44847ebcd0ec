import ArgumentParser
import Charts
import Foundation
import Publishing
import ReportReading
import SeriesModel

/// `trendplot plot`: one chart of one or more metrics from tidy data.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw a chart (PNG, SVG or PDF) of one or more metrics over the years.",
        discussion: """
        DATA is any mix of report files, tidy CSV/JSON files and folders (read recursively); - is stdin. The output format follows the file extension.

        Examples:
          trendplot plot datasets/mudanjiang/mudanjiang_2020_table2.csv \\
              --metric licensing.items -o items.png
          trendplot plot datasets --metric licensing.items \\
              --metric penalty.items --kind bar -o items.svg
          trendplot plot datasets --metric licensing.decisions --kind rank \\
              --theme print --size a4-half -o rank.pdf
        """
    )

    @Argument(help: ArgumentHelp(Inputs.dataHelp, valueName: "DATA"))
    var data: [String] = []

    @OptionGroup var metricOptions: MetricOptions
    @OptionGroup var entityOptions: EntityOptions
    @OptionGroup var dataOptions: DataOptions

    @Option(name: .shortAndLong, help: "The output file: .png, .svg or .pdf.")
    var output: String

    @Flag(help: "SVG only: text as editable <text> elements (positions as laid out, CJK fonts named) instead of outlines.")
    var svgText = false

    @OptionGroup var style: ChartOptions

    @Flag(help: "The finding as the title (行政许可2022年增至1.07万件); the descriptive title becomes the subtitle.")
    var headline = false

    mutating func validate() throws {
        guard OutputFormat(path: output) != nil else {
            throw ValidationError("the output file \(output) must end in .png, .svg or .pdf")
        }
        if svgText && OutputFormat(path: output) != .svg {
            throw ValidationError("--svg-text applies to SVG output; \(output) does not end in .svg")
        }
        if style.spec == nil && metricOptions.metrics.isEmpty { throw ValidationError("pass at least one --metric ID (or --spec FILE)") }
        if style.spec == nil && data.isEmpty { throw ValidationError("pass at least one DATA file or directory") }
    }

    func run() throws { try Diagnostics.run(runBody) }

    func runBody() throws {
        let format = OutputFormat(path: output)!
        var spec = try style.makeSpec(data: data, metrics: metricOptions, entities: entityOptions, reading: dataOptions)
        if headline && !Headline.apply(to: &spec) {
            Diagnostics.warning("--headline: “\(spec.title)” has no single finding to state (a composition or no values); the title stays")
        }
        if spec.kind != .sparkline, style.size?.lowercased() == "sparkline" {
            throw ValidationError("--size sparkline is the canvas of --kind sparkline, too small for the title, legend and axes of a "
                                  + "\(spec.kind.rawValue) chart: add --kind sparkline, or choose another --size")
        }
        if spec.kind == .sparkline, spec.series.count > 1 {
            Diagnostics.warning("a sparkline draws one series; drawn: “\(spec.series[0].label)”, left out: "
                                + spec.series.dropFirst().map { "“\($0.label)”" }.joined(separator: ", ")
                                + " (pass one --metric and one --entity, or use --kind line or facets to see them all)")
            spec.series = [spec.series[0]]
        }
        let years = Set(spec.series.flatMap { $0.points.map(\.year) })
        if let y = style.highlight, !years.contains(y), let low = years.min(), let high = years.max() {
            Diagnostics.note("--highlight \(y): the chart has no value of that year (its years are \(low)–\(high)); nothing is highlighted")
        }
        if let why = ResolvedChart(spec).noDataReason {
            Diagnostics.warning("“\(spec.title)”: \(why); the chart says 无数据")
        }
        try spec.checkDrawableValues()
        let rendered = svgText ? try Chart.renderEditableSVG(spec) : try Chart.renderDetailed(spec, format: format)
        try AtomicFile.write(rendered.bytes, to: output, createFolders: true)
        if style.altText {
            try AtomicFile.write(Array((rendered.altText.text + "\n").utf8), to: output + ".alt.txt", createFolders: true)
        }
        FontWarning.report(unknownGlyphs: rendered.unknownGlyphs)
        print(output)
    }
}

/// The options every chart command shares: kind, text, annotations, theme, size.
struct ChartOptions: ParsableArguments {
    @Option(help: "The chart kind (default: line).")
    var kind: ChartKind?

    @Option(help: "A chart spec file (YAML or JSON, see docs/chart-spec.md); flags override it.")
    var spec: String?

    @Option(help: "The title (default: the metric label).")
    var title: String?

    @Option(help: "The subtitle (default: the body and the years).")
    var subtitle: String?

    @Option(help: "The source line (default: 数据来源：the data files).")
    var source: String?

    @Option(help: "Value labels: none, all, last, extremes, auto.")
    var labels: Annotations.ValueLabels?

    @Option(help: "A reference line: mean, or a number.")
    var reference: String?

    @Flag(help: "Draw a least-squares trend line per series.")
    var trend = false

    @Option(help: "Highlight a year.")
    var highlight: Int?

    @Option(help: "A note on a point, YEAR:TEXT (repeatable), e.g. 2021:模板变更.")
    var note: [String] = []

    @Option(help: "The earlier year of slope, change and waterfall charts.")
    var baseYear: Int?

    @Option(name: .customLong("year"), help: "The year of rank charts and the later year of slope, change and waterfall charts.")
    var focusYear: Int?

    @Option(help: "What change charts show: difference, percent or value.")
    var change: ChartSpec.ChangeMeasure?

    @Option(help: "Facet y scales: shared or free.")
    var facetScale: ChartSpec.FacetScale?

    @Option(help: "Theme: briefing, print or dark.")
    var theme: Theme.Name?

    @Option(help: "Size preset: default, slide, a4-half, square, sparkline.")
    var size: String?

    @Option(parsing: .unconditional, help: "Width in chart units (CSS pixels).")
    var width: Double?

    @Option(parsing: .unconditional, help: "Height in chart units (CSS pixels).")
    var height: Double?

    @Option(parsing: .unconditional, help: "PNG pixels per unit, e.g. 2 for high-DPI screens.")
    var scale: Double?

    @Option(help: "Language of generated text: zh or en.")
    var lang: Language?

    @Flag(help: "Write FILE.alt.txt (the chart described in words) beside the chart.")
    var altText = false

    /// The spec from the spec file (if any), the data and the flags, flags winning. `--metric` and `--entity` are
    /// looked up as in every command; a chart of more series than it can show is refused (``SeriesLimit``).
    func makeSpec(data: [String], metrics: MetricOptions, entities: EntityOptions, reading: DataOptions) throws -> ChartSpec {
        var spec: ChartSpec
        func select(_ dataPaths: [String], _ metricTexts: [String], _ entityTexts: [String], kind: ChartKind) throws
            -> (observations: [Observation], metrics: [String], entities: [String]) {
            let (inputs, aliases) = try reading.load(dataPaths)
            if inputs.isUnusable { throw ExitCode(ExitStatus.unusable) }
            let dataset = inputs.dataset
            let ids = try MetricOptions.resolve(metricTexts, available: dataset.metrics, data: dataPaths)
                .flatMap { MetricPattern($0).isPattern ? MetricPattern.select([$0], from: dataset.metrics) : [$0] }
                .uniquedInOrder()
            let names = try EntityOptions.resolve(entityTexts, in: dataset.entities, aliases: aliases)
            let observations = dataset.observations()
            try SeriesLimit.check(observations, metrics: ids, entities: names, kind: kind)
            return (observations, ids, names)
        }
        if let path = self.spec {
            let file = try ChartSpecFile.load(path: path)
            if let text = FileManager.default.contents(atPath: path) {
                for w in SpecKeys.warnings(String(decoding: text, as: UTF8.self), file: path) { Diagnostics.warning(w) }
            }
            let dataPaths = data.isEmpty ? file.resolvedData(relativeTo: path) : data
            let m = metrics.metrics.isEmpty ? (file.metrics ?? []) : metrics.metrics
            let e = entities.entities.isEmpty ? (file.entities ?? []) : entities.entities
            if m.isEmpty || dataPaths.isEmpty {
                spec = try file.spec(series: nil)
            } else {
                let kind = self.kind ?? file.overrides.kind ?? .line
                let chosen = try select(dataPaths, m, e, kind: kind)
                let base = try ChartSpec(observations: chosen.observations, metrics: chosen.metrics, entities: chosen.entities,
                                         kind: file.overrides.kind ?? .line, language: file.overrides.language ?? .zh)
                spec = try file.spec(series: base)
            }
        } else {
            let chosen = try select(data, metrics.metrics, entities.entities, kind: kind ?? .line)
            spec = try ChartSpec(observations: chosen.observations, metrics: chosen.metrics, entities: chosen.entities,
                                 kind: kind ?? .line, language: lang ?? .zh)
        }
        apply(to: &spec)
        return spec
    }

    /// Applies the flags to `spec` (after the spec file, so flags win).
    func apply(to spec: inout ChartSpec) {
        // A kind with its own canvas (sparkline) gets it unless --size says otherwise.
        if let kind, kind != spec.kind, size == nil, kind.defaultSize != .standard { spec.size = kind.defaultSize }
        overrides(for: spec).apply(to: &spec)
    }

    /// The flags as spec overrides. `--note` adds to the spec's notes, `--trend` only turns the trend line on,
    /// and `--size` keeps the spec's PNG scale unless `--scale` is given.
    func overrides(for spec: ChartSpec) -> SpecOverrides {
        var o = SpecOverrides()
        o.kind = kind
        o.language = lang
        o.title = title
        o.subtitle = subtitle
        o.source = source
        let notes = note.compactMap { n -> Annotations.Note? in
            let parts = n.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let y = Int(parts[0]) else { return nil }
            return Annotations.Note(year: y, text: String(parts[1]))
        }
        o.annotations = SpecOverrides.AnnotationsEntry(valueLabels: labels, reference: reference,
                                                       trendLine: trend ? true : nil, highlightYear: highlight,
                                                       notes: notes.isEmpty ? nil : spec.annotations.notes + notes)
        o.baseYear = baseYear
        o.focusYear = focusYear
        o.changeMeasure = change
        o.facetScale = facetScale
        o.theme = theme
        if size != nil || width != nil || height != nil || scale != nil {
            let preset = size.flatMap { ChartSize.preset($0) != nil ? $0 : nil }
            o.size = .explicit(width: width, height: height, scale: scale ?? (preset != nil ? spec.size.scale : nil), preset: preset)
        }
        return o
    }

    mutating func validate() throws {
        for (name, value) in [("--width", width), ("--height", height), ("--scale", scale)] {
            if let value, !(value > 0) || !value.isFinite {
                throw ValidationError("\(name) must be a positive number, found \(NumberText.plain(value))")
            }
        }
        if let size, ChartSize.preset(size) == nil {
            throw ValidationError("unknown size preset “\(size)”: expected \(ChartSize.presets.map(\.name).joined(separator: ", "))")
        }
        if let reference, SpecOverrides.reference(reference) == nil {
            throw ValidationError("--reference expects mean or a number, found “\(reference)”")
        }
        for n in note {
            let parts = n.split(separator: ":", maxSplits: 1)
            if parts.count != 2 || Int(parts[0]) == nil {
                throw ValidationError("--note expects YEAR:TEXT such as 2021:模板变更, found “\(n)”")
            }
        }
    }
}

extension ChartKind: ExpressibleByArgument {}
extension Theme.Name: ExpressibleByArgument {}
extension Annotations.ValueLabels: ExpressibleByArgument {}
extension ChartSpec.ChangeMeasure: ExpressibleByArgument {}
extension ChartSpec.FacetScale: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

/// How many series one chart may show (review S2-10): past ``warnAbove`` a warning suggests a narrower chart; past
/// ``maximum`` (``rankMaximum`` bodies for a rank chart, which draws one bar each) the chart is refused before any
/// layout, with what to do instead.
enum SeriesLimit {
    static let warnAbove = 12
    static let maximum = 40
    static let rankMaximum = 100

    /// Counts the series (metric × body with data) the chart would draw; warns or refuses as above.
    static func check(_ observations: [Observation], metrics: [String], entities: [String], kind: ChartKind) throws {
        let wantedMetrics = Set(metrics), wantedEntities = Set(entities)
        var pairs = Set<ObservationKey>()
        var bodies = Set<String>()
        for o in observations where wantedMetrics.contains(o.metric) && (wantedEntities.isEmpty || wantedEntities.contains(o.entity)) {
            pairs.insert(ObservationKey(entity: o.entity, year: 0, metric: o.metric))
            bodies.insert(o.entity)
        }
        let count = pairs.count
        let advice = "pass --entity NAME (repeatable) for the bodies that matter, --kind rank to rank the bodies in one year, "
            + "or `trendplot export --per entity` for one chart per body"
        if kind == .rank {
            if bodies.count > rankMaximum {
                throw RuntimeFailure(message: "the rank chart would have \(bodies.count) bars (bodies), more than the \(rankMaximum) one chart can show; "
                                     + "pass --entity NAME (repeatable) for the bodies that matter")
            }
            return
        }
        if count > maximum {
            throw RuntimeFailure(message: "the chart would have \(count) series (metrics × bodies), more than the \(maximum) one chart can show; " + advice)
        }
        if count > warnAbove {
            Diagnostics.warning("the chart has \(count) series (metrics × bodies); more than \(warnAbove) are hard to tell apart: " + advice
                                + (kind == .facets ? "" : ", or --kind facets for one small panel each"))
        }
    }
}

/// Reads observations from DATA arguments: report files, tidy CSV/JSON files and folders (see ``Inputs``).
package enum ObservationLoader {
    /// Every observation in `paths`, merged into one per (entity, year, metric).
    static func load(_ paths: [String]) throws -> [Observation] {
        try Inputs.loadDataset(paths).observations()
    }
}

/// The one warning printed when Chinese text had no font.
enum FontWarning {
    /// The warning for `unknownGlyphs` characters drawn as boxes, or nil when there are none.
    static func message(unknownGlyphs: Int) -> String? {
        guard unknownGlyphs > 0 else { return nil }
        return "\(unknownGlyphs) characters have no installed font and are drawn as boxes; "
            + "install a Chinese font: sudo apt-get install fonts-noto-cjk"
    }

    /// Prints the warning on stderr (once per command).
    static func report(unknownGlyphs: Int) {
        if let m = message(unknownGlyphs: unknownGlyphs) { Diagnostics.warning(m) }
    }
}
