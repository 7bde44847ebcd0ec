import SeriesModel

/// `line`: one line per series over the years, markers at every value, direct end labels when they fit
/// (a legend otherwise), a gap where a year is missing.
enum LineKind: KindLayout {
    static let labelZh = "折线图"
    static let defaultSize = ChartSize.standard
    static func comparedYears(_ spec: ChartSpec) -> ComparedYears? { nil }
    static func hasDrawableData(_ spec: ChartSpec, comparing years: ComparedYears?) -> Bool {
        !spec.yearsWithValues.isEmpty
    }
    static func noDataReason(_ spec: ChartSpec, language: Language) -> String { NoDataReason.noValues(language) }
    static func altTextSummary(_ spec: ChartSpec, comparing years: ComparedYears?, num: (Double) -> String) -> [String] {
        AltTextWriter.seriesSentences(spec, num: num) + AltTextWriter.moreSeries(spec)
    }
    static func layout(_ builder: inout SceneBuilder) { builder.layoutLine() }
}

extension SceneBuilder {
    mutating func layoutLine() {
        var body = frame()
        let series = spec.series
        let years = continuousYears(spec.yearsWithValues)
        let multi = series.count > 1
        let nameStyle = style(type.seriesLabel, bold: true)
        let nameHeights = series.map { measure($0.label, nameStyle).height }
        let nameWidths = series.map { measure($0.label, nameStyle).width }
        let direct = multi && (nameWidths.max() ?? 0) <= body.width * 0.26
            && nameHeights.reduce(0, +) <= body.height * 0.75
        let legendEntries = series.indices.map {
            LegendEntry(label: series[$0].label, color: theme.seriesColor(slot($0)),
                        swatch: .line(dash: theme.seriesDash(slot($0)), marker: theme.seriesMarker(slot($0))))
        }
        if multi && !direct { body = legend(legendEntries, in: body) }

        var values = series.flatMap(\.presentValues)
        if let r = referenceValue(values) { values.append(r.value) }
        // Trend lines need three points to mean anything; they are clipped to the plot, never widen the axis.
        let trends = series.map { s in spec.annotations.trendLine && s.presentValues.count >= 3 ? trend(s) : nil }
        let lo = values.min() ?? 0, hi = values.max() ?? 0
        // Counts start at zero so a change is not exaggerated; long series of nearly level values may zoom in.
        let longest = series.map(\.presentValues.count).max() ?? 0
        let zero = lo >= 0 && !(longest >= 4 && lo > hi * 0.8)
        let rightSpace = direct ? (nameWidths.max() ?? 0) + type.gap * 2.2 : 0
        let c = cartesian(in: body, values: values, zero: zero, x: .years(years), rightReserve: rightSpace)

        highlightYear(c)
        missingYearMarks(c)
        referenceLine(c, values: series.flatMap(\.presentValues))
        guard case .points(let ys) = c.placement else { return }
        func pt(_ year: Int, _ v: Double) -> Point { Point(ys(Double(year)), c.y(v)) }

        for (i, t) in trends.enumerated() {
            guard let t, let f = series[i].years.first, let l = series[i].years.last else { continue }
            guard let seg = clipVertically(pt(f, t.value(at: f)), pt(l, t.value(at: l)), to: c.plot) else { continue }
            add(.polyline([seg.0, seg.1],
                          Stroke(theme.seriesColor(slot(i)).opacity(0.75), width: 1.6 * type.scale, dash: [3 * type.scale, 4 * type.scale])))
        }
        let r = type.markerRadius
        for (i, s) in series.enumerated() {
            for seg in segments(s) where seg.count > 1 {
                add(.polyline(seg.map { pt($0.year, $0.value) },
                              Stroke(theme.seriesColor(slot(i)), width: type.lineWidth, dash: theme.seriesDash(slot(i)))))
            }
        }
        for (i, s) in series.enumerated() {
            for p in s.points { if let v = p.value {
                let q = pt(p.year, v)
                add(.marker(q, shape: theme.seriesMarker(slot(i)), radius: r, fill: theme.seriesColor(slot(i)), stroke: Stroke(theme.background, width: type.scale)))
                reserve(Rect(x: q.x - r, y: q.y - r, width: 2 * r, height: 2 * r))
            } }
        }

        if direct {
            let ends = series.map { $0.last.map { pt($0.year, $0.value) } }
            var idx = series.indices.filter { ends[$0] != nil }
            // A series that stops before the last year is named beside its last point where there is room, so
            // no leader line runs across the years it does not have.
            idx.removeAll { i in
                let e = ends[i]!
                guard e.x < c.plot.maxX - 2 else { return false }
                let d = r + 4 * type.scale
                return optionalText(series[i].label, style(type.seriesLabel, bold: true, color: theme.seriesColor(slot(i))),
                                    candidates: [(Point(e.x + d, e.y), .left, .middle), (Point(e.x + d, e.y - d), .left, .bottom),
                                                 (Point(e.x + d, e.y + d), .left, .top)],
                                    role: .seriesLabel, within: c.plot) != nil
            }
            if let centres = LabelSpreader.spread(idx.map { ends[$0]!.y }, heights: idx.map { nameHeights[$0] },
                                                  min: c.plot.minY - type.tick / 2, max: c.plot.maxY, gap: 2) {
                for (k, i) in idx.enumerated() {
                    let x = c.plot.maxX + type.gap * 1.2
                    text(series[i].label, style(type.seriesLabel, bold: true, color: theme.seriesColor(slot(i))),
                         at: Point(x, centres[k]), .left, .middle, role: .seriesLabel)
                    if abs(centres[k] - ends[i]!.y) > 2 || ends[i]!.x < c.plot.maxX - 2 {
                        add(.polyline([Point(ends[i]!.x + r + 2, ends[i]!.y), Point(x - 3, centres[k])],
                                      Stroke(theme.seriesColor(slot(i)).opacity(0.6), width: type.scale)))
                    }
                }
            }
        }

        notes(c) { note in
            let s = note.series.flatMap { l in series.first { $0.label == l } } ?? series.first
            return s?.value(in: note.year).map { pt(note.year, $0) }
        }

        // Value labels, the last point of each series first so it wins any contest for space.
        let total = series.reduce(0) { $0 + $1.presentValues.count }
        for s in series {
            let idx = labelledIndices(s, seriesCount: series.count, totalPoints: total)
            for j in idx.reversed() {
                let p = s.points[j]
                let q = pt(p.year, p.value!)
                let d = r + 3 * type.scale
                let vs = TextStyle(size: type.label, bold: j == idx.last, color: theme.text, halo: theme.background)
                optionalText(c.unit.valueLabel(p.value!), vs, candidates: [
                    (Point(q.x, q.y - d), .center, .bottom), (Point(q.x, q.y + d), .center, .top),
                    (Point(q.x - d, q.y - d * 0.6), .right, .bottom), (Point(q.x + d, q.y - d * 0.6), .left, .bottom),
                    (Point(q.x + d, q.y), .left, .middle), (Point(q.x - d, q.y), .right, .middle),
                ], role: .valueLabel, within: labelBounds(c))
            }
        }
    }

    /// Every year from the first to the last (so a missing year shows on the axis as a gap).
    func continuousYears(_ years: [Int]) -> [Int] {
        guard let f = years.min(), let l = years.max() else { return [] }
        return l - f <= 200 ? Array(f...l) : years
    }

    /// Runs of consecutive years with values: a missing year or a nil value ends a run.
    func segments(_ s: ChartSeries) -> [[(year: Int, value: Double)]] {
        var out: [[(year: Int, value: Double)]] = []
        var cur: [(year: Int, value: Double)] = []
        for p in s.points {
            if let v = p.value, cur.isEmpty || cur.last!.year == p.year - 1 {
                cur.append((p.year, v))
            } else {
                if !cur.isEmpty { out.append(cur) }
                cur = p.value.map { [(p.year, $0)] } ?? []
            }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// The part of the segment `a`–`b` between the plot's top and bottom, or nil when none is.
    func clipVertically(_ a: Point, _ b: Point, to plot: Rect) -> (Point, Point)? {
        var t0 = 0.0, t1 = 1.0
        let dy = b.y - a.y
        for (p, q) in [(-dy, a.y - plot.minY), (dy, plot.maxY - a.y)] {
            if p == 0 { if q < 0 { return nil }; continue }
            let r = q / p
            if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
        }
        guard t0 < t1 else { return nil }
        func at(_ t: Double) -> Point { Point(a.x + (b.x - a.x) * t, a.y + dy * t) }
        return (at(t0), at(t1))
    }

    /// The least-squares line through the series' values (SeriesModel's ``TrendFit``).
    func trend(_ s: ChartSeries) -> TrendFit? {
        let points = s.points.compactMap { p in p.value.map { (year: p.year, value: $0) } }
        return TrendFit(years: points.map(\.year), values: points.map(\.value))
    }
}
