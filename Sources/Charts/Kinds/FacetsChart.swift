import SeriesModel

import Foundation

/// `facets`: small multiples — one panel per series, each a small line chart, on one shared y scale
/// (comparable heights) or free scales (each panel's own shape).
enum FacetsKind: KindLayout {
    static let labelZh = "分面小图"
    static let defaultSize = ChartSize.standard
    static func comparedYears(_ spec: ChartSpec) -> ComparedYears? { nil }
    static func hasDrawableData(_ spec: ChartSpec, comparing years: ComparedYears?) -> Bool {
        !spec.yearsWithValues.isEmpty
    }
    static func noDataReason(_ spec: ChartSpec, language: Language) -> String { NoDataReason.noValues(language) }
    static func altTextSummary(_ spec: ChartSpec, comparing years: ComparedYears?, num: (Double) -> String) -> [String] {
        AltTextWriter.seriesSentences(spec, num: num) + AltTextWriter.moreSeries(spec)
    }
    static func layout(_ builder: inout SceneBuilder) { builder.layoutFacets() }
}

extension SceneBuilder {
    mutating func layoutFacets() {
        var body = frame()
        let series = spec.series
        let n = max(1, series.count)
        // Columns giving cells nearest a 1.6 aspect ratio.
        var cols = 1
        var best = Double.infinity
        for c in 1...n {
            let rows = (n + c - 1) / c
            let aspect = (body.width / Double(c)) / (body.height / Double(rows))
            let score = abs(log(aspect / 1.6))
            if score < best { best = score; cols = c }
        }
        let rows = (n + cols - 1) / cols
        let saved = type
        type = Typography(scale: type.scale * (n > 6 ? 0.72 : (n > 2 ? 0.82 : 0.9)))
        defer { type = saved }
        let gutter = 18 * type.scale
        let cellW = (body.width - gutter * Double(cols - 1)) / Double(cols)
        var cellH = (body.height - gutter * Double(rows - 1)) / Double(rows)
        let years = continuousYears(spec.yearsWithValues)
        let all = series.flatMap(\.presentValues)
        let shared = spec.facetScale == .shared
        // Panels line up: every plot starts as far right as the widest tick labels of any panel need.
        func panelValues(_ s: ChartSeries) -> (values: [Double], zero: Bool) {
            let values = shared ? all : s.presentValues
            let lo = values.min() ?? 0, hi = values.max() ?? 0
            return (values, shared || (lo >= 0 && !(values.count >= 4 && lo > hi * 0.8)))
        }
        var minLeft = 0.0
        var units = Set<String>()
        for s in series {
            var scratch = self
            let probe = Rect(x: 0, y: 0, width: cellW, height: cellH)
            let (values, zero) = panelValues(s)
            let c = scratch.cartesian(in: probe, values: values, zero: zero, x: .years(years), showXTitle: false)
            minLeft = max(minLeft, c.plot.minX)
            units.insert(spec.yTitle ?? c.unit.axisTitle(spec.language) ?? "")
        }
        // One unit for every panel is stated once, above them; free scales are said to differ (C8).
        let oneUnit = units.count == 1
        var head: [String] = []
        if oneUnit, let u = units.first, !u.isEmpty { head.append(u) }
        if !shared && series.count > 1 { head.append(zh ? "各分图纵轴刻度不同" : "Each panel has its own scale") }
        if !head.isEmpty {
            let hs = style(type.axisTitle, color: theme.mutedText)
            let box = text(head.joined(separator: zh ? "　" : "  "), hs, at: Point(body.minX, body.minY), role: .axisTitle)
            let used = box.frame.height + type.gap
            body = Rect(x: body.minX, y: body.minY + used, width: body.width, height: max(10, body.height - used))
            cellH = (body.height - gutter * Double(rows - 1)) / Double(rows)
        }
        for (i, s) in series.enumerated() {
            let cell = Rect(x: body.minX + Double(i % cols) * (cellW + gutter), y: body.minY + Double(i / cols) * (cellH + gutter),
                            width: cellW, height: cellH)
            let ps = style(type.seriesLabel, bold: true, color: theme.text)
            let titleBox = text(broken(s.label, ps, width: cell.width), ps, at: Point(cell.minX, cell.minY),
                                role: .panelTitle, wrap: cell.width)
            let panel = Rect(x: cell.minX, y: titleBox.frame.maxY + type.gap * 0.5, width: cell.width,
                             height: max(20, cell.maxY - titleBox.frame.maxY - type.gap * 0.5))
            let (values, zero) = panelValues(s)
            let c = cartesian(in: panel, values: values, zero: zero, x: .years(years), showXTitle: false, minLeft: minLeft,
                              showUnit: !oneUnit)
            guard case .points(let ys) = c.placement else { continue }
            let underlay = items.count
            // Each panel in its series' colour; panels beyond the palette in one neutral, never a repeated colour.
            // More panels than colours: one neutral for all (a few coloured panels would read as a highlight).
            let allColoured = !series.indices.contains { isRest($0) }
            let color = allColoured ? seriesColor(i) : theme.readable(theme.neutral)
            if allColoured { noteColor(i, color) }
            for seg in segments(s) where seg.count > 1 {
                let pts = seg.map { Point(ys(Double($0.year)), c.y($0.value)) }
                add(.polyline(pts, Stroke(color, width: type.lineWidth)))
                markLine(pts, width: type.lineWidth, series: i)
            }
            let segs = segments(s)
            for p in s.points { if let v = p.value {
                let q = Point(ys(Double(p.year)), c.y(v))
                let alone = segs.contains { $0.count == 1 && $0[0].year == p.year }
                let radius = type.markerRadius * (alone ? 1.5 : 1)
                add(.marker(q, shape: .circle, radius: radius, fill: color, stroke: nil))
                mark(.point(q, radius: radius), series: i)
            } }
            if let last = s.last, spec.annotations.valueLabels != .none {
                let q = Point(ys(Double(last.year)), c.y(last.value))
                let d = type.markerRadius + 3 * type.scale
                optionalText(c.unit.valueLabel(last.value), TextStyle(size: type.label, bold: true, color: theme.text, halo: theme.background),
                             candidates: [(Point(q.x, q.y - d), .center, .bottom), (Point(q.x, q.y + d), .center, .top),
                                          (Point(q.x - d, q.y - d), .right, .bottom)],
                             role: .valueLabel, within: labelBounds(c), series: i)
            }
            periodBreaks(c, under: underlay)
        }
    }
}

