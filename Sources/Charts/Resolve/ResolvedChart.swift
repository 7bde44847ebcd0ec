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
    /// True when every value is zero: the chart is an empty state with ``noDataReason`` (`2019—2022年均为0件`).
    public let allZero: Bool
    /// The palette slot of each series (colour, dash, marker), or nil for a series drawn in the theme's
    /// ``Theme/rest`` grey. No two series share a slot: see ``SeriesSlots``.
    public let seriesSlots: [Int?]

    /// Resolves `spec`.
    public init(_ spec: ChartSpec) {
        let kind = spec.kind.layout
        let compared = kind.comparedYears(spec)
        // Values that are all zero draw no invented axis: the empty state says so (B8).
        let present = spec.series.flatMap(\.presentValues)
        let allZero = !present.isEmpty && present.allSatisfy { $0 == 0 }
        let drawable = !allZero && kind.hasDrawableData(spec, comparing: compared)
        self.spec = spec
        self.comparedYears = compared
        let theme = Theme.named(spec.theme)
        self.theme = theme
        self.typography = Typography(size: spec.size)
        self.valueUnit = spec.valueFormat == .percent ? "%" : spec.unit
        self.hasDrawableData = drawable
        self.allZero = allZero
        self.noDataReason = drawable ? nil : (allZero ? Self.zeroSentence(spec) : kind.noDataReason(spec, language: spec.language))
        self.languageTag = spec.language.textLanguageTag
        self.seriesSlots = SeriesSlots.assign(spec.series, paletteSize: theme.palette.count)
    }
}

extension ResolvedChart {
    /// `2019—2022年均为0件` / `2020年为0件` / `All values are 0 in 2019–2022`.
    static func zeroSentence(_ spec: ChartSpec) -> String {
        let years = spec.yearsWithValues
        let unit = spec.valueFormat == .percent ? "%" : spec.unit
        guard let f = years.first, let l = years.last else { return "" }
        if spec.language == .en { return f == l ? "All values are 0 in \(f)" : "All values are 0 in \(f)–\(l)" }
        return (f == l ? "\(f)年为0" : "\(f)—\(l)年均为0") + unit
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

/// Which palette slot each series gets: a colour keeps its meaning from chart to chart and is never repeated.
///
/// - A series' own ``ChartSeries/slot`` (set by callers that know the category) wins when it is inside the
///   palette and no earlier series has it.
/// - Otherwise the slot comes from the series' label (``stableSlot(for:paletteSize:)``, the same in every chart,
///   kind and theme), moved on to the next free slot if another series has it.
/// - With more series than palette colours, the series with explicit slots and then the largest values keep
///   colours; the rest are nil (drawn grey), never a repeated colour.
public enum SeriesSlots {
    /// The slots of `series` for a palette of `paletteSize` colours.
    public static func assign(_ series: [ChartSeries], paletteSize: Int) -> [Int?] {
        guard paletteSize > 0 else { return series.map { _ in nil } }
        var order = Array(series.indices)
        if series.count > paletteSize {
            func weight(_ s: ChartSeries) -> Double { s.presentValues.map(abs).max() ?? 0 }
            order.sort { a, b in
                let ea = series[a].slot != nil, eb = series[b].slot != nil
                if ea != eb { return ea }
                let wa = weight(series[a]), wb = weight(series[b])
                return wa != wb ? wa > wb : a < b
            }
        }
        var out = [Int?](repeating: nil, count: series.count)
        var taken = Set<Int>()
        // Explicit slots first, then keyed ones, in importance order.
        for i in order.prefix(paletteSize) {
            if let s = series[i].slot, s >= 0, s < paletteSize, !taken.contains(s) { out[i] = s; taken.insert(s) }
        }
        for i in order.prefix(paletteSize) where out[i] == nil {
            var s = stableSlot(for: series[i].label, paletteSize: paletteSize)
            while taken.contains(s) { s = (s + 1) % paletteSize }
            out[i] = s
            taken.insert(s)
        }
        return out
    }

    /// The slot a label gets when it has none: FNV-1a of its UTF-8 bytes, so the same in every run and process.
    public static func stableSlot(for label: String, paletteSize: Int) -> Int {
        var h: UInt64 = 0xcbf29ce484222325
        for b in label.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return Int(h % UInt64(max(1, paletteSize)))
    }
}
