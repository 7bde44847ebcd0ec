#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `--metric` argument: a metric id, or a shell-style pattern (`review.*`, `*.decisions`, `applications.*.total`)
/// matched with `fnmatch(3)`. The same in every command.
///
/// ```swift
/// MetricPattern("review.*").matches("review.corrected")   // true
/// MetricPattern.select(["*.decisions"], from: catalogIDs)  // every decisions metric, in catalog order
/// ```
public struct MetricPattern: Sendable, Hashable {
    /// The text as given.
    public let text: String

    /// A pattern from a command-line argument.
    public init(_ text: String) { self.text = text }

    /// True when the text holds a wildcard (`*`, `?`, `[`).
    public var isPattern: Bool { text.contains { $0 == "*" || $0 == "?" || $0 == "[" } }

    /// True when `metric` is this id, or matches this pattern.
    public func matches(_ metric: String) -> Bool {
        isPattern ? fnmatch(text, metric, 0) == 0 : text == metric
    }

    /// The metrics of `available` (in its order) that `patterns` select, each once, pattern by pattern: an id is
    /// kept as given even when `available` lacks it (so the caller can say it has no data).
    public static func select(_ patterns: [String], from available: [String]) -> [String] {
        var seen = Set<String>(), out: [String] = []
        for p in patterns.map(MetricPattern.init) {
            let matched = p.isPattern ? available.filter(p.matches) : [p.text]
            for m in matched where seen.insert(m).inserted { out.append(m) }
        }
        return out
    }
}

extension Array where Element: Hashable {
    /// The distinct elements in order of first appearance.
    public func uniquedInOrder() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

/// A `--metric` text that names no metric, or more than one.
public struct MetricLookupError: Error, Sendable, CustomStringConvertible {
    /// The text as given.
    public let text: String
    /// The metrics it partly matches (more than one), or the nearest ids for a near miss.
    public let candidates: [String]
    /// True when `text` is a part of several metrics' names; false when it matches none.
    public let ambiguous: Bool

    public var description: String {
        if ambiguous {
            let shown = candidates.prefix(8).joined(separator: ", ") + (candidates.count > 8 ? ", …" : "")
            return "--metric “\(text)” matches \(candidates.count) metrics (\(shown)): give the id or a longer part of the name"
        }
        let hint = candidates.isEmpty ? "" : "; did you mean \(candidates.map { "“\($0)”" }.joined(separator: " or "))?"
        return "--metric “\(text)” is not a metric id, name or part of one\(hint) (see `trendplot metrics`)"
    }
}

extension MetricPattern {
    /// The metric id `text` names: an id (of the catalog or of `available`, the user's own) or a pattern as it is;
    /// else the metric whose Chinese or English label is `text`, or whose id or label holds `text` as its only match.
    /// - Throws: ``MetricLookupError`` with the matches when several metrics hold `text`, or the nearest ids
    ///   ("did you mean") when none does.
    public static func resolve(_ text: String, available: [String] = [],
                               catalog: MetricCatalog = .standard) throws(MetricLookupError) -> String {
        let p = MetricPattern(text)
        if p.isPattern || catalog.contains(text) || available.contains(text) { return text }
        let known = catalog.metrics.map { (id: $0.id, names: [$0.id, $0.labelZh, $0.labelEn]) }
            + available.filter { !catalog.contains($0) }.map { (id: $0, names: [$0]) }
        let folded = text.lowercased()
        if let m = known.first(where: { $0.names.contains { $0.lowercased() == folded } }) { return m.id }
        let partial = known.filter { $0.names.contains { $0.lowercased().contains(folded) } }.map(\.id)
        if partial.count == 1 { return partial[0] }
        if partial.count > 1 { throw MetricLookupError(text: text, candidates: partial, ambiguous: true) }
        let scored = known.map { m in (m.id, m.names.map { distance($0.lowercased(), folded) }.min() ?? Int.max) }
        let limit = max(2, text.count / 3)
        let best = scored.filter { $0.1 <= limit }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(3).map(\.0)
        throw MetricLookupError(text: text, candidates: Array(best), ambiguous: false)
    }

    /// Edit distance (insertions, deletions, substitutions) between two strings, by characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let current = row[j]
                row[j] = Swift.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
