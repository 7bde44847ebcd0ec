import SeriesModel

/// `slope`: two years, one line per series from its first-year value to its second-year value, labels pushed
/// apart on both sides. Up to eight series take palette colours; more are coloured by direction.
enum SlopeKind: KindLayout {
    static let labelZh = "斜率图"
    static let defaultSize = ChartSize.standard
    /// `baseYear`/`focusYear`, else the first and the last year with values.
    static func comparedYears(_ spec: ChartSpec) -> ComparedYears? {
        let years = spec.yearsWithValues
        guard let last = years.last else { return nil }
        let focus = spec.focusYear ?? last
        return ComparedYears(base: spec.baseYear ?? years.first { $0 < focus } ?? focus, focus: focus)
    }
    static func hasDrawableData(_ spec: ChartSpec, comparing years: ComparedYears?) -> Bool {
        guard let years, let base = years.base, base != years.focus else { return false }
        return spec.series.contains { $0.value(in: base) != nil && $0.value(in: years.focus) != nil }
    }
    static func noDataReason(_ spec: ChartSpec, language: Language) -> String {
        language == .zh ? "没有主体同时具有两个比较年份的数值" : "No series has values in both compared years"
    }
    static func altTextSummary(_ spec: ChartSpec, comparing years: ComparedYears?, num: (Double) -> String) -> [String] {
        AltTextWriter.seriesSentences(spec, num: num) + AltTextWriter.moreSeries(spec)
    }
    static func layout(_ builder: inout SceneBuilder) { builder.layoutSlope() }
}

extension SceneBuilder {
    mutating func layoutSlope() {
        let body = frame()
        guard let compared = chart.comparedYears, let base = compared.base else { return }
        let focus = compared.focus
        let rows = spec.series.enumerated().compactMap { i, s -> (Int, String, Double, Double)? in
            guard let a = s.value(in: base), let b = s.value(in: focus) else { return nil }
            return (i, s.label, a, b)
        }
        let values = rows.flatMap { [$0.2, $0.3] }
        let lo = values.min() ?? 0, hi = values.max() ?? 0
        // No value axis is drawn: the lines span the data's own range so each label can sit beside its point.
        let ticks = NiceTicks(min: lo, max: hi, count: 5)
        let unit = ValueUnit.choose(maxAbs: max(abs(ticks.lower), abs(ticks.upper)), baseUnit: spec.unit,
                                    step: ticks.step, format: spec.valueFormat, language: spec.language)
        let many = rows.count > 8
        var nameStyle = style(type.seriesLabel, bold: false)
        let yearStyle = style(type.axisTitle * 1.1, bold: true)
        let titleStyle = style(type.axisTitle, color: theme.mutedText)
        let yearH = measure("2020", yearStyle).height
        let unitTitle = spec.yTitle ?? unit.axisTitle(spec.language)
        let unitH = unitTitle == nil ? 0 : measure(unitTitle!, titleStyle).height + type.gap * 0.5
        let top = body.minY + unitH + yearH + type.gap * 1.5
        let bottom = body.maxY - type.gap
        let available = bottom - top
        // Shrink labels until one per row fits the height.
        let rowH = available / Double(max(1, rows.count))
        nameStyle.size = min(nameStyle.size, max(7, rowH / 1.5))
        let leftTexts = rows.map { "\($0.1)  \(unit.valueLabel($0.2))" }
        let rightTexts = rows.map { "\(unit.valueLabel($0.3))  \($0.1)" }
        let maxSide = body.width * 0.34
        let leftW = min(maxSide, leftTexts.map { measure($0, nameStyle).width }.max() ?? 0)
        let rightW = min(maxSide, rightTexts.map { measure($0, nameStyle).width }.max() ?? 0)
        let x0 = body.minX + leftW + type.gap * 1.5
        let x1 = body.maxX - rightW - type.gap * 1.5
        let y = LinearScale(domain: (lo == hi ? lo - 1 : lo)...(lo == hi ? hi + 1 : hi), from: bottom, to: top)
        if let unitTitle { text(unitTitle, titleStyle, at: Point(body.minX, body.minY), role: .axisTitle) }
        for (x, yr) in [(x0, base), (x1, focus)] {
            text(String(yr) + (zh ? "年" : ""), yearStyle, at: Point(x, body.minY + unitH), .center, .top, role: .axisTitle)
            add(.polyline([Point(x, top), Point(x, bottom)], Stroke(theme.grid, width: 1.5 * type.scale)))
        }
        func color(_ k: Int) -> Color {
            let r = rows[k]
            return many ? (r.3 >= r.2 ? theme.positive : theme.negative) : theme.seriesColor(slot(r.0))
        }
        for k in rows.indices {
            let p0 = Point(x0, y(rows[k].2)), p1 = Point(x1, y(rows[k].3))
            add(.polyline([p0, p1], Stroke(color(k), width: (many ? 1.6 : type.lineWidth / type.scale) * type.scale,
                                           dash: many ? [] : theme.seriesDash(slot(rows[k].0)))))
            for p in [p0, p1] {
                add(.marker(p, shape: .circle, radius: type.markerRadius * (many ? 0.7 : 1), fill: color(k), stroke: nil))
            }
        }
        let h = measure("国", nameStyle).height
        for (side, texts) in [(0, leftTexts), (1, rightTexts)] {
            let wishes = rows.map { y(side == 0 ? $0.2 : $0.3) }
            let centres = LabelSpreader.spread(wishes, heights: rows.map { _ in h }, min: top - h / 2, max: bottom + h / 2, gap: 1)
            for k in rows.indices {
                var st = nameStyle
                st.color = many ? theme.text : color(k)
                let x = side == 0 ? x0 - type.gap * 1.2 : x1 + type.gap * 1.2
                if let centres {
                    text(texts[k], st, at: Point(x, centres[k]), side == 0 ? .right : .left, .middle, role: .seriesLabel)
                    if abs(centres[k] - wishes[k]) > h * 0.3 {
                        let dot = side == 0 ? x0 : x1
                        let end = side == 0 ? x - 2 : x + 2
                        add(.polyline([Point(end, centres[k]), Point(dot + (side == 0 ? -4 : 4), wishes[k])],
                                      Stroke(theme.axis.opacity(0.6), width: 0.8 * type.scale)))
                    }
                } else {
                    optionalText(texts[k], st, candidates: [(Point(x, wishes[k]), side == 0 ? .right : .left, .middle)],
                                 role: .seriesLabel)
                }
            }
        }
    }
}
