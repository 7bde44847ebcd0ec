import SeriesModel

/// One result of `trendplot check`: which rule, where, both sides of the equation, how serious.
///
/// ```swift
/// // error [2 outcomes sum to （七）总计] r.txt: table 3, column 总计: （一）…（六） = 128 ≠ （七）总计 = 127
/// ```
public struct CheckFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The rule, numbered as in report-template.md, e.g. `1 一+二=（七）+四`, or `extraction`.
    public var rule: String
    /// Error, warning or info.
    public var severity: Severity
    /// The report file (or files, for cross-year links).
    public var file: String
    /// Where: `table 3, column 自然人`.
    public var place: String
    /// The left side, with its terms: `一 112 + 二 3 = 115`.
    public var lhs: String
    /// The right side.
    public var rhs: String
    /// A sentence saying what disagrees.
    public var message: String

    public init(rule: String, severity: Severity, file: String, place: String, lhs: String, rhs: String, message: String) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.place = place
        self.lhs = lhs
        self.rhs = rhs
        self.message = message
    }

    public var description: String {
        let sides = lhs.isEmpty && rhs.isEmpty ? "" : ": \(lhs) ≠ \(rhs)"
        return "\(severity.rawValue) [\(rule)] \(file): \(place)\(sides) — \(message)"
    }
}

/// The findings of a check run and how many identities were evaluated.
public struct CheckReport: Sendable, Hashable, Codable {
    /// Every finding, report by report, then cross-year links.
    public var findings: [CheckFinding]
    /// How many equations were evaluated (skipped ones, with open or missing cells, are not counted).
    public var checked: Int
}
