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
        var body = frame()
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
        // Which rows are coloured and labelled: all of them when few; else the top and bottom few by the focus
        // year's value (as many as the palette has colours), the rest grey and unlabelled (A4).
        let k = max(1, theme.palette.count / 2)
        var labelled: Set<Int>
        if rows.count > min(10, theme.palette.count) {
            let byFocus = rows.indices.sorted { (rows[$0].3, rows[$1].0) > (rows[$1].3, rows[$0].0) }
            labelled = Set(byFocus.prefix(k) + byFocus.suffix(k))
        } else {
            labelled = Set(rows.indices)
        }
        let restNote = zh ? "灰线为其余单位" : "Grey lines: the others"
        var nameStyle = style(type.seriesLabel, bold: false)
        let yearStyle = style(type.axisTitle * 1.1, bold: true)
        let titleStyle = style(type.axisTitle, color: theme.mutedText)
        let yearH = measure("2020", yearStyle).height
        let unitTitle = spec.yTitle ?? unit.axisTitle(spec.language)
        let unitH = unitTitle == nil ? 0 : measure(unitTitle!, titleStyle).height + type.gap * 0.5
        body = periodBreakNote(in: body, years: [base, focus])
        let top = body.minY + unitH + yearH + type.gap * 1.5
        let bottom = body.maxY - type.gap
        let available = bottom - top
        // Shrink labels until one per row fits the height.
        let rowH = available / Double(max(1, labelled.count))
        nameStyle.size = min(nameStyle.size, max(7, rowH / 1.5))
        let leftTexts = rows.map { "\($0.1)  \(unit.valueLabel($0.2))" }
        let rightTexts = rows.map { "\(unit.valueLabel($0.3))  \($0.1)" }
        let maxSide = body.width * 0.34
        let leftW = min(maxSide, labelled.map { measure(leftTexts[$0], nameStyle).width }.max() ?? 0)
        let rightW = min(maxSide, labelled.map { measure(rightTexts[$0], nameStyle).width }.max() ?? 0)
        let x0 = body.minX + leftW + type.gap * 1.5
        let x1 = body.maxX - rightW - type.gap * 1.5
        let y = LinearScale(domain: (lo == hi ? lo - 1 : lo)...(lo == hi ? hi + 1 : hi), from: bottom, to: top)
        if let unitTitle { text(unitTitle, titleStyle, at: Point(body.minX, body.minY), role: .axisTitle) }
        for (x, yr) in [(x0, base), (x1, focus)] {
            text(String(yr), yearStyle, at: Point(x, body.minY + unitH), .center, .top, role: .axisTitle)
            add(.polyline([Point(x, top), Point(x, bottom)], Stroke(theme.grid, width: 1.5 * type.scale)))
        }
        let h = measure("国", nameStyle).height
        // Colours for the labelled rows: their own slots when they all have one, else slots among themselves.
        var colours: [Int: Color] = [:]
        func assignColours() {
            colours = [:]
            let ids = rows.indices.filter { labelled.contains($0) }
            let own = ids.map { chart.seriesSlots[rows[$0].0] }
            let slots = own.allSatisfy({ $0 != nil }) && Set(own.compactMap { $0 }).count == ids.count
                ? own : SeriesSlots.assign(ids.map { spec.series[rows[$0].0] }, paletteSize: theme.palette.count)
            for (n, r) in ids.enumerated() { if let s = slots[n] { colours[r] = theme.seriesColor(s) } else { labelled.remove(r) } }
        }
        assignColours()
        // Label positions on both sides; a label that would stand nearer another row's point than its own is
        // left out on that side (the other side still names the row); a row named on neither side is greyed.
        var placed: [[Double]?] = [nil, nil]
        var sideIds: [[Int]] = [[], []]
        var omitted: [Set<Int>] = [[], []]
        for _ in 0..<6 {
            var changed = false
            for side in 0...1 {
                let ids = rows.indices.filter { labelled.contains($0) && !omitted[side].contains($0) }
                let wishes = ids.map { y(side == 0 ? rows[$0].2 : rows[$0].3) }
                let centres = LabelSpreader.spread(wishes, heights: ids.map { _ in h }, min: top - h / 2, max: bottom + h / 2, gap: 1)
                placed[side] = centres
                sideIds[side] = ids
                guard let centres else {
                    omitted[side].formUnion(ids.suffix(max(1, ids.count / 4))); changed = true; continue
                }
                // Every row's point on this side, labelled or not.
                let points = rows.indices.map { y(side == 0 ? rows[$0].2 : rows[$0].3) }
                for (n, r) in ids.enumerated() {
                    let c0 = centres[n] - h / 2, c1 = centres[n] + h / 2
                    func gap(_ py: Double) -> Double { py < c0 ? c0 - py : (py > c1 ? py - c1 : 0) }
                    let own = gap(points[r])
                    if rows.indices.contains(where: { $0 != r && gap(points[$0]) + 0.5 < own }) {
                        omitted[side].insert(r); changed = true
                    }
                }
            }
            let unnamed = labelled.filter { omitted[0].contains($0) && omitted[1].contains($0) }
            if !unnamed.isEmpty {
                labelled.subtract(unnamed)
                assignColours()
                changed = true
            }
            if !changed { break }
        }
        let ids = rows.indices.filter { labelled.contains($0) }
        // Grey rows first, under the coloured ones.
        for k in rows.indices.filter({ !labelled.contains($0) }) + ids {
            let p0 = Point(x0, y(rows[k].2)), p1 = Point(x1, y(rows[k].3))
            let isLabelled = labelled.contains(k)
            let color = colours[k] ?? theme.rest
            if isLabelled { noteColor(rows[k].0, color) }
            let width = isLabelled ? type.lineWidth : type.lineWidth * 0.5
            add(.polyline([p0, p1], Stroke(color, width: width)))
            markLine([p0, p1], width: width, series: rows[k].0)
            for p in [p0, p1] {
                let radius = type.markerRadius * (isLabelled ? 1 : 0.6)
                add(.marker(p, shape: .circle, radius: radius, fill: color, stroke: nil))
                mark(.point(p, radius: radius), series: rows[k].0)
            }
        }
        for side in 0...1 {
            guard let centres = placed[side], centres.count == sideIds[side].count else { continue }
            for (n, r) in sideIds[side].enumerated() where labelled.contains(r) {
                var st = nameStyle
                st.color = theme.readable(colours[r] ?? theme.text)
                let x = side == 0 ? x0 - type.gap * 1.2 : x1 + type.gap * 1.2
                let texts = side == 0 ? leftTexts : rightTexts
                let wish = y(side == 0 ? rows[r].2 : rows[r].3)
                text(texts[r], st, at: Point(x, centres[n]), side == 0 ? .right : .left, .middle, role: .seriesLabel,
                     series: rows[r].0)
                if abs(centres[n] - wish) > h * 0.3 {
                    let dot = side == 0 ? x0 : x1
                    let end = side == 0 ? x - 2 : x + 2
                    add(.polyline([Point(end, centres[n]), Point(dot + (side == 0 ? -4 : 4), wish)],
                                  Stroke((colours[r] ?? theme.axis).opacity(0.7), width: 0.9 * type.scale)))
                }
            }
        }
        if ids.count < rows.count {
            let s = TextStyle(size: type.label * 0.85, color: theme.mutedText)
            optionalText(restNote, s, candidates: [(Point(body.maxX, body.minY), .right, .top),
                                                   (Point((x0 + x1) / 2, bottom), .center, .bottom)], role: .note)
        }
    }
}
