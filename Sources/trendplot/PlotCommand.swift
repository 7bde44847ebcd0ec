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
          trendplot plot datasets/mudanjiang/mudanjiang_2020_table2.csv --metric licensing.items -o items.png
          trendplot plot datasets --metric licensing.items --metric penalty.items --kind bar -o items.svg
          trendplot plot datasets --metric licensing.decisions --kind rank --theme print --size a4-half -o rank.pdf
        """
    )

    @Argument(help: "Report files, tidy CSV/JSON files or folders; - for stdin.")
    var data: [String] = []

    @Option(name: .customLong("metric"), help: "A metric id (repeatable); see `trendplot metrics`.")
    var metrics: [String] = []

    @Option(name: .customLong("entity"), help: "Only this body (repeatable).")
    var entities: [String] = []

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
        if style.spec == nil && metrics.isEmpty { throw ValidationError("pass at least one --metric ID (or --spec FILE)") }
        if style.spec == nil && data.isEmpty { throw ValidationError("pass at least one DATA file or directory") }
    }

    func run() throws { try Diagnostics.run(runBody) }

    func runBody() throws {
        let format = OutputFormat(path: output)!
        var spec = try style.makeSpec(data: data, metrics: metrics, entities: entities)
        if headline && !Headline.apply(to: &spec) {
            Diagnostics.warning("--headline: “\(spec.title)” has no single finding to state (a composition or no values); the title stays")
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

    @Option(help: "Width in chart units (CSS pixels).")
    var width: Double?

    @Option(help: "Height in chart units (CSS pixels).")
    var height: Double?

    @Option(help: "PNG pixels per unit, e.g. 2 for high-DPI screens.")
    var scale: Double?

    @Option(help: "Language of generated text: zh or en.")
    var lang: Language?

    @Flag(help: "Write FILE.alt.txt (the chart described in words) beside the chart.")
    var altText = false

    /// The spec from the spec file (if any), the data and the flags, flags winning.
    func makeSpec(data: [String], metrics: [String], entities: [String]) throws -> ChartSpec {
        var spec: ChartSpec
        if let path = self.spec {
            let file = try ChartSpecFile.load(path: path)
            let dataPaths = data.isEmpty ? file.resolvedData(relativeTo: path) : data
            let m = metrics.isEmpty ? (file.metrics ?? []) : metrics
            let e = entities.isEmpty ? (file.entities ?? []) : entities
            if m.isEmpty || dataPaths.isEmpty {
                spec = try file.spec(series: nil)
            } else {
                let obs = try ObservationLoader.load(dataPaths)
                let base = try ChartSpec(observations: obs, metrics: m, entities: e, kind: file.overrides.kind ?? .line,
                                         language: file.overrides.language ?? .zh)
                spec = try file.spec(series: base)
            }
        } else {
            let obs = try ObservationLoader.load(data)
            let available = Array(Set(obs.map(\.metric)))
            let ids = try metrics.map { text throws(MetricLookupError) in try MetricPattern.resolve(text, available: available) }
            spec = try ChartSpec(observations: obs, metrics: ids, entities: entities, kind: kind ?? .line,
                                 language: lang ?? .zh)
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
