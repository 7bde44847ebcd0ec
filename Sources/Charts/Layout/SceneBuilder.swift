/// Horizontal anchoring of a text box at a point.
enum HAlign { case left, center, right }
/// Vertical anchoring of a text box at a point.
enum VAlign { case top, middle, bottom }

/// Collects primitives while a chart is laid out, and keeps text boxes from colliding.
///
/// Mandatory text (titles, axis labels) is always added; optional text (value labels, notes) is added only
/// where it overlaps no other text and stays inside its bounds.
struct SceneBuilder {
    /// The resolved chart being laid out.
    let chart: ResolvedChart
    let measurer: any TextMeasurer
    var type: Typography
    var items: [Primitive] = []
    private(set) var textFrames: [Rect] = []
    /// Where data is drawn: optional text keeps off it.
    var marks: [DataMark] = []
    /// The colour each series was drawn with.
    var drawnColors: [Color?] = []

    init(chart: ResolvedChart, measurer: any TextMeasurer) {
        self.chart = chart
        self.measurer = measurer
        self.type = chart.typography
    }

    var spec: ChartSpec { chart.spec }
    var theme: Theme { chart.theme }

    var canvas: Rect { Rect(x: 0, y: 0, width: spec.size.width, height: spec.size.height) }
    var zh: Bool { spec.language == .zh }

    mutating func add(_ p: Primitive) { items.append(p) }

    /// The palette slot (colour, marker, dash) of series `i` (see ``SeriesSlots``); a series without one gets a
    /// slot past the palette, which draws in the theme's rest grey.
    func slot(_ i: Int) -> Int {
        guard chart.seriesSlots.indices.contains(i), let s = chart.seriesSlots[i] else { return theme.palette.count }
        return s
    }

    /// True when series `i` has no palette colour (drawn grey).
    func isRest(_ i: Int) -> Bool { slot(i) >= theme.palette.count }

    /// The colour of series `i`.
    func seriesColor(_ i: Int) -> Color { theme.seriesColor(slot(i)) }

    /// Text in series `i`'s colour, made readable on the background (WCAG 4.5:1).
    func seriesTextColor(_ i: Int) -> Color { isRest(i) ? theme.mutedText : theme.readable(seriesColor(i)) }

    /// Records that series `i` is drawn in `color`.
    mutating func noteColor(_ i: Int, _ color: Color) {
        while drawnColors.count <= i { drawnColors.append(nil) }
        drawnColors[i] = color
    }

    /// Records where data is drawn.
    mutating func mark(_ shape: DataMark.Shape, series: Int?) { marks.append(DataMark(shape, series: series)) }

    /// Records a polyline of data as segments.
    mutating func markLine(_ points: [Point], width: Double, series: Int?) {
        for (a, b) in zip(points, points.dropFirst()) { mark(.segment(a, b, width: width), series: series) }
    }

    func style(_ size: Double, bold: Bool = false, color: Color? = nil) -> TextStyle {
        TextStyle(size: size, bold: bold, color: color ?? theme.text)
    }

    func measure(_ text: String, _ style: TextStyle, wrap: Double? = nil) -> Size {
        measurer.measure(text, style: style, wrapWidth: wrap)
    }

    /// The frame of `text` anchored at `p`.
    func frame(_ text: String, _ style: TextStyle, at p: Point, _ h: HAlign, _ v: VAlign,
               wrap: Double? = nil, vertical: Bool = false) -> Rect {
        var s = measure(text, style, wrap: wrap)
        if vertical { s = Size(s.height, s.width) }
        let x: Double = switch h { case .left: p.x; case .center: p.x - s.width / 2; case .right: p.x - s.width }
        let y: Double = switch v { case .top: p.y; case .middle: p.y - s.height / 2; case .bottom: p.y - s.height }
        return Rect(x: x, y: y, width: s.width, height: s.height)
    }

    /// Adds text unconditionally and returns its box.
    @discardableResult
    mutating func text(_ text: String, _ style: TextStyle, at p: Point, _ h: HAlign = .left, _ v: VAlign = .top,
                       role: TextRole, wrap: Double? = nil, vertical: Bool = false, series: Int? = nil) -> TextBox {
        let f = frame(text, style, at: p, h, v, wrap: wrap, vertical: vertical)
        let box = TextBox(text: text, style: style, frame: f, wrapWidth: wrap, vertical: vertical, role: role, series: series)
        items.append(.text(box))
        textFrames.append(f)
        return box
    }

    /// True when `f` lies inside `bounds` and touches no text placed so far (with `pad` of air) and, unless
    /// `overData` is set, no data mark (an `inside` rect — the bar a label sits in — excepted).
    func isFree(_ f: Rect, within bounds: Rect, pad: Double = 1, overData: Bool = false, inside: Rect? = nil) -> Bool {
        guard bounds.contains(f) else { return false }
        let grown = f.inset(by: -pad)
        if textFrames.contains(where: { $0.intersects(grown) }) { return false }
        if overData { return true }
        return !marks.contains { m in
            if let inside, case .rect(let r) = m.shape, r == inside { return false }
            return m.touches(f, pad: pad)
        }
    }

    /// True when `f`, labelling series `owner`, is at least as near one of its own points as to any other
    /// series' point (bars count by their ends).
    func nearestIsOwn(_ f: Rect, owner: Int?) -> Bool {
        guard let owner else { return true }
        var own = Double.infinity, other = Double.infinity
        for m in marks {
            guard let s = m.series, let d = m.distance(to: f) else { continue }
            if s == owner { own = min(own, d) } else { other = min(other, d) }
        }
        return own <= other + 0.5
    }

    /// Adds optional text at the first of `candidates` where it is free; returns nil when none is.
    @discardableResult
    mutating func optionalText(_ text: String, _ style: TextStyle, candidates: [(Point, HAlign, VAlign)],
                               role: TextRole, within bounds: Rect? = nil, avoid obstacles: [Rect] = [],
                               series: Int? = nil, inside: Rect? = nil) -> TextBox? {
        let b = bounds ?? canvas
        for (p, h, v) in candidates {
            let f = frame(text, style, at: p, h, v)
            if isFree(f, within: b, inside: inside) && !obstacles.contains(where: { $0.intersects(f) })
                && nearestIsOwn(f, owner: series) {
                return self.text(text, style, at: p, h, v, role: role, series: series)
            }
        }
        return nil
    }

    /// Reserves an area no optional text may use (e.g. a bar's end), without drawing anything.
    mutating func reserve(_ r: Rect) { textFrames.append(r) }

    /// The finished scene.
    func scene(altText: AltText) -> Scene {
        Scene(size: Size(spec.size.width, spec.size.height), background: theme.background, items: items,
              unknownGlyphs: 0, altText: altText, marks: marks, seriesColors: drawnColors)
    }
}
