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

    /// The palette slot (colour, marker, dash) of series `i`: its own ``ChartSeries/slot`` or its position.
    func slot(_ i: Int) -> Int { spec.series.indices.contains(i) ? spec.series[i].slot ?? i : i }

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
                       role: TextRole, wrap: Double? = nil, vertical: Bool = false) -> TextBox {
        let f = frame(text, style, at: p, h, v, wrap: wrap, vertical: vertical)
        let box = TextBox(text: text, style: style, frame: f, wrapWidth: wrap, vertical: vertical, role: role)
        items.append(.text(box))
        textFrames.append(f)
        return box
    }

    /// True when `f` lies inside `bounds` and touches no text placed so far (with `pad` of air).
    func isFree(_ f: Rect, within bounds: Rect, pad: Double = 1) -> Bool {
        guard bounds.contains(f) else { return false }
        let grown = f.inset(by: -pad)
        return !textFrames.contains { $0.intersects(grown) }
    }

    /// Adds optional text at the first of `candidates` where it is free; returns nil when none is.
    @discardableResult
    mutating func optionalText(_ text: String, _ style: TextStyle, candidates: [(Point, HAlign, VAlign)],
                               role: TextRole, within bounds: Rect? = nil, avoid obstacles: [Rect] = []) -> TextBox? {
        let b = bounds ?? canvas
        for (p, h, v) in candidates {
            let f = frame(text, style, at: p, h, v)
            if isFree(f, within: b) && !obstacles.contains(where: { $0.intersects(f) }) {
                return self.text(text, style, at: p, h, v, role: role)
            }
        }
        return nil
    }

    /// Reserves an area no optional text may use (e.g. a bar's end), without drawing anything.
    mutating func reserve(_ r: Rect) { textFrames.append(r) }

    /// The finished scene.
    func scene(altText: AltText) -> Scene {
        Scene(size: Size(spec.size.width, spec.size.height), background: theme.background, items: items,
              unknownGlyphs: 0, altText: altText)
    }
}
