/// An `--entity` text that names no body of the data, or more than one.
public struct EntityLookupError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The text as given.
    public let text: String
    /// The names it is a part of (more than one), or the nearest names of the data when it matches none.
    public let candidates: [String]
    /// True when `text` is a part of several names; false when it matches none.
    public let ambiguous: Bool

    /// An error for `text` with its candidates.
    public init(text: String, candidates: [String], ambiguous: Bool) {
        self.text = text
        self.candidates = candidates
        self.ambiguous = ambiguous
    }

    public var description: String {
        let shown = candidates.prefix(8).joined(separator: "、") + (candidates.count > 8 ? "、…" : "")
        if ambiguous {
            return "--entity “\(text)” is part of \(candidates.count) names (\(shown)): give more of the name"
        }
        if candidates.isEmpty { return "--entity “\(text)”: the data holds no body" }
        return "--entity “\(text)” names no body in the data; the nearest: \(shown)"
    }
}

/// How `--entity` finds a body, the same in every command: the name (normalised), an old name of it (an alias), or a
/// part of exactly one name.
///
/// ```swift
/// try EntityLookup.resolve("平潭", in: ["平潭综合实验区", "牡丹江市人民政府"])   // "平潭综合实验区"
/// ```
public enum EntityLookup {
    /// The name in `names` that `text` means.
    /// - Throws: ``EntityLookupError`` with the matching names when `text` is part of several, or the nearest names
    ///   when it is part of none.
    public static func resolve(_ text: String, in names: [String], aliases: EntityAliases = EntityAliases())
        throws(EntityLookupError) -> String {
        let wanted = aliases.resolve(EntityName.normalize(text))
        if names.contains(wanted) { return wanted }
        let partial = names.filter { $0.contains(wanted) }.uniquedInOrder().sorted()
        if partial.count == 1 { return partial[0] }
        if partial.count > 1 { throw EntityLookupError(text: text, candidates: partial, ambiguous: true) }
        let nearest = names.uniquedInOrder()
            .map { ($0, MetricPattern.distance($0, wanted)) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .prefix(5).map(\.0)
        throw EntityLookupError(text: text, candidates: Array(nearest), ambiguous: false)
    }
}

/// The edit distance between two texts, by characters (insertions, deletions, substitutions): what "did you mean"
/// suggestions are ranked by.
public enum EditDistance {
    /// The distance between `a` and `b`.
    public static func between(_ a: String, _ b: String) -> Int { MetricPattern.distance(a, b) }
}
