import SeriesModel

/// Everything one chart kind decides, in one place: its name, its default canvas, the years it compares, when it
/// has something to draw and what it says when it has not, the sentences of its alt text, and its layout.
///
/// Every requirement must be written by the kind (there are no default implementations), so adding a kind means
/// one conforming type in `Kinds/`, one line in ``ChartKind/layout`` (``KindRegistry``), one golden scene and one
/// row in docs/charts.md — and the compiler lists every decision still missing.
protocol KindLayout {
    /// The Chinese name, for messages, the alt text and the gallery.
    static var labelZh: String { get }
    /// The canvas a chart of this kind gets when nobody asks for another one.
    static var defaultSize: ChartSize { get }
    /// The years the chart compares (rank: one, slope and waterfall: two), or nil when it draws every year.
    static func comparedYears(_ spec: ChartSpec) -> ComparedYears?
    /// True when the chart has something to draw; otherwise it shows `无数据` and ``noDataReason(_:language:)``.
    static func hasDrawableData(_ spec: ChartSpec, comparing years: ComparedYears?) -> Bool
    /// Why a chart of this kind without drawable data is empty, in `language`.
    static func noDataReason(_ spec: ChartSpec, language: Language) -> String
    /// The alt-text sentences after the opening one (kind, series count, years): what the chart shows.
    static func altTextSummary(_ spec: ChartSpec, comparing years: ComparedYears?, num: (Double) -> String) -> [String]
    /// Lays the chart out on `builder` (called only when the chart has drawable data).
    static func layout(_ builder: inout SceneBuilder)
}

/// The years a chart compares: the focus year and, for kinds that compare two years, the base year.
public struct ComparedYears: Sendable, Hashable {
    /// The earlier year (slope, waterfall, change across series); nil for kinds that show one year (rank).
    public var base: Int?
    /// The year shown (rank) or the later year compared.
    public var focus: Int

    public init(base: Int?, focus: Int) {
        self.base = base; self.focus = focus
    }

    /// The years as a set: the focus year and the base year when there is one.
    public var years: Set<Int> { base.map { [$0, focus] } ?? [focus] }
}

/// The no-data sentences the kinds share.
enum NoDataReason {
    /// Nothing to draw in any year.
    static func noValues(_ language: Language) -> String {
        language == .zh ? "所选指标没有数值" : "No values for the selected metrics"
    }
}
