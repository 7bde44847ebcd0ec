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

    /// A break in the series' definitions between two adjacent years, e.g. the 2021 template change: drawn as one
    /// labelled rule (or light band) across the whole plot between `afterYear` and the next year.
    public struct PeriodBreak: Sendable, Hashable, Codable {
        /// The last year before the break (2020 for the 2021 template change).
        public var afterYear: Int
        /// The label, e.g. 2021年起新模板.
        public var label: String
        public init(afterYear: Int, label: String) { self.afterYear = afterYear; self.label = label }
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
    /// Breaks in the series' definitions, drawn across the plot; empty = none.
    public var periodBreaks: [PeriodBreak] = []

    public init(valueLabels: ValueLabels = .auto, reference: Reference? = nil, trendLine: Bool = false,
                highlightYear: Int? = nil, notes: [Note] = []) {
        self.valueLabels = valueLabels; self.reference = reference; self.trendLine = trendLine
        self.highlightYear = highlightYear; self.notes = notes
    }

    private enum CodingKeys: String, CodingKey {
        case valueLabels, reference, trendLine, highlightYear, notes, periodBreaks
    }

    /// Decodes a spec file's annotations; every key may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(valueLabels: try c.decodeIfPresent(ValueLabels.self, forKey: .valueLabels) ?? .auto,
                  reference: try c.decodeIfPresent(Reference.self, forKey: .reference),
                  trendLine: try c.decodeIfPresent(Bool.self, forKey: .trendLine) ?? false,
                  highlightYear: try c.decodeIfPresent(Int.self, forKey: .highlightYear),
                  notes: try c.decodeIfPresent([Note].self, forKey: .notes) ?? [])
        periodBreaks = try c.decodeIfPresent([PeriodBreak].self, forKey: .periodBreaks) ?? []
    }
}
