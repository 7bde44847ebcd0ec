import SeriesModel

/// `waterfall`: the base year's total, each series' change to the focus year, the focus year's total.
/// Rises and falls are coloured by sign and marked ▲/▼; dashed connectors carry the running level.
enum WaterfallKind: KindLayout {
    static let labelZh = "瀑布图"
    static let defaultSize = ChartSize.standard
    /// `baseYear`/`focusYear`, else the last year with values and the latest year before it.
    static func comparedYears(_ spec: ChartSpec) -> ComparedYears? {
        let years = spec.yearsWithValues
        guard let last = years.last else { return nil }
        let focus = spec.focusYear ?? last
        return ComparedYears(base: spec.baseYear ?? years.last { $0 < focus } ?? focus, focus: focus)
    }
    static func hasDrawableData(_ spec: ChartSpec, comparing years: ComparedYears?) -> Bool {
        !spec.yearsWithValues.isEmpty
    }
    static func noDataReason(_ spec: ChartSpec, language: Language) -> String { NoDataReason.noValues(language) }
    static func altTextSummary(_ spec: ChartSpec, comparing years: ComparedYears?, num: (Double) -> String) -> [String] {
        AltTextWriter.seriesSentences(spec, num: num) + AltTextWriter.moreSeries(spec)
    }
    static func layout(_ builder: inout SceneBuilder) { builder.layoutWaterfall() }
}

extension SceneBuilder {
    mutating func layoutWaterfall() {
        let body = frame()
        guard let compared = chart.comparedYears, let base = compared.base else { return }
        let focus = compared.focus
        let rows = spec.series.compactMap { s -> (String, Double, Double)? in
            guard let a = s.value(in: base), let b = s.value(in: focus) else { return nil }
            return (s.label, a, b)
        }
        let start = rows.reduce(0) { $0 + $1.1 }
        let end = rows.reduce(0) { $0 + $1.2 }
        var levels = [start]
        var running = start
        for r in rows { running += r.2 - r.1; levels.append(running) }
        let suffix = zh ? "年" : ""
        let names = ["\(base)\(suffix)"] + rows.map(\.0) + ["\(focus)\(suffix)"]
        let c = cartesian(in: body, values: levels + [end, 0], zero: true, x: .bands(names), headroom: 0.05)
        guard case .bands(let bands) = c.placement else { return }
        let w = min(bands.bandwidth, 110 * type.scale)
        let ls = TextStyle(size: type.label, bold: true, color: theme.text, halo: theme.background)
        let total = theme.name == .print ? Color(hex: 0x404040) : theme.seriesColor(0)
        func bar(_ i: Int, from a: Double, to b: Double, fill: Color, label: String, color: Color) {
            let y0 = c.y(a), y1 = c.y(b)
            let r = Rect(x: bands.center(i) - w / 2, y: min(y0, y1), width: w, height: max(1, abs(y1 - y0)))
            add(.rect(r, fill: fill, stroke: nil))
            var st = ls
            st.color = color
            let up = b >= a
            let above = (Point(r.midX, r.minY - 3 * type.scale), HAlign.center, VAlign.bottom)
            let below = (Point(r.midX, r.maxY + 3 * type.scale), HAlign.center, VAlign.top)
            optionalText(label, st, candidates: up ? [above, below] : [below, above], role: .valueLabel,
                         within: labelBounds(c))
        }
        bar(0, from: 0, to: start, fill: total, label: c.unit.valueLabel(start), color: theme.text)
        for (k, r) in rows.enumerated() {
            let d = r.2 - r.1
            let fill = d >= 0 ? theme.positive : theme.negative
            let textColor = theme.name == .print ? theme.text : fill
            bar(k + 1, from: levels[k], to: levels[k + 1], fill: fill.opacity(0.9), label: signedLabel(d, unit: c.unit), color: textColor)
        }
        bar(rows.count + 1, from: 0, to: end, fill: total, label: c.unit.valueLabel(end), color: theme.text)
        for i in 0...rows.count {
            let yv = c.y(levels[i])
            add(.polyline([Point(bands.center(i) + w / 2, yv), Point(bands.center(i + 1) - w / 2, yv)],
                          Stroke(theme.axis, width: type.scale, dash: [3 * type.scale, 3 * type.scale])))
        }
    }
}
