/// A signed sum of metrics of one (entity, year), with alternatives for rows that differ between templates.
///
/// The first alternative whose metrics are all present is used; with none complete the sum is unavailable
/// (a blank cell is "not reported", never zero).
///
/// ```swift
/// let other = MetricSum(anyOf: [["applications.other_handling.total"],
///                               ["applications.other_overdue_correction.total",
///                                "applications.other_overdue_fee.total", "applications.other_other.total"]])
/// let pending = MetricSum(["review.total"], minus: ["review.pending"])
/// ```
public struct MetricSum: Sendable, Hashable {
    /// One metric with its sign.
    public struct Term: Sendable, Hashable {
        /// The metric id.
        public var metric: String
        /// +1 or −1.
        public var sign: Double
    }

    /// The alternatives, in order of preference.
    public var alternatives: [[Term]]

    /// The sum of `plus` minus the sum of `minus`.
    public init(_ plus: [String], minus: [String] = []) {
        alternatives = [plus.map { Term(metric: $0, sign: 1) } + minus.map { Term(metric: $0, sign: -1) }]
    }

    /// The first complete one of several sums.
    public init(anyOf alternatives: [[String]]) {
        self.alternatives = alternatives.map { $0.map { Term(metric: $0, sign: 1) } }
    }

    /// Every metric any alternative reads.
    public var metrics: [String] {
        var seen = Set<String>(), out: [String] = []
        for alt in alternatives { for t in alt where seen.insert(t.metric).inserted { out.append(t.metric) } }
        return out
    }

    /// The value and the metrics used, or nil when no alternative is complete.
    public func evaluate(_ value: (String) -> Double?) -> (value: Double, used: [String])? {
        alternatives: for alt in alternatives {
            var sum = 0.0
            for t in alt {
                guard let v = value(t.metric) else { continue alternatives }
                sum += t.sign * v
            }
            return (sum, alt.map(\.metric))
        }
        return nil
    }

    /// The sum in words: `a + b − c`, alternatives joined by ` | `.
    public var text: String {
        alternatives.map { alt in
            var s = ""
            for (i, t) in alt.enumerated() {
                if i > 0 { s += t.sign < 0 ? " − " : " + " } else if t.sign < 0 { s += "−" }
                s += t.metric
            }
            return s
        }.joined(separator: " | ")
    }
}
