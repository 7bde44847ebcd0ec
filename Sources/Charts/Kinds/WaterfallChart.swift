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
    /// Something to compare: two different years and a series with values in both (B8: a base year equal to
    /// the focus year is an empty state, not a run of zeros).
    static func hasDrawableData(_ spec: ChartSpec, comparing years: ComparedYears?) -> Bool {
        guard let years, let base = years.base, base != years.focus else { return false }
        return spec.series.contains { $0.value(in: base) != nil && $0.value(in: years.focus) != nil }
    }
    static func noDataReason(_ spec: ChartSpec, language: Language) -> String {
        if spec.yearsWithValues.count < 2 { return language == .zh ? "只有一个年份的数值，无从比较" : "Values for one year only: nothing to compare" }
        return language == .zh ? "没有主体同时具有两个比较年份的数值" : "No series has values in both compared years"
    }
    static func altTextSummary(_ spec: ChartSpec, comparing years: ComparedYears?, num: (Double) -> String) -> [String] {
        AltTextWriter.seriesSentences(spec, num: num) + AltTextWriter.moreSeries(spec)
    }
    static func layout(_ builder: inout SceneBuilder) { builder.layoutWaterfall() }
}

extension SceneBuilder {
    mutating func layoutWaterfall() {
        var body = frame()
        guard let compared = chart.comparedYears, let base = compared.base else { return }
        body = periodBreakNote(in: body, years: [base, compared.focus])
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
        let suffix = ""   // years as on every other axis: 2021, not 2021年 (C4)
        let names = ["\(base)\(suffix)"] + rows.map(\.0) + ["\(focus)\(suffix)"]
        // Changes that are slivers on the total's scale say nothing: the change chart says it better (A10).
        let biggest = rows.map { abs($0.2 - $0.1) }.max() ?? 0
        let level = max(abs(start), abs(end), levels.map(abs).max() ?? 0)
        if level > 0 && biggest < 0.05 * level {
            let s = TextStyle(size: type.label * 0.85, color: theme.mutedText)
            let note = zh ? "注：各项变化均不足合计的5%，以增减图显示" : "Note: every change is under 5% of the total, shown as changes"
            let lines = broken(note, s, width: body.width)
            let h = measure(lines, s, wrap: body.width).height
            text(lines, s, at: Point(body.minX, body.maxY - h), role: .note, wrap: body.width)
            layoutChangeAcross(compared, in: Rect(x: body.minX, y: body.minY, width: body.width, height: body.height - h - type.gap))
            return
        }
        let c = cartesian(in: body, values: levels + [end, 0], zero: true, x: .bands(names), headroom: 0.05)
        guard case .bands(let bands) = c.placement else { return }
        let w = min(bands.bandwidth, 64 * type.scale)
        let ls = TextStyle(size: type.label, bold: true, color: theme.text, halo: theme.background)
        // Totals in a neutral grey, rises and falls in the sign pair: none of them a series colour (B6).
        let total = theme.neutral
        // Every bar first, then the labels, so no label is placed where a later bar goes.
        var pending: [(Rect, Double, Double, String, Color)] = []
        func bar(_ i: Int, from a: Double, to b: Double, fill: Color, label: String, color: Color) {
            let y0 = c.y(a), y1 = c.y(b)
            let r = Rect(x: bands.center(i) - w / 2, y: min(y0, y1), width: w, height: max(1, abs(y1 - y0)))
            add(.rect(r, fill: fill, stroke: nil))
            mark(.rect(r), series: nil)
            pending.append((r, a, b, label, color))
        }
        func barLabel(_ r: Rect, from a: Double, to b: Double, label: String, color: Color) {
            var st = ls
            st.color = theme.readable(color)
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
        for (r, a, b, label, color) in pending { barLabel(r, from: a, to: b, label: label, color: color) }
        for i in 0...rows.count {
            let yv = c.y(levels[i])
            add(.polyline([Point(bands.center(i) + w / 2, yv), Point(bands.center(i + 1) - w / 2, yv)],
                          Stroke(theme.axis, width: type.scale, dash: [3 * type.scale, 3 * type.scale])))
        }
    }
}
