import Foundation

/// The x axis of a cartesian chart.
enum XAxis {
    /// Years as points on a linear scale (line charts).
    case years([Int])
    /// Years as bands (bar charts).
    case yearBands([Int])
    /// Named bands; labels wrap inside their band.
    case bands([String])
}

/// Where the x axis puts the data: points on a linear year scale, or bands.
enum XPlacement {
    /// Point positions (``XAxis/years``).
    case points(LinearScale)
    /// Bands (``XAxis/yearBands`` and ``XAxis/bands``).
    case bands(BandScale)
}

/// The result of laying out the axes: where the data goes and how values map there.
struct Cartesian {
    let plot: Rect
    let y: LinearScale
    let ticks: NiceTicks
    let unit: ValueUnit
    /// The x positions: points for `.years`, bands otherwise.
    let placement: XPlacement
    let years: [Int]

    /// The x centre of a year (point or band).
    func x(year: Int) -> Double? {
        switch placement {
        case .points(let s): s(Double(year))
        case .bands(let b): years.firstIndex(of: year).map(b.center)
        }
    }
}

extension SceneBuilder {
    /// Where labels beside the data may go: the plot plus a margin above and below, inside the canvas.
    func labelBounds(_ c: Cartesian) -> Rect {
        let m = type.tick * 2.2
        let top = max(0, c.plot.minY - m), bottom = min(canvas.maxY, c.plot.maxY + m)
        return Rect(x: max(0, c.plot.minX - type.tick), y: top, width: min(canvas.maxX, c.plot.maxX + type.tick) - max(0, c.plot.minX - type.tick),
                    height: bottom - top)
    }

    /// A tick count that suits `length` pixels.
    func tickCount(for length: Double) -> Int {
        max(2, min(8, Int(length / (type.tick * 4.2))))
    }

    /// Lays out a value axis on the left and an x axis at the bottom of `body`.
    /// - Parameters:
    ///   - values: the values that must fit (data, stacked totals, reference lines).
    ///   - zero: include zero in the range (bars always do).
    ///   - rightReserve: width kept free right of the plot (direct labels).
    mutating func cartesian(in body: Rect, values: [Double], zero: Bool, x: XAxis, rightReserve: Double = 0,
                            fixedDomain: ClosedRange<Double>? = nil, format: ChartSpec.ValueFormat? = nil,
                            showXTitle: Bool = true, headroom: Double = 0, minLeft: Double = 0,
                            baseUnit: String? = nil, showUnit: Bool = true) -> Cartesian {
        let tickStyle = style(type.tick, color: theme.mutedText)
        let titleStyle = style(type.axisTitle, color: theme.mutedText)
        var lo = values.min() ?? 0, hi = values.max() ?? 0
        if zero { lo = min(lo, 0); hi = max(hi, 0) }
        if let d = fixedDomain { lo = d.lowerBound; hi = d.upperBound }
        // Bars carry labels beyond their ends: keep room for one line of text past the extremes.
        if headroom > 0 {
            let span = hi - lo
            if lo < 0 { lo -= span * headroom }
            if hi > 0 { hi += span * headroom }
        }

        // Vertical space first: axis title row above, x labels and title below.
        let yTitleText: String? = spec.yTitle
        // Year ticks need no 年份 title (C4); a spec may still ask for one.
        var xTitleText = showXTitle ? (spec.xTitle ?? "") : ""
        if case .bands = x { xTitleText = showXTitle ? (spec.xTitle ?? "") : "" }
        let tickH = measure("0123456789", tickStyle).height
        let yTitleH = measure("单位", titleStyle).height
        let top = body.minY + yTitleH + type.gap + tickH / 2

        var xLabelH = tickH
        let xTitleH = xTitleText.isEmpty ? 0 : measure(xTitleText, titleStyle).height
        // Band labels may wrap: estimate with the widest possible plot first.
        let provisionalLeft = body.minX + measure("8,888,888", tickStyle).width + type.gap
        let provisionalWidth = body.maxX - rightReserve - provisionalLeft
        // Band labels wrap inside their band; when that would take more than three lines they turn vertical.
        var bandStyle = tickStyle
        var verticalBands = false
        if case .bands(let names) = x {
            let bandW = provisionalWidth / Double(max(1, names.count)) * 0.96
            verticalBands = names.contains { measure($0, tickStyle).width > bandW * 3 }
            if verticalBands {
                // Upright 竖排 (one character under another), never rotated text (A10).
                let longest = names.map { measure(upright($0), tickStyle).height }.max() ?? 0
                let cap = body.height * 0.3
                if longest > cap { bandStyle.size = max(tickStyle.size * 0.6, tickStyle.size * cap / longest) }
                xLabelH = names.map { measure(upright($0), bandStyle).height }.max() ?? tickH
            } else {
                xLabelH = names.map { measure($0, tickStyle, wrap: balancedWrap($0, tickStyle, bandW)).height }.max() ?? tickH
            }
        }
        let bottom = body.maxY - xLabelH - type.gap * 0.8 - (xTitleH > 0 ? xTitleH + type.gap * 0.3 : 0)
        let plotHeight = max(20, bottom - top)

        let counts = (format ?? spec.valueFormat) == .number && values.allSatisfy { $0 == $0.rounded() }
        let ticks = NiceTicks(min: lo, max: hi, count: tickCount(for: plotHeight), minStep: counts ? 1 : 0)
        let unit = ValueUnit.choose(maxAbs: max(abs(ticks.lower), abs(ticks.upper)), baseUnit: baseUnit ?? spec.unit,
                                    step: ticks.step, format: format ?? spec.valueFormat, language: spec.language)
        let labels = ticks.values.map(unit.label)
        let labelW = labels.map { measure($0, tickStyle).width }.max() ?? 0
        let left = max(body.minX + labelW + type.gap, body.minX + minLeft)
        let plot = Rect(x: left, y: top, width: max(20, body.maxX - rightReserve - left), height: plotHeight)
        let y = LinearScale(domain: ticks.lower...ticks.upper, from: plot.maxY, to: plot.minY)

        // Grid and y labels.
        for (v, label) in zip(ticks.values, labels) {
            let py = y(v)
            let isZero = v == 0 && ticks.lower < 0
            add(.polyline([Point(plot.minX, py), Point(plot.maxX, py)],
                          Stroke(isZero ? theme.axis : theme.grid, width: (isZero ? 1.4 : 1) * type.scale)))
            // In a tiny panel a tick label that would touch the one below is left out (its grid line stays).
            let f = frame(label, tickStyle, at: Point(plot.minX - type.gap, py), .right, .middle)
            if textFrames.contains(where: { $0.intersects(f) }) { continue }
            text(label, tickStyle, at: Point(plot.minX - type.gap, py), .right, .middle, role: .tickLabel)
        }
        if showUnit, let t = yTitleText ?? unit.axisTitle(spec.language) {
            text(t, titleStyle, at: Point(body.minX, body.minY), .left, .top, role: .axisTitle)
        }

        // X axis.
        let baseline = y(max(ticks.lower, min(0, ticks.upper)))
        let startsAtZero = ticks.lower <= 0 && ticks.upper >= 0
        add(.polyline([Point(plot.minX, baseline), Point(plot.maxX, baseline)],
                      Stroke(startsAtZero ? theme.axis : theme.grid, width: (startsAtZero ? 1.2 : 1) * type.scale)))
        let placement: XPlacement
        var years: [Int] = []
        let labelTop = plot.maxY + type.gap * 0.8
        switch x {
        case .years(let ys):
            years = ys
            let first = Double(ys.first ?? 0), last = Double(ys.last ?? 0)
            // Room for a centred value label beside the first and last points.
            let pad = min(plot.width * 0.2, max(plot.width * 0.05, measure("88,888", tickStyle).width * 0.75 + type.gap))
            let s = ys.count <= 1
                ? LinearScale(domain: (first - 1)...(first + 1), from: plot.minX, to: plot.maxX)
                : LinearScale(domain: first...last, from: plot.minX + pad, to: plot.maxX - pad)
            placement = .points(s)
            yearLabels(ys, at: { s(Double($0)) }, top: labelTop, style: tickStyle, plot: plot)
        case .yearBands(let ys):
            years = ys
            let b = BandScale(count: ys.count, from: plot.minX, to: plot.maxX, padding: 0.25)
            placement = .bands(b)
            yearLabels(ys, at: { y in ys.firstIndex(of: y).map(b.center) ?? 0 }, top: labelTop, style: tickStyle, plot: plot)
        case .bands(let names):
            let b = BandScale(count: names.count, from: plot.minX, to: plot.maxX, padding: 0.3)
            placement = .bands(b)
            for (i, n) in names.enumerated() {
                if verticalBands {
                    text(upright(n), bandStyle, at: Point(b.center(i), labelTop), .center, .top, role: .tickLabel)
                    continue
                }
                let wrapW = balancedWrap(n, tickStyle, b.step * 0.96)
                let f = frame(n, tickStyle, at: Point(b.center(i), labelTop), .center, .top, wrap: wrapW)
                text(n, tickStyle, at: Point(f.minX, f.minY), .left, .top, role: .tickLabel, wrap: wrapW)
            }
        }
        if !xTitleText.isEmpty {
            text(xTitleText, titleStyle, at: Point(plot.maxX, labelTop + xLabelH + type.gap * 0.3), .right, .top,
                 role: .axisTitle)
        }
        return Cartesian(plot: plot, y: y, ticks: ticks, unit: unit, placement: placement, years: years)
    }

    /// `text` set upright, one character per line (Latin and digit runs kept on one line).
    func upright(_ text: String) -> String {
        var lines: [String] = []
        for c in text {
            if c.isASCII, let last = lines.last, last.last?.isASCII == true { lines[lines.count - 1].append(c) }
            else { lines.append(String(c)) }
        }
        return lines.joined(separator: "\n")
    }

    /// A wrap width no wider than `limit` that splits `text` into lines of similar length.
    func balancedWrap(_ text: String, _ style: TextStyle, _ limit: Double) -> Double {
        let w = measure(text, style).width
        guard w > limit else { return limit }
        let lines = (w / limit).rounded(.up)
        return min(limit, w / lines + style.size * 1.1)
    }

    /// Year labels, thinned to every 2nd, 5th or 10th year when they would touch.
    private mutating func yearLabels(_ ys: [Int], at xOf: (Int) -> Double, top: Double, style: TextStyle, plot: Rect) {
        guard !ys.isEmpty else { return }
        let w = measure("2088", style).width + type.gap * 1.5
        let minSpacing = ys.count > 1 ? zip(ys, ys.dropFirst()).map { xOf($1) - xOf($0) }.min() ?? w : w
        let step = [1, 2, 5, 10, 20, 50].first { Double($0) * minSpacing >= w } ?? 100
        // The first and the last year are always labelled (C4): the last first, so thinning drops a middle one.
        let order = ys.count > 1 ? [ys.count - 1] + Array(0..<(ys.count - 1)) : [0]
        for i in order where i % step == 0 || i == ys.count - 1 {
            let yr = ys[i]
            let cx = xOf(yr)
            let f = frame(String(yr), style, at: Point(cx, top), .center, .top)
            guard isFree(f, within: canvas) else { continue }
            text(String(yr), style, at: Point(cx, top), .center, .top, role: .tickLabel)
            add(.polyline([Point(cx, plot.maxY), Point(cx, plot.maxY + 4 * type.scale)], Stroke(theme.axis, width: type.scale)))
        }
    }
}
