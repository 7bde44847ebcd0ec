import Foundation
import Yams

/// A chart spec file (YAML or JSON; JSON is YAML too), as documented in `docs/chart-spec.md`.
///
/// ```yaml
/// version: 1
/// kind: line
/// data: [../datasets/mudanjiang]
/// metrics: [licensing.items, penalty.items]
/// title: 行政许可与行政处罚事项数量
/// annotations: { valueLabels: all, reference: mean, notes: [{ year: 2020, text: 清理事项 }] }
/// theme: print
/// size: a4-half
/// ```
public struct ChartSpecFile: Sendable, Codable {
    /// A series written out in the file: a label and year → value (null = not reported).
    public struct SeriesEntry: Sendable, Codable {
        /// The series label.
        public var label: String
        /// Year (as text) → value or null.
        public var values: [String: Double?]
    }

    /// The annotations block.
    public struct AnnotationsEntry: Sendable, Codable {
        /// See ``Annotations/valueLabels``.
        public var valueLabels: Annotations.ValueLabels?
        /// `mean` or a number.
        public var reference: String?
        /// The reference line's label.
        public var referenceLabel: String?
        /// See ``Annotations/trendLine``.
        public var trendLine: Bool?
        /// See ``Annotations/highlightYear``.
        public var highlightYear: Int?
        /// See ``Annotations/notes``.
        public var notes: [Annotations.Note]?
    }

    /// A preset name or explicit dimensions.
    public enum SizeEntry: Sendable, Codable {
        case preset(String)
        case explicit(width: Double?, height: Double?, scale: Double?, preset: String?)

        private enum Keys: String, CodingKey { case width, height, scale, preset }

        public init(from decoder: any Decoder) throws {
            if let s = try? decoder.singleValueContainer().decode(String.self) { self = .preset(s); return }
            let c = try decoder.container(keyedBy: Keys.self)
            self = .explicit(width: try c.decodeIfPresent(Double.self, forKey: .width),
                             height: try c.decodeIfPresent(Double.self, forKey: .height),
                             scale: try c.decodeIfPresent(Double.self, forKey: .scale),
                             preset: try c.decodeIfPresent(String.self, forKey: .preset))
        }

        /// Writes a preset as a string, explicit dimensions as an object.
        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .preset(let s):
                var c = encoder.singleValueContainer()
                try c.encode(s)
            case .explicit(let w, let h, let s, let p):
                var c = encoder.container(keyedBy: Keys.self)
                try c.encodeIfPresent(w, forKey: .width)
                try c.encodeIfPresent(h, forKey: .height)
                try c.encodeIfPresent(s, forKey: .scale)
                try c.encodeIfPresent(p, forKey: .preset)
            }
        }
    }

    // The keys below mirror ChartSpec; docs/chart-spec.md describes each one.

    /// The spec format version; this build reads version 1.
    public var version: Int
    /// `kind` (see docs/chart-spec.md).
    public var kind: ChartKind?
    /// `title` (see docs/chart-spec.md).
    public var title: String?
    /// `subtitle` (see docs/chart-spec.md).
    public var subtitle: String?
    /// `source` (see docs/chart-spec.md).
    public var source: String?
    /// `unit` (see docs/chart-spec.md).
    public var unit: String?
    /// `valueFormat` (see docs/chart-spec.md).
    public var valueFormat: ChartSpec.ValueFormat?
    /// `xTitle` (see docs/chart-spec.md).
    public var xTitle: String?
    /// `yTitle` (see docs/chart-spec.md).
    public var yTitle: String?
    /// Tidy CSV files or directories, relative to the spec file.
    public var data: [String]?
    /// `metrics` (see docs/chart-spec.md).
    public var metrics: [String]?
    /// `entities` (see docs/chart-spec.md).
    public var entities: [String]?
    /// Series given inline instead of data + metrics.
    public var series: [SeriesEntry]?
    /// `annotations` (see docs/chart-spec.md).
    public var annotations: AnnotationsEntry?
    /// `theme` (see docs/chart-spec.md).
    public var theme: Theme.Name?
    /// `size` (see docs/chart-spec.md).
    public var size: SizeEntry?
    /// `language` (see docs/chart-spec.md).
    public var language: ChartLanguage?
    /// `baseYear` (see docs/chart-spec.md).
    public var baseYear: Int?
    /// `focusYear` (see docs/chart-spec.md).
    public var focusYear: Int?
    /// `changeMeasure` (see docs/chart-spec.md).
    public var changeMeasure: ChartSpec.ChangeMeasure?
    /// `facetScale` (see docs/chart-spec.md).
    public var facetScale: ChartSpec.FacetScale?

    /// Reads and checks a spec file.
    /// - Throws: ``ChartError`` naming the file and what was wrong.
    public static func load(path: String) throws -> ChartSpecFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ChartError.specFile(path, "cannot read the file")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    /// Parses spec text (YAML or JSON).
    public static func parse(_ text: String, file: String) throws -> ChartSpecFile {
        let spec: ChartSpecFile
        do {
            spec = try YAMLDecoder().decode(ChartSpecFile.self, from: text)
        } catch let e as DecodingError {
            throw ChartError.specFile(file, describe(e))
        } catch {
            throw ChartError.specFile(file, "not valid YAML or JSON: \(error)")
        }
        guard spec.version == 1 else {
            throw ChartError.specFile(file, "version \(spec.version) is not supported; this trendplot reads version 1")
        }
        if let s = spec.size, case .preset(let name) = s, ChartSize.preset(name) == nil {
            throw ChartError.specFile(file, "size: unknown preset “\(name)”; expected \(ChartSize.presets.map(\.name).joined(separator: ", "))")
        }
        if let r = spec.annotations?.reference, r != "mean", Double(r) == nil {
            throw ChartError.specFile(file, "annotations.reference: expected mean or a number, found “\(r)”")
        }
        for e in spec.series ?? [] {
            for k in e.values.keys where Int(k) == nil {
                throw ChartError.specFile(file, "series “\(e.label)”: the key “\(k)” is not a year")
            }
        }
        return spec
    }

    private static func describe(_ e: DecodingError) -> String {
        func path(_ c: [any CodingKey]) -> String {
            c.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch e {
        case .keyNotFound(let k, let ctx): return "missing key “\(path(ctx.codingPath + [k]))”"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
            return "at “\(path(ctx.codingPath))”: \(ctx.debugDescription)"
        case .dataCorrupted(let ctx): return "at “\(path(ctx.codingPath))”: \(ctx.debugDescription)"
        @unknown default: return "\(e)"
        }
    }

    /// The data paths, made relative to the spec file's directory.
    public func resolvedData(relativeTo specPath: String) -> [String] {
        let dir = URL(fileURLWithPath: specPath).deletingLastPathComponent()
        return (data ?? []).map { $0.hasPrefix("/") ? $0 : dir.appendingPathComponent($0).path }
    }

    /// The spec this file describes, on top of `base` (built from data) when given.
    public func spec(series base: ChartSpec?) throws -> ChartSpec {
        var s = base ?? ChartSpec(title: title ?? "", series: [])
        if let entries = series {
            s.series = entries.map { e in
                ChartSeries(label: e.label, points: e.values.compactMap { k, v in Int(k).map { ChartSeries.YearValue(year: $0, value: v) } })
            }
        }
        guard !s.series.isEmpty else {
            throw ChartError.specWithoutData(title: title ?? "")
        }
        if let kind { s.kind = kind }
        if let title { s.title = title }
        if let subtitle { s.subtitle = subtitle }
        if let source { s.source = source }
        if let unit { s.unit = unit }
        if let valueFormat { s.valueFormat = valueFormat }
        if let xTitle { s.xTitle = xTitle }
        if let yTitle { s.yTitle = yTitle }
        if let a = annotations {
            if let v = a.valueLabels { s.annotations.valueLabels = v }
            if let r = a.reference { s.annotations.reference = r == "mean" ? .mean : Double(r).map { .value($0, label: a.referenceLabel) } }
            if let t = a.trendLine { s.annotations.trendLine = t }
            if let h = a.highlightYear { s.annotations.highlightYear = h }
            if let n = a.notes { s.annotations.notes = n }
        }
        if let theme { s.theme = theme }
        switch size {
        case .preset(let name)?: if let p = ChartSize.preset(name) { s.size = p }
        case .explicit(let w, let h, let sc, let p)?:
            if let p, let ps = ChartSize.preset(p) { s.size = ps }
            if let w { s.size.width = w }
            if let h { s.size.height = h }
            if let sc { s.size.scale = sc }
        case nil: break
        }
        if let language { s.language = language }
        if let baseYear { s.baseYear = baseYear }
        if let focusYear { s.focusYear = focusYear }
        if let changeMeasure { s.changeMeasure = changeMeasure }
        if let facetScale { s.facetScale = facetScale }
        return s
    }
}
