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
        let coloured = series.indices.filter { !isRest($0) }
        let direct = multi && (coloured.map { nameWidths[$0] }.max() ?? 0) <= body.width * 0.26
            && coloured.map({ nameHeights[$0] }).reduce(0, +) <= body.height * 0.75
        var legendEntries = coloured.map {
            LegendEntry(label: series[$0].label, color: seriesColor($0),
                        swatch: .line(dash: theme.seriesDash(slot($0)), marker: theme.seriesMarker(slot($0))))
        }
        let restCount = series.count - coloured.count
        if restCount > 0 { legendEntries.append(LegendEntry(label: restLabel(restCount), color: theme.rest, swatch: .line(dash: [], marker: nil))) }
        if multi && !direct { body = legend(legendEntries, in: body) }
        else if restCount > 0 { body = legend([legendEntries.last!], in: body) }

        var values = series.flatMap(\.presentValues)
        if let r = referenceValue(values) { values.append(r.value) }
        // Trend lines need three points to mean anything; they are clipped to the plot, never widen the axis.
        // Trend lines only on request and only where the fit means something (R² ≥ 0.5, C2); labelled 线性趋势.
        let trends = series.map { s in
            spec.annotations.trendLine && s.presentValues.count >= 3 ? trend(s).flatMap { ($0.r2 ?? 0) >= 0.5 ? $0 : nil } : nil
        }
        let lo = values.min() ?? 0, hi = values.max() ?? 0
        // Counts start at zero so a change is not exaggerated; long series of nearly level values may zoom in.
        let longest = series.map(\.presentValues.count).max() ?? 0
        let zero = lo >= 0 && !(longest >= 4 && lo > hi * 0.8)
        let rightSpace = direct ? (nameWidths.max() ?? 0) + type.gap * 2.2 : 0
        // Below a negative minimum, room for its label (a valley's label goes under it, B4).
        let c = cartesian(in: body, values: values, zero: zero, x: .years(years), rightReserve: rightSpace,
                          headroom: lo < 0 ? 0.08 : 0)

        highlightYear(c)
        let underlay = items.count
        missingYearMarks(c)
        referenceLine(c, values: series.flatMap(\.presentValues))
        guard case .points(let ys) = c.placement else { return }
        func pt(_ year: Int, _ v: Double) -> Point { Point(ys(Double(year)), c.y(v)) }

        var trendEnds: [Point] = []
        var pendingTrendLabel: (String, TextStyle, Point)?
        for (i, t) in trends.enumerated() {
            guard let t, let f = series[i].years.first, let l = series[i].years.last else { continue }
            guard let seg = clipVertically(pt(f, t.value(at: f)), pt(l, t.value(at: l)), to: c.plot) else { continue }
            add(.polyline([seg.0, seg.1],
                          Stroke(seriesColor(i).opacity(0.75), width: 1.6 * type.scale, dash: [3 * type.scale, 4 * type.scale])))
            markLine([seg.0, seg.1], width: 1.6 * type.scale, series: nil)
            trendEnds.append(seg.1)
        }
        if let end = trendEnds.first {
            let ts = TextStyle(size: type.label * 0.8, color: theme.mutedText, halo: theme.background)
            pendingTrendLabel = (zh ? "虚线：线性趋势" : "dashed: linear trend", ts, end)
        }
        let r = type.markerRadius
        // Grey (rest) series first, under the coloured ones.
        let drawOrder = series.indices.filter { isRest($0) } + coloured
        for i in drawOrder {
            let s = series[i]
            noteColor(i, seriesColor(i))
            let width = isRest(i) ? type.lineWidth * 0.55 : type.lineWidth
            for seg in segments(s) where seg.count > 1 {
                let pts = seg.map { pt($0.year, $0.value) }
                add(.polyline(pts, Stroke(seriesColor(i), width: width, dash: theme.seriesDash(slot(i)))))
                markLine(pts, width: width, series: i)
            }
        }
        for i in drawOrder {
            let s = series[i]
            let segs = segments(s)
            for p in s.points { if let v = p.value {
                let q = pt(p.year, v)
                // A point with no neighbour is drawn larger so it is not lost (C6).
                let alone = segs.contains { $0.count == 1 && $0[0].year == p.year }
                let radius = isRest(i) ? (alone ? r * 0.8 : r * 0.45) : (alone ? r * 1.5 : r)
                add(.marker(q, shape: theme.seriesMarker(slot(i)), radius: radius, fill: seriesColor(i), stroke: Stroke(theme.background, width: type.scale)))
                mark(.point(q, radius: radius), series: i)
            } }
        }

        periodBreaks(c, under: underlay)
        if direct {
            let ends = series.map { $0.last.map { pt($0.year, $0.value) } }
            var idx = coloured.filter { ends[$0] != nil }
            // A series that stops before the last year is named beside its last point where there is room, so
            // no leader line runs across the years it does not have.
            let lastYear = years.last ?? 0
            idx.removeAll { i in
                let e = ends[i]!
                guard (series[i].last?.year ?? lastYear) < lastYear else { return false }
                let d = r + 4 * type.scale
                return optionalText(series[i].label, style(type.seriesLabel, bold: true, color: seriesTextColor(i)),
                                    candidates: [(Point(e.x + d, e.y), .left, .middle), (Point(e.x + d, e.y - d), .left, .bottom),
                                                 (Point(e.x + d, e.y + d), .left, .top), (Point(e.x, e.y - d), .center, .bottom),
                                                 (Point(e.x, e.y + d), .center, .top), (Point(e.x - d, e.y), .right, .middle),
                                                 (Point(e.x - d, e.y - d), .right, .bottom), (Point(e.x - d, e.y + d), .right, .top)],
                                    role: .seriesLabel, within: c.plot, series: i) != nil
            }
            if let centres = LabelSpreader.spread(idx.map { ends[$0]!.y }, heights: idx.map { nameHeights[$0] },
                                                  min: c.plot.minY - type.tick / 2, max: c.plot.maxY, gap: 2) {
                for (k, i) in idx.enumerated() {
                    let x = c.plot.maxX + type.gap * 1.2
                    text(series[i].label, style(type.seriesLabel, bold: true, color: seriesTextColor(i)),
                         at: Point(x, centres[k]), .left, .middle, role: .seriesLabel, series: i)
                    if abs(centres[k] - ends[i]!.y) > 2 || ends[i]!.x < c.plot.maxX - 2 {
                        add(.polyline([Point(ends[i]!.x + r + 2, ends[i]!.y), Point(x - 3, centres[k])],
                                      Stroke(seriesColor(i).opacity(0.6), width: type.scale)))
                    }
                }
            }
        }

        if let (t, ts, _) = pendingTrendLabel {
            optionalText(t, ts, candidates: [(Point(c.plot.minX + 4, c.plot.minY + 2), .left, .top),
                                             (Point(c.plot.maxX - 4, c.plot.maxY - 4), .right, .bottom)], role: .note, within: c.plot)
        }
        notes(c) { note in
            let s = note.series.flatMap { l in series.first { $0.label == l } } ?? series.first
            return s?.value(in: note.year).map { pt(note.year, $0) }
        }

        // Value labels, the last point of each series first so it wins any contest for space. The side comes
        // from the neighbouring slopes (above at peaks, below at valleys, off the line elsewhere); every
        // candidate keeps clear of lines, markers, reference lines and other text, and nearest its own series.
        let total = coloured.reduce(0) { $0 + series[$1].presentValues.count }
        for si in coloured {
            let s = series[si]
            let idx = labelledIndices(s, seriesCount: coloured.count, totalPoints: total)
            for j in idx.reversed() {
                let p = s.points[j]
                let q = pt(p.year, p.value!)
                // Neighbours joined by the line: the adjacent years only (a gap leaves the point alone).
                func neighbour(_ k: Int) -> Point? {
                    guard s.points.indices.contains(k), abs(s.points[k].year - p.year) == 1 else { return nil }
                    return s.points[k].value.map { pt(s.points[k].year, $0) }
                }
                let prev = neighbour(j - 1), next = neighbour(j + 1)
                let vs = TextStyle(size: type.label, bold: j == idx.last, color: multi ? seriesTextColor(si) : theme.text,
                                   halo: theme.background)
                let alone = prev == nil && next == nil
                optionalText(c.unit.valueLabel(p.value!), vs,
                             candidates: valueLabelCandidates(q, prev: prev, next: next, radius: r * (alone ? 1.5 : 1)),
                             role: .valueLabel, within: labelBounds(c), series: si)
            }
        }
    }

    /// `其他23项` / `23 others`: the legend entry of the series drawn grey.
    func restLabel(_ n: Int) -> String { zh ? "其他\(n)项（灰色）" : "\(n) others (grey)" }

    /// Places for a value label at `q`, best first, chosen by the line through it: above a peak, below a valley,
    /// on the open side of a rising or falling line, then the rest.
    func valueLabelCandidates(_ q: Point, prev: Point?, next: Point?, radius: Double) -> [(Point, HAlign, VAlign)] {
        let d = radius + 3 * type.scale
        let above = (Point(q.x, q.y - d), HAlign.center, VAlign.bottom)
        let below = (Point(q.x, q.y + d), HAlign.center, VAlign.top)
        let upLeft = (Point(q.x - d * 0.7, q.y - d * 0.7), HAlign.right, VAlign.bottom)
        let upRight = (Point(q.x + d * 0.7, q.y - d * 0.7), HAlign.left, VAlign.bottom)
        let downLeft = (Point(q.x - d * 0.7, q.y + d * 0.7), HAlign.right, VAlign.top)
        let downRight = (Point(q.x + d * 0.7, q.y + d * 0.7), HAlign.left, VAlign.top)
        let left = (Point(q.x - d, q.y), HAlign.right, VAlign.middle)
        let right = (Point(q.x + d, q.y), HAlign.left, VAlign.middle)
        // Screen y grows downwards: a neighbour "higher" has a smaller y.
        let prevHigher = prev.map { $0.y < q.y - 0.5 }, nextHigher = next.map { $0.y < q.y - 0.5 }
        let prevLower = prev.map { $0.y > q.y + 0.5 }, nextLower = next.map { $0.y > q.y + 0.5 }
        var first: [(Point, HAlign, VAlign)]
        switch (prevHigher ?? false, nextHigher ?? false, prevLower ?? false, nextLower ?? false) {
        case (true, true, _, _): first = [below, downLeft, downRight]                     // valley
        case (_, _, true, true): first = [above, upLeft, upRight]                         // peak
        case (false, true, _, _) where prev == nil: first = [below, downRight, left]      // start, rising
        case (_, _, false, true) where prev == nil: first = [above, upRight, left]        // start, falling
        case (true, false, _, _) where next == nil: first = [below, downLeft, right]      // end after a fall
        case (_, _, true, false) where next == nil: first = [above, upLeft, right]        // end after a rise
        case (_, true, true, _): first = [upLeft, downRight, above, below]                // rising through
        case (true, _, _, true): first = [upRight, downLeft, above, below]                // falling through
        default: first = [above, below]                                                   // level or alone
        }
        return first + [above, below, upLeft, upRight, downLeft, downRight, right, left]
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
