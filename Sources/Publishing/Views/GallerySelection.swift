import Charts
import ReportReading
import SeriesModel

extension Gallery {
    /// Charts picked from a dataset, plus the charts that were considered and left out, with the reason.
    ///
    /// ```swift
    /// let picked = Gallery.selectCharts(observations)
    /// for (name, spec) in picked.charts { … }
    /// for note in picked.skipped { print("skipped", note) }   // e.g. "all-slope: not drawn, no metric has …"
    /// ```
    public struct Selection {
        /// File-name stems and their specs, in drawing order.
        public var charts: [(name: String, spec: ChartSpec)] = []
        /// One line per chart (or series of a chart) left out: `name: reason`.
        public var skipped: [String] = []

        public init() {}

        /// Adds `spec` when it has something to draw and not every value is zero; else notes why it was left out.
        mutating func add(_ name: String, _ spec: ChartSpec) {
            if !spec.hasDrawableData {
                skipped.append("\(name): not drawn, nothing to draw (no values in the years the chart compares)")
            } else if spec.series.allSatisfy({ $0.points.allSatisfy { ($0.value ?? 0) == 0 } }) {
                skipped.append("\(name): not drawn, every value is zero")
            } else {
                charts.append((name, spec))
            }
        }
    }
}
