import SeriesModel

/// `stacked`: one bar per year, one segment per series (positives up, negatives down), the total on top.
/// `share`: the same bars as percentages of each year's total (100% stacked composition).
enum StackedKind: KindLayout {
    static let labelZh = "堆积柱状图"
    static let defaultSize = ChartSize.standard
    static func comparedYears(_ spec: ChartSpec) -> ComparedYears? { nil }
    static func hasDrawableData(_ spec: ChartSpec, comparing years: ComparedYears?) -> Bool {
        !spec.yearsWithValues.isEmpty
    }
    static func noDataReason(_ spec: ChartSpec, language: Language) -> String { NoDataReason.noValues(language) }
    static func altTextSummary(_ spec: ChartSpec, comparing years: ComparedYears?, num: (Double) -> String) -> [String] {
        AltTextWriter.seriesSentences(spec, num: num) + AltTextWriter.moreSeries(spec)
    }
    static func layout(_ builder: inout SceneBuilder) { builder.layoutStacked(share: false) }
}

extension SceneBuilder {
    mutating func layoutStacked(share: Bool) {
        var body = frame()
        let series = spec.series
        body = legend(boxLegend(), in: body)
        let years = continuousYears(spec.yearsWithValues)
        // Per year: the positive total (share charts use only non-negative parts).
        var totals: [Int: Double] = [:]
        var negTotals: [Int: Double] = [:]
        for y in years {
            let vs = series.compactMap { $0.value(in: y) }
            totals[y] = vs.filter { $0 > 0 }.reduce(0, +)
            negTotals[y] = vs.filter { $0 < 0 }.reduce(0, +)
        }
        let values: [Double] = share ? [0, 100] : years.flatMap { [totals[$0]!, negTotals[$0]!] }
        let c = cartesian(in: body, values: values, zero: true, x: .yearBands(years),
                          fixedDomain: share ? 0...100 : nil, format: share ? .percent : nil, headroom: share ? 0 : 0.05)
        highlightYear(c)
        missingYearMarks(c)
        guard case .bands(let bands) = c.placement else { return }
        let barW = min(bands.bandwidth, 140 * type.scale)
        let labelStyle = TextStyle(size: type.label * 0.92, color: theme.text)
        let totalStyle = TextStyle(size: type.label, bold: true, color: theme.text, halo: theme.background)
        let showSegments = spec.annotations.valueLabels != .none
        for (yi, y) in years.enumerated() {
            let total = totals[y]!
            if share && total <= 0 { continue }
            var up = 0.0, down = 0.0
            let x = bands.center(yi) - barW / 2
            for (si, s) in series.enumerated() {
                guard let raw = s.value(in: y), raw != 0 else { continue }
                if share && raw < 0 { continue }
                let v = share ? raw / total * 100 : raw
                let from = v > 0 ? up : down
                let to = from + v
                if v > 0 { up = to } else { down = to }
                let y0 = c.y(from), y1 = c.y(to)
                let r = Rect(x: x, y: min(y0, y1), width: barW, height: abs(y1 - y0))
                let fill = theme.seriesColor(slot(si))
                add(.rect(r, fill: fill, stroke: Stroke(theme.background, width: 1 * type.scale)))
                guard showSegments else { continue }
                let text = share ? NumberText.positional(v, fractionDigits: 1) + "%" : c.unit.valueLabel(raw)
                var st = labelStyle
                st.color = theme.textColor(on: fill)
                let f = frame(text, st, at: Point(r.midX, r.midY), .center, .middle)
                if f.width <= r.width - 4 && f.height <= r.height - 2 && isFree(f, within: c.plot) {
                    self.text(text, st, at: Point(r.midX, r.midY), .center, .middle, role: .valueLabel)
                }
            }
            let reported = series.contains { $0.value(in: y) != nil }
            if !share && showSegments && reported && (up != 0 || down == 0) {
                optionalText(c.unit.valueLabel(total + (negTotals[y] ?? 0)), totalStyle,
                             candidates: [(Point(bands.center(yi), c.y(up) - 4 * type.scale), .center, .bottom)],
                             role: .valueLabel, within: labelBounds(c))
            }
        }
        if !share { referenceLine(c, values: years.map { totals[$0]! + negTotals[$0]! }) }
    }
}
