/// Two sources that give different values for the same (entity, year, metric), and which one was kept.
///
/// Printed values beat derived ones (a count derived from one report loses to the same count printed in the
/// next year's report); between two printed (or two derived) values the first in input order is kept.
///
/// ```swift
/// for c in dataset.conflicts { print(c.description) }
/// // 平潭综合实验区 2020 licensing.items: kept 396 (pingtan_2021.html#table2[r5c2]), dropped 390 (derived, …)
/// ```
public struct DatasetConflict: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Why one value won.
    public enum Resolution: String, Sendable, Hashable, Codable {
        /// The kept value was printed, the dropped one derived.
        case printedOverDerived = "printed_over_derived"
        /// Both printed: the first in input order was kept.
        case firstPrinted = "first_printed"
        /// Both derived: the first in input order was kept.
        case firstDerived = "first_derived"
    }

    /// One side of a conflict.
    public struct Version: Sendable, Hashable, Codable {
        /// The value.
        public var value: Double
        /// Where it came from.
        public var source: String
        /// True when computed rather than printed.
        public var derived: Bool

        /// Creates a version.
        public init(value: Double, source: String, derived: Bool) {
            self.value = value
            self.source = source
            self.derived = derived
        }
    }

    /// The observation the two sources disagree on.
    public var key: ObservationKey
    /// The value kept in the dataset.
    public var kept: Version
    /// The value dropped.
    public var dropped: Version
    /// Why `kept` won.
    public var resolution: Resolution

    /// Creates a conflict.
    public init(key: ObservationKey, kept: Version, dropped: Version, resolution: Resolution) {
        self.key = key
        self.kept = kept
        self.dropped = dropped
        self.resolution = resolution
    }

    public var description: String {
        func side(_ v: Version) -> String {
            "\(NumberText.plain(v.value)) (\(v.derived ? "derived, " : "")\(v.source))"
        }
        return "\(key.entity) \(key.year) \(key.metric): kept \(side(kept)), dropped \(side(dropped)) [\(resolution.rawValue)]"
    }
}
