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
