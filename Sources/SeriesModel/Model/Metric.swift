/// One entry of the metric catalog: an id (the public contract), its labels, unit and origin.
public struct Metric: Sendable, Hashable, Codable {
    /// Where a metric's values come from.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Printed in a report table.
        case printed
        /// Computed from printed values of the same report (e.g. this year's item count).
        case derived
        /// An analytic indicator computed from other metrics (e.g. 公开率), with a formula.
        case indicator
    }

    /// ASCII, lower case, dot-separated, e.g. `applications.granted.total`.
    public var id: String
    /// The Chinese label, e.g. `行政许可·处理决定数量`.
    public var labelZh: String
    /// The English label, e.g. `Licensing · decisions`.
    public var labelEn: String
    /// The unit, e.g. `件`, `项`, `万元`, `%`.
    public var unit: String
    /// The English unit, e.g. `cases`, `items`, `10k yuan`, `%`.
    public var unitEn: String
    /// The templates whose reports carry the metric.
    public var templates: [TemplateVersion]
    /// Printed, derived or indicator.
    public var kind: Kind
    /// How a derived metric or indicator is computed, in words and metric ids; nil for printed ones.
    public var formula: String?
    /// The report table the metric belongs to (2, 3 or 4), nil for indicators across tables.
    public var table: Int?

    /// Creates a catalog entry.
    public init(id: String, labelZh: String, labelEn: String, unit: String, unitEn: String,
                templates: [TemplateVersion], kind: Kind = .printed, formula: String? = nil, table: Int? = nil) {
        self.id = id
        self.labelZh = labelZh
        self.labelEn = labelEn
        self.unit = unit
        self.unitEn = unitEn
        self.templates = templates
        self.kind = kind
        self.formula = formula
        self.table = table
    }

    /// The label in the requested language.
    public func label(_ language: Language) -> String { language == .zh ? labelZh : labelEn }
}

/// The language of user-facing text.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case zh
    case en
}
