/// The result of laying out horizontal bars: categories down the left, values along the bottom.
struct HorizontalPlot {
    /// The area the value scale spans.
    let plot: Rect
    let x: LinearScale
    let ticks: NiceTicks
    let unit: ValueUnit
    /// One band per category, top to bottom.
    let bands: BandScale
    /// The category label style (shrunk for many categories).
    let labelStyle: TextStyle
}

extension SceneBuilder {
    /// Lays out category labels on the left, a value axis at the bottom and room for value labels at bar ends.
    /// - Parameters:
    ///   - valueLabelWidth: the widest value label, kept free beyond the ends of the bars.
    mutating func horizontal(in body: Rect, categories: [String], values: [Double], valueLabelWidth: Double,
                             format: ChartSpec.ValueFormat? = nil, caption: String = "", baseUnit: String? = nil) -> HorizontalPlot {
        let tickStyle = style(type.tick, color: theme.mutedText)
        let titleStyle = style(type.axisTitle, color: theme.mutedText)
        let tickH = measure("0123456789", tickStyle).height
        let titleH = measure("单位", titleStyle).height
        let top = body.minY + titleH + type.gap
        let bottom = body.maxY - tickH - type.gap
        let n = max(1, categories.count)
        let step = (bottom - top) / Double(n)
        var labelStyle = style(type.tick, color: theme.text)
        labelStyle.size = min(type.tick, max(7, step * 0.62))
        let maxLabelW = body.width * 0.3
        let labelW = min(maxLabelW, categories.map { measure($0, labelStyle).width }.max() ?? 0)
        let wrap = labelW + 0.5

        let lo = min(0, values.min() ?? 0), hi = max(0, values.max() ?? 0)
        let left = body.minX + labelW + type.gap + (lo < 0 ? valueLabelWidth + type.gap : 0)
        let right = body.maxX - (hi > 0 || lo == hi ? valueLabelWidth + type.gap : type.gap)
        let plot = Rect(x: left, y: top, width: max(20, right - left), height: max(10, bottom - top))
        let counts = (format ?? spec.valueFormat) == .number && values.allSatisfy { $0 == $0.rounded() }
        let ticks = NiceTicks(min: lo, max: hi, count: max(2, min(6, Int(plot.width / (type.tick * 6)))), minStep: counts ? 1 : 0)
        let unit = ValueUnit.choose(maxAbs: max(abs(ticks.lower), abs(ticks.upper)), baseUnit: baseUnit ?? spec.unit,
                                    step: ticks.step, format: format ?? spec.valueFormat, language: spec.language)
        // A tick interval mostly empty beyond the data is trimmed off (the axis ends a little past the data).
        let dLo = lo < 0 && lo - ticks.lower > 0.3 * ticks.step ? lo - 0.12 * ticks.step : ticks.lower
        let dHi = hi > 0 && ticks.upper - hi > 0.3 * ticks.step ? hi + 0.12 * ticks.step : ticks.upper
        let x = LinearScale(domain: dLo...dHi, from: plot.minX, to: plot.maxX)
        for v in ticks.values where v >= dLo - 1e-9 && v <= dHi + 1e-9 {
            let px = x(v)
            add(.polyline([Point(px, plot.minY), Point(px, plot.maxY)],
                          Stroke(v == 0 ? theme.axis : theme.grid, width: (v == 0 ? 1.3 : 1) * type.scale)))
            let f = frame(unit.label(v), tickStyle, at: Point(px, plot.maxY + type.gap * 0.6), .center, .top)
            if isFree(f, within: canvas) {
                text(unit.label(v), tickStyle, at: Point(f.minX, f.minY), role: .tickLabel)
            }
        }
        if let t = spec.yTitle ?? unit.axisTitle(spec.language).map({ $0 + caption }) {
            text(t, titleStyle, at: Point(body.minX, body.minY), role: .axisTitle)
        }
        let bands = BandScale(count: n, from: plot.minY, to: plot.maxY, padding: n > 12 ? 0.2 : 0.32)
        for (i, c) in categories.enumerated() {
            let f = frame(c, labelStyle, at: Point(body.minX + labelW, bands.center(i)), .right, .middle, wrap: wrap)
            // Too tall after wrapping (many categories): keep one line, shrunk to fit.
            if f.height > step * 1.05 {
                var small = labelStyle
                let w = measure(c, labelStyle).width
                small.size = max(6, labelStyle.size * min(1, labelW / max(1, w)))
                text(c, small, at: Point(body.minX + labelW, bands.center(i)), .right, .middle, role: .tickLabel)
            } else {
                text(c, labelStyle, at: Point(f.minX, f.minY), role: .tickLabel, wrap: wrap)
            }
        }
        return HorizontalPlot(plot: plot, x: x, ticks: ticks, unit: unit, bands: bands, labelStyle: labelStyle)
    }
}
