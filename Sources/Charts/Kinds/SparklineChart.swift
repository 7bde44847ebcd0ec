import SeriesModel

/// `sparkline`: a tiny line without axes — the label on top, the last value at the right end, the highest and
/// lowest points marked.
enum SparklineKind: KindLayout {
    static let labelZh = "迷你图"
    static let defaultSize = ChartSize.sparkline
    static func comparedYears(_ spec: ChartSpec) -> ComparedYears? { nil }
    static func hasDrawableData(_ spec: ChartSpec, comparing years: ComparedYears?) -> Bool {
        !spec.yearsWithValues.isEmpty
    }
    static func noDataReason(_ spec: ChartSpec, language: Language) -> String { NoDataReason.noValues(language) }
    static func altTextSummary(_ spec: ChartSpec, comparing years: ComparedYears?, num: (Double) -> String) -> [String] {
        AltTextWriter.seriesSentences(spec, num: num) + AltTextWriter.moreSeries(spec)
    }
    static func layout(_ builder: inout SceneBuilder) { builder.layoutSparkline() }
}

extension SceneBuilder {
    mutating func layoutSparkline() {
        guard let s = spec.series.first else { return }
        let pad = max(3, 6 * type.scale)
        let labelStyle = style(type.label * 0.9, color: theme.mutedText)
        var top = pad
        let label = spec.title.isEmpty ? s.label : spec.title
        let lh = measure(label, labelStyle).height
        if canvas.height > lh * 2.4 {
            // One line only: a long label is cut at a line break and ends with …
            let lines = ChineseLineBreak.lines(label, maxWidth: canvas.width - 2 * pad, balanced: false) { measure($0, labelStyle).width }
            var line = lines.first ?? label
            if lines.count > 1 {
                while !line.isEmpty && measure(line + "…", labelStyle).width > canvas.width - 2 * pad { line.removeLast() }
                line += "…"
            }
            text(line, labelStyle, at: Point(pad, pad), role: .title)
            top += lh + pad * 0.5
        }
        let values = s.presentValues
        guard let lo = values.min(), let hi = values.max(), let last = s.last else { return }
        let unit = ValueUnit.choose(maxAbs: max(abs(lo), abs(hi)), baseUnit: spec.unit, step: 1, format: spec.valueFormat, language: spec.language)
        let valueStyle = style(type.label, bold: true, color: theme.text)
        let lastText = unit.valueLabel(last.value) + (unit.unit.isEmpty || unit.percent ? "" : unit.unit)
        let vw = measure(lastText, valueStyle).width
        let r = max(2, type.markerRadius * 0.7)
        let plot = Rect(x: pad + r, y: top + r, width: canvas.width - 2 * pad - vw - pad - 2 * r,
                        height: max(4, canvas.height - top - pad - 2 * r))
        let years = continuousYears(s.years)
        let x = LinearScale(domain: Double(years.first ?? 0)...Double(max(years.last ?? 1, (years.first ?? 0) + 1)),
                            from: plot.minX, to: plot.maxX)
        let y = LinearScale(domain: (lo == hi ? lo - 1 : lo)...(lo == hi ? hi + 1 : hi), from: plot.maxY, to: plot.minY)
        let color = seriesColor(0)
        noteColor(0, color)
        for seg in segments(s) {
            let pts = seg.map { Point(x(Double($0.year)), y($0.value)) }
            if pts.count > 1 { add(.polyline(pts, Stroke(color, width: max(1.2, 2 * type.scale)))) }
            else if let p = pts.first { add(.marker(p, shape: .circle, radius: r * 1.2, fill: color, stroke: nil)) }   // C6
        }
        if values.count > 2 {
            let connected = Set(segments(s).filter { $0.count > 1 }.flatMap { $0.map(\.year) })
            for p in s.points where (p.value == hi || p.value == lo) && connected.contains(p.year) {
                if p.year == last.year { continue }
                add(.marker(Point(x(Double(p.year)), y(p.value!)), shape: .circle, radius: r * 0.8,
                            fill: theme.background, stroke: Stroke(color, width: 1.2 * type.scale)))
            }
        }
        let end = Point(x(Double(last.year)), y(last.value))
        add(.marker(end, shape: .circle, radius: r, fill: color, stroke: nil))
        let ty = min(max(end.y, plot.minY + measure(lastText, valueStyle).height / 2), canvas.maxY - pad - measure(lastText, valueStyle).height / 2)
        text(lastText, valueStyle, at: Point(canvas.maxX - pad, ty), .right, .middle, role: .valueLabel)
    }
}
