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
    /// The years of a stacked or share chart in which some part is missing while others are reported: no 100% bar
    /// (share) and no total that looks complete (stacked) is drawn for them.
    func incompleteYears(_ years: [Int]) -> Set<Int> {
        Set(years.filter { y in
            let reported = spec.series.filter { $0.value(in: y) != nil }.count
            return reported > 0 && reported < spec.series.count
        })
    }

    mutating func layoutStacked(share: Bool) {
        var body = frame()
        let series = spec.series
        body = legend(boxLegend(), in: body)
        let years = continuousYears(spec.yearsWithValues)
        let incomplete = incompleteYears(years)
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
        let underlay = items.count
        guard case .bands(let bands) = c.placement else { return }
        let barW = min(bands.bandwidth, 72 * type.scale)
        let labelStyle = TextStyle(size: type.label * 0.92, color: theme.text)
        let totalStyle = TextStyle(size: type.label, bold: true, color: theme.text, halo: theme.background)
        let noteStyle = TextStyle(size: type.label * 0.85, color: theme.mutedText, halo: theme.background)
        let showSegments = spec.annotations.valueLabels != .none
        let baseline = c.y(0)
        // The grey rest (series beyond the palette) is one segment per year.
        let coloured = series.indices.filter { !isRest($0) }
        let restIdx = series.indices.filter { isRest($0) }
        var footnote = false
        for (yi, y) in years.enumerated() {
            let cx = bands.center(yi)
            let reported = series.contains { $0.value(in: y) != nil }
            if !reported {
                optionalText(zh ? "无数据" : "no data", noteStyle, candidates: [(Point(cx, baseline - 4 * type.scale), .center, .bottom)],
                             role: .note, within: c.plot)
                continue
            }
            let total = totals[y]!
            if share && incomplete.contains(y) {
                optionalText(zh ? "数据不全" : "incomplete", noteStyle,
                             candidates: [(Point(cx, baseline - 4 * type.scale), .center, .bottom)], role: .note, within: labelBounds(c))
                continue
            }
            if share && total <= 0 {
                optionalText(zh ? "合计为0" : "total is 0", noteStyle,
                             candidates: [(Point(cx, baseline - 4 * type.scale), .center, .bottom)], role: .note, within: labelBounds(c))
                continue
            }
            var up = 0.0, down = 0.0
            let x = cx - barW / 2
            var parts: [(index: Int?, raw: Double)] = coloured.compactMap { i in series[i].value(in: y).map { (i, $0) } }
            if !restIdx.isEmpty {
                let r = restIdx.compactMap { series[$0].value(in: y) }
                if !r.isEmpty { parts.append((nil, r.reduce(0, +))) }
            }
            for (si, raw) in parts {
                guard raw != 0 else { continue }
                let v = share ? raw / total * 100 : raw
                let from = v > 0 ? up : down
                let to = from + v
                if v > 0 { up = to } else { down = to }
                let y0 = c.y(from), y1 = c.y(to)
                let r = Rect(x: x, y: min(y0, y1), width: barW, height: abs(y1 - y0))
                let fill = si.map(seriesColor) ?? theme.rest
                if let si { noteColor(si, fill) }
                add(.rect(r, fill: fill, stroke: Stroke(theme.background, width: 1 * type.scale)))
                mark(.rect(r), series: si)
                guard showSegments else { continue }
                let text = share ? NumberText.display(v, fractionDigits: 1) + "%" : c.unit.valueLabel(raw)
                var st = labelStyle
                st.color = theme.textColor(on: fill)
                guard st.color.contrast(with: fill.composited(over: theme.background)) >= 4.5 else { continue }
                let f = frame(text, st, at: Point(r.midX, r.midY), .center, .middle)
                if f.width <= r.width - 4 && f.height <= r.height - 2 && isFree(f, within: c.plot, inside: r) {
                    self.text(text, st, at: Point(r.midX, r.midY), .center, .middle, role: .valueLabel, series: si)
                }
            }
            guard !share && showSegments else { continue }
            let net = total + (negTotals[y] ?? 0)
            let mark = incomplete.contains(y) ? "*" : ""
            footnote = footnote || !mark.isEmpty
            if down != 0 && up != 0 {
                // Positive and negative parts: the net beside the bar at its own height, with a tick (C5).
                let ny = c.y(net)
                add(.polyline([Point(x + barW, ny), Point(x + barW + 6 * type.scale, ny)], Stroke(theme.text, width: 1.5 * type.scale)))
                optionalText((zh ? "净" : "net ") + c.unit.valueLabel(net) + mark, totalStyle,
                             candidates: [(Point(x + barW + 8 * type.scale, ny), .left, .middle),
                                          (Point(x - 8 * type.scale, ny), .right, .middle)],
                             role: .valueLabel, within: labelBounds(c))
            } else {
                let top = up != 0 ? c.y(up) - 4 * type.scale : c.y(down) + 4 * type.scale
                optionalText(c.unit.valueLabel(net) + mark, totalStyle,
                             candidates: [(Point(cx, top), .center, up != 0 || down == 0 ? .bottom : .top)],
                             role: .valueLabel, within: labelBounds(c))
            }
        }
        if !share { referenceLine(c, values: years.map { totals[$0]! + negTotals[$0]! }) }
        periodBreaks(c, under: underlay)
        if footnote {
            let s = TextStyle(size: type.label * 0.8, color: theme.mutedText)
            let t = zh ? "*部分构成项缺失，合计不完整" : "* some parts missing: incomplete total"
            optionalText(t, s, candidates: [(Point(c.plot.maxX, c.plot.minY - 2), .right, .bottom),
                                            (Point(c.plot.maxX, canvas.maxY - 2), .right, .bottom)], role: .note)
        }
    }
}
