import SeriesModel

/// `bar`: grouped bars — one group per year, one bar per series — from zero, a legend for several series.
/// A zero is drawn as a hairline at the baseline; a missing value leaves its slot empty.
enum BarKind: KindLayout {
    static let labelZh = "分组柱状图"
    static let defaultSize = ChartSize.standard
    static func comparedYears(_ spec: ChartSpec) -> ComparedYears? { nil }
    static func hasDrawableData(_ spec: ChartSpec, comparing years: ComparedYears?) -> Bool {
        !spec.yearsWithValues.isEmpty
    }
    static func noDataReason(_ spec: ChartSpec, language: Language) -> String { NoDataReason.noValues(language) }
    static func altTextSummary(_ spec: ChartSpec, comparing years: ComparedYears?, num: (Double) -> String) -> [String] {
        AltTextWriter.seriesSentences(spec, num: num) + AltTextWriter.moreSeries(spec)
    }
    static func layout(_ builder: inout SceneBuilder) { builder.layoutBar() }
}

extension SceneBuilder {
    mutating func layoutBar() {
        var body = frame()
        let series = spec.series
        if series.count > 1 { body = legend(boxLegend(), in: body) }
        let years = continuousYears(spec.yearsWithValues)
        var values = series.flatMap(\.presentValues)
        if let r = referenceValue(values) { values.append(r.value) }
        let c = cartesian(in: body, values: values, zero: true, x: .yearBands(years), headroom: 0.06)
        highlightYear(c)
        let underlay = items.count
        missingYearMarks(c)
        guard case .bands(let bands) = c.placement else { return }
        let n = max(1, series.count)
        let inner = min(bands.bandwidth, 64 * type.scale * Double(n))   // C7: bars at most ~60 units thick
        let barW = inner / Double(n)
        let zeroY = c.y(0)
        var tops: [(Rect, Double, Int, Int)] = []   // bar, value, series, year index
        for (yi, year) in years.enumerated() {
            let x0 = bands.center(yi) - inner / 2
            for (si, s) in series.enumerated() {
                guard let v = s.value(in: year) else { continue }
                let x = x0 + Double(si) * barW
                let y = c.y(v)
                let r = Rect(x: x + barW * 0.06, y: min(y, zeroY), width: barW * 0.88, height: max(abs(zeroY - y), 0))
                noteColor(si, seriesColor(si))
                if v == 0 {
                    add(.polyline([Point(r.minX, zeroY), Point(r.maxX, zeroY)], Stroke(seriesColor(si), width: 2 * type.scale)))
                    mark(.rect(Rect(x: r.minX, y: zeroY - type.scale, width: r.width, height: 2 * type.scale)), series: si)
                } else {
                    add(.rect(r, fill: seriesColor(si), stroke: nil))
                    mark(.rect(r), series: si)
                }
                tops.append((r, v, si, yi))
            }
        }
        referenceLine(c, values: series.flatMap(\.presentValues))
        periodBreaks(c, under: underlay)
        notes(c) { note in
            guard let yi = years.firstIndex(of: note.year) else { return nil }
            let si = note.series.flatMap { l in series.firstIndex { $0.label == l } } ?? 0
            return tops.first { $0.2 == si && $0.3 == yi }.map { Point($0.0.midX, $0.1 < 0 ? $0.0.maxY : $0.0.minY) }
        }
        barValueLabels(tops.map { ($0.0, $0.1, $0.2) }, unit: c.unit, within: labelBounds(c), lastYearIndex: years.count - 1,
                       yearIndex: tops.map(\.3))
    }

    /// Legend entries with square swatches, one per series.
    func boxLegend() -> [LegendEntry] {
        let coloured = spec.series.indices.filter { !isRest($0) }
        var entries = coloured.map { LegendEntry(label: spec.series[$0].label, color: seriesColor($0), swatch: .box) }
        let rest = spec.series.count - coloured.count
        if rest > 0 { entries.append(LegendEntry(label: restLabel(rest), color: theme.rest, swatch: .box)) }
        return entries
    }

    /// Value labels above positive bars and below negative ones, as the annotation setting asks.
    mutating func barValueLabels(_ bars: [(rect: Rect, value: Double, series: Int)], unit: ValueUnit, within plot: Rect,
                                 lastYearIndex: Int, yearIndex: [Int]) {
        let mode = spec.annotations.valueLabels
        var chosen: [Int] = []
        switch mode {
        case .none: return
        case .all: chosen = Array(bars.indices)
        case .auto: chosen = bars.count <= 16 ? Array(bars.indices) : bars.indices.filter { yearIndex[$0] == lastYearIndex }
        case .last: chosen = bars.indices.filter { yearIndex[$0] == lastYearIndex }
        case .extremes:
            for si in Set(bars.map(\.series)) {
                let mine = bars.indices.filter { bars[$0].series == si }
                if let mx = mine.max(by: { bars[$0].value < bars[$1].value }) { chosen.append(mx) }
                if let mn = mine.min(by: { bars[$0].value < bars[$1].value }) { chosen.append(mn) }
            }
        }
        let size = min(type.label, max(type.label * 0.7, (bars.first?.rect.width ?? 100) / 3.2))
        let s = TextStyle(size: size, color: theme.text, halo: theme.background)
        let d = 3 * type.scale
        // Grey (rest) series carry no labels; each label must sit clear of every bar and nearest its own.
        for i in Array(Set(chosen)).sorted() where !isRest(bars[i].series) {
            let b = bars[i]
            let label = unit.valueLabel(b.value)
            let p = b.value < 0 ? Point(b.rect.midX, b.rect.maxY + d) : Point(b.rect.midX, b.rect.minY - d)
            var st = s
            if spec.series.count > 1 { st.color = seriesTextColor(b.series) }
            optionalText(label, st, candidates: [(p, .center, b.value < 0 ? .top : .bottom)], role: .valueLabel,
                         within: plot, series: b.series)
        }
    }
}
