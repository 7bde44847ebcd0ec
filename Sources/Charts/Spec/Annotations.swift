/// Marks drawn on top of the data.
public struct Annotations: Sendable, Hashable, Codable {
    /// Which points carry their value as a label.
    public enum ValueLabels: String, Sendable, Hashable, Codable, CaseIterable {
        case none, all, last, extremes
        /// Every point when there are few (at most 12 points in at most 3 series), else the last ones.
        case auto
    }

    /// A horizontal reference line: the mean of the shown values, or a fixed value.
    public enum Reference: Sendable, Hashable, Codable {
        case mean
        case value(Double, label: String?)
    }

    /// A note attached to a year (and optionally one series), e.g. 模板变更 at 2021.
    public struct Note: Sendable, Hashable, Codable {
        /// The year the note points at.
        public var year: Int
        /// The note, e.g. 模板变更.
        public var text: String
        /// The series label it points at; nil = the first series.
        public var series: String?
        public init(year: Int, text: String, series: String? = nil) {
            self.year = year; self.text = text; self.series = series
        }
    }

    /// Which points carry their value.
    public var valueLabels: ValueLabels
    /// A horizontal reference line, or nil.
    public var reference: Reference?
    /// Draws a least-squares trend line per series (line charts).
    public var trendLine: Bool
    /// A year drawn with a highlight band.
    public var highlightYear: Int?
    /// Notes on points.
    public var notes: [Note]

    public init(valueLabels: ValueLabels = .auto, reference: Reference? = nil, trendLine: Bool = false,
                highlightYear: Int? = nil, notes: [Note] = []) {
        self.valueLabels = valueLabels; self.reference = reference; self.trendLine = trendLine
        self.highlightYear = highlightYear; self.notes = notes
    }
}
