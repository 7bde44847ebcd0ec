import SeriesModel

/// A ``ChartSpec`` with everything derived from it decided once, before layout: the years the kind compares,
/// the colours and type sizes, the unit written after values, whether there is anything to draw (and why not),
/// and the language tag text is shaped with.
///
/// ``Chart`` resolves every spec once; layout, the alt text, the renderer and callers that want to warn about an
/// empty chart all read this value instead of re-deriving it.
///
/// ```swift
/// let chart = ResolvedChart(spec)
/// if !chart.hasDrawableData { print("warning: \(spec.title): \(chart.noDataReason ?? "")") }
/// chart.comparedYears     // e.g. ComparedYears(base: 2021, focus: 2022) for a slope chart
/// ```
public struct ResolvedChart: Sendable {
    /// The spec as given.
    public let spec: ChartSpec
    /// The years the kind compares, or nil when it draws every year (see ``KindLayout``).
    public let comparedYears: ComparedYears?
    /// The colours of the spec's theme.
    public let theme: Theme
    /// Type sizes and spacing for the spec's canvas.
    let typography: Typography
    /// The unit written after values in words: `%` for percentages, else the spec's unit.
    public let valueUnit: String
    /// True when the kind has something to draw; otherwise the chart shows `无数据` and ``noDataReason``.
    public let hasDrawableData: Bool
    /// Why the chart is empty, in the spec's language; nil when it has drawable data.
    public let noDataReason: String?
    /// The language tag text is shaped with (`zh-cn` or `en`).
    public let languageTag: String

    /// Resolves `spec`.
    public init(_ spec: ChartSpec) {
        let kind = spec.kind.layout
        let compared = kind.comparedYears(spec)
        let drawable = kind.hasDrawableData(spec, comparing: compared)
        self.spec = spec
        self.comparedYears = compared
        self.theme = Theme.named(spec.theme)
        self.typography = Typography(size: spec.size)
        self.valueUnit = spec.valueFormat == .percent ? "%" : spec.unit
        self.hasDrawableData = drawable
        self.noDataReason = drawable ? nil : kind.noDataReason(spec, language: spec.language)
        self.languageTag = spec.language.textLanguageTag
    }
}

extension Language {
    /// The language tag Pango shapes text with: `zh-cn` (Simplified Chinese glyph forms) or `en`.
    public var textLanguageTag: String {
        switch self {
        case .zh: "zh-cn"
        case .en: "en"
        }
    }
}
