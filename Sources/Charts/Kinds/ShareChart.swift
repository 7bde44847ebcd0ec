import SeriesModel

/// `share`: the stacked bars of ``StackedKind`` as percentages of each year's total (100% stacked composition).
enum ShareKind: KindLayout {
    static let labelZh = "百分比堆积图"
    static let defaultSize = ChartSize.standard
    static func comparedYears(_ spec: ChartSpec) -> ComparedYears? { nil }
    static func hasDrawableData(_ spec: ChartSpec, comparing years: ComparedYears?) -> Bool {
        !spec.yearsWithValues.isEmpty
    }
    static func noDataReason(_ spec: ChartSpec, language: Language) -> String { NoDataReason.noValues(language) }
    static func altTextSummary(_ spec: ChartSpec, comparing years: ComparedYears?, num: (Double) -> String) -> [String] {
        // The composition of the focus year, in percent of its positive total.
        let zh = spec.language == .zh
        guard let last = spec.yearsWithValues.last else { return AltTextWriter.seriesSentences(spec, num: num) + AltTextWriter.moreSeries(spec) }
        let focus = spec.focusYear ?? last
        let total = spec.series.compactMap { $0.value(in: focus) }.filter { $0 > 0 }.reduce(0, +)
        guard total > 0 else { return AltTextWriter.seriesSentences(spec, num: num) + AltTextWriter.moreSeries(spec) }
        let list = spec.series.compactMap { s -> String? in
            guard let v = s.value(in: focus), v > 0 else { return nil }
            let p = NumberText.positional(v / total * 100, fractionDigits: 1) + "%"
            return zh ? "\(s.label)占\(p)" : "\(s.label) \(p)"
        }
        return [zh ? "\(focus)年构成：" + list.joined(separator: "，") + "。" : "Composition in \(focus): " + list.joined(separator: ", ") + "."]
            + AltTextWriter.moreSeries(spec)
    }
    static func layout(_ builder: inout SceneBuilder) { builder.layoutStacked(share: true) }
}
