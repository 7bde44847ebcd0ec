import SeriesModel

/// `rank`: one year, one horizontal bar per series, longest first, the value at each bar's end.
enum RankKind: KindLayout {
    static let labelZh = "排名图"
    static let defaultSize = ChartSize.standard
    static func comparedYears(_ spec: ChartSpec) -> ComparedYears? {
        spec.yearsWithValues.last.map { ComparedYears(base: nil, focus: spec.focusYear ?? $0) }
    }
    static func hasDrawableData(_ spec: ChartSpec, comparing years: ComparedYears?) -> Bool {
        guard let focus = years?.focus else { return false }
        return spec.series.contains { $0.value(in: focus) != nil }
    }
    static func noDataReason(_ spec: ChartSpec, language: Language) -> String {
        language == .zh ? "所选年份没有数值" : "No values in the selected year"
    }
    static func altTextSummary(_ spec: ChartSpec, comparing years: ComparedYears?, num: (Double) -> String) -> [String] {
        // Every series is named in the ranking (up to ten), so no "more series" sentence.
        let zh = spec.language == .zh
        guard let focus = years?.focus else { return AltTextWriter.seriesSentences(spec, num: num) }
        let rows = spec.series.compactMap { s in s.value(in: focus).map { (s.label, $0) } }.sorted { $0.1 > $1.1 }
        let list = rows.prefix(10).map { zh ? "\($0.0)\(num($0.1))" : "\($0.0) \(num($0.1))" }
        return [zh ? "按\(focus)年数值由高到低：" + list.joined(separator: "，") + (rows.count > 10 ? "等" : "") + "。"
                   : "Ranked for \(focus): " + list.joined(separator: ", ") + (rows.count > 10 ? ", …" : "") + "."]
    }
    static func layout(_ builder: inout SceneBuilder) { builder.layoutRank() }
}

extension SceneBuilder {
    mutating func layoutRank() {
        let body = frame()
        guard let year = chart.comparedYears?.focus else { return }
        let rows = spec.series.enumerated().compactMap { i, s in s.value(in: year).map { (i, s.label, $0) } }
            .sorted { ($0.2, $1.0) > ($1.2, $0.0) }
        let probeUnit = ValueUnit.choose(maxAbs: rows.map { abs($0.2) }.max() ?? 0, baseUnit: spec.unit, step: 1,
                                         format: spec.valueFormat, language: spec.language)
        let valueStyle = TextStyle(size: type.label, color: theme.text)
        let labelW = rows.map { measure(probeUnit.valueLabel($0.2), valueStyle).width }.max() ?? 0
        let h = horizontal(in: body, categories: rows.map(\.1), values: rows.map(\.2), valueLabelWidth: labelW,
                           caption: zh ? "（\(year)年）" : " (\(year))")
        var vs = valueStyle
        vs.size = min(valueStyle.size, h.labelStyle.size)
        // One neutral colour for every bar: a rank compares bodies, and no bar borrows a category's colour (B6, C11).
        let thick = min(h.bands.bandwidth, 44 * type.scale)
        for (k, row) in rows.enumerated() {
            let x0 = h.x(0), x1 = h.x(row.2)
            let r = Rect(x: min(x0, x1), y: h.bands.center(k) - thick / 2, width: abs(x1 - x0), height: thick)
            add(.rect(r, fill: theme.neutral, stroke: nil))
            mark(.rect(r), series: nil)
            if spec.annotations.valueLabels != .none {
                let label = h.unit.valueLabel(row.2)
                let p = row.2 < 0 ? Point(r.minX - 4 * type.scale, r.midY) : Point(r.maxX + 4 * type.scale, r.midY)
                optionalText(label, vs, candidates: [(p, row.2 < 0 ? .right : .left, .middle)], role: .valueLabel)
            }
        }
        if let (v, name) = referenceValue(rows.map(\.2)) {
            let px = h.x(v)
            add(.polyline([Point(px, h.plot.minY), Point(px, h.plot.maxY)],
                          Stroke(theme.reference, width: 1.5 * type.scale, dash: [6 * type.scale, 4 * type.scale])))
            let s = TextStyle(size: type.label * 0.9, color: theme.reference, halo: theme.background)
            optionalText(name + " " + h.unit.valueLabel(v), s, candidates: [
                (Point(px + 4, h.plot.minY - 2), .left, .bottom), (Point(px - 4, h.plot.minY - 2), .right, .bottom),
            ], role: .note)
        }
    }
}
