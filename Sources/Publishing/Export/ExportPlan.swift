import Charts
import Foundation
import ReportReading
import SeriesModel

/// One chart of an export: a spec plus where it came from; rendered once per requested format.
public struct ExportChart: Sendable, Hashable {
    /// The file name without extension, unique within the export (e.g. `metric_licensing.items`).
    public var name: String
    /// The metric ids shown.
    var metrics: [String]
    /// The body shown, or nil when the chart compares every body.
    var entity: String?
    public var spec: ChartSpec
}

/// One output file: a chart in one format.
package struct ExportFile: Sendable, Hashable {
    var chart: ExportChart
    var format: OutputFormat
    /// SVG with editable `<text>` elements (`--svg-text`); other formats ignore it.
    var svgText = false

    var fileName: String { "\(chart.name).\(format.rawValue)" }

    /// Editable-text SVG: an SVG file drawn by ``Charts/Chart/renderEditableSVG(_:)``.
    var isEditableSVG: Bool { svgText && format == .svg }

    /// SHA-256 over everything that decides the file's bytes: the generator version, the format (`svg+text` for
    /// editable-text SVG) and the spec.
    var inputHash: String {
        let name = isEditableSVG ? "svg+text" : format.rawValue
        return SHA256.hex(Array("\(ExportPlan.generator)\n\(name)\n".utf8) + ExportPlan.canonicalJSON(chart.spec))
    }
}

/// Which charts `trendplot export` draws from a set of observations.
public enum ExportPlan {
    /// Changes whenever the rendering code changes the bytes of an unchanged spec, so old outputs are redrawn.
    static let generator = "trendplot-export/1"

    /// Which charts to draw.
    public enum Per: String, Sendable, CaseIterable {
        /// One chart per metric, one series per body.
        case metric
        /// One chart per body and group of metrics with the same last id part and unit (`*.items`).
        case entity
        case both
    }

    /// The charts for `observations`, in a stable order (metric charts first, in catalog order; then bodies in
    /// order of first appearance). Metrics or groups a chart cannot show are skipped. Every spec is held at once:
    /// `trendplot export` iterates a ``LazyExportPlan`` instead.
    package static func charts(_ observations: [Observation], per: Per, kind: ChartKind,
                       catalog: MetricCatalog = .standard) -> [ExportChart] {
        LazyExportPlan(observations, per: per, kind: kind, catalog: catalog).compactMap { try? $0.chart() }
    }

    /// Metrics grouped by the last part of their id and their unit, in the given order.
    static func groups(_ metrics: [String], observations: [Observation]) -> [(name: String, metrics: [String])] {
        var out: [(name: String, metrics: [String])] = []
        for metric in metrics {
            let unit = observations.first { $0.metric == metric }?.unit ?? ""
            let last = String(metric.split(separator: ".").last ?? Substring(metric))
            let name = out.contains { $0.name == last && unitOf($0.metrics[0], observations) != unit }
                ? "\(last)-\(unit)" : last
            if let i = out.firstIndex(where: { $0.name == name }) { out[i].metrics.append(metric) } else {
                out.append((name, [metric]))
            }
        }
        return out
    }

    private static func unitOf(_ metric: String, _ observations: [Observation]) -> String {
        observations.first { $0.metric == metric }?.unit ?? ""
    }

    /// A file-name part: path separators, control characters and spaces become `_`.
    static func fileSafe(_ text: String) -> String {
        String(text.map { $0 == "/" || $0 == "\\" || $0 == ":" || $0.isWhitespace || ($0.asciiValue ?? 32) < 32 ? "_" : $0 })
    }

    /// The spec as JSON with sorted keys: the same spec always gives the same bytes.
    static func canonicalJSON(_ spec: ChartSpec) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? Array(encoder.encode(spec))) ?? Array(String(describing: spec).utf8)
    }
}
