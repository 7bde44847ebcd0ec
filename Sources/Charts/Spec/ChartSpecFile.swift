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
        /// The palette slot to draw with (0 = the first colour); absent = the series' position.
        public var slot: Int?
    }

    /// The spec format version; this build reads version 1.
    public var version: Int
    /// Tidy CSV files or directories, relative to the spec file.
    public var data: [String]?
    /// `metrics` (see docs/chart-spec.md).
    public var metrics: [String]?
    /// `entities` (see docs/chart-spec.md).
    public var entities: [String]?
    /// Series given inline instead of data + metrics.
    public var series: [SeriesEntry]?
    /// Every other key (`kind`, `title`, `annotations`, `size`, `language`, …): the chart keys, at the top level
    /// of the file beside the keys above.
    public var overrides: SpecOverrides

    private enum Keys: String, CodingKey { case version, data, metrics, entities, series }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        version = try c.decode(Int.self, forKey: .version)
        data = try c.decodeIfPresent([String].self, forKey: .data)
        metrics = try c.decodeIfPresent([String].self, forKey: .metrics)
        entities = try c.decodeIfPresent([String].self, forKey: .entities)
        series = try c.decodeIfPresent([SeriesEntry].self, forKey: .series)
        overrides = try SpecOverrides(from: decoder)
    }

    /// Writes the file's keys and the chart keys side by side, as the file is read.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(version, forKey: .version)
        try c.encodeIfPresent(data, forKey: .data)
        try c.encodeIfPresent(metrics, forKey: .metrics)
        try c.encodeIfPresent(entities, forKey: .entities)
        try c.encodeIfPresent(series, forKey: .series)
        try overrides.encode(to: encoder)
    }

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
        if let problem = spec.overrides.problem() {
            throw ChartError.specFile(file, problem)
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
        var s = base ?? ChartSpec(title: overrides.title ?? "", series: [])
        if let entries = series {
            s.series = entries.map { e in
                var series = ChartSeries(label: e.label, points: e.values.compactMap { k, v in Int(k).map { ChartSeries.YearValue(year: $0, value: v) } })
                series.slot = e.slot
                return series
            }
        }
        guard !s.series.isEmpty else {
            throw ChartError.specWithoutData(title: overrides.title ?? "")
        }
        overrides.apply(to: &s)
        return s
    }
}
