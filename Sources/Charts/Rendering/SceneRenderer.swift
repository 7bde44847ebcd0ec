import CCairo

/// Draws a ``Scene`` on a cairo context, text through the same ``PangoText`` that measured it.
struct SceneRenderer {
    let text: PangoText

    func draw(_ scene: Scene, on cr: CairoContext) {
        cr.setSource(scene.background)
        cr.paint()
        cr.setLineJoinRound()
        let items = scene.items
        var i = 0
        while i < items.count {
            switch items[i] {
            case .rect(let r, let fill, let stroke):
                cr.rectangle(r.x, r.y, r.width, r.height)
                if let fill {
                    cr.setSource(fill)
                    if stroke == nil { cr.fill() } else { cr.fillPreserve() }
                }
                if let stroke { apply(stroke, cr); cr.stroke() }
                cr.newPath()
            case .polyline(_, let stroke):
                // Runs of opaque polylines in one style (grid lines, tick marks) become one path and one stroke:
                // the same pixels where they do not overlap, far less SVG/PDF output and work per path.
                let end = runEnd(items, from: i) { if case .polyline(_, let s) = $0, s == stroke, stroke.color.alpha == 1 { true } else { false } }
                for case .polyline(let pts, _) in items[i..<end] { addPolyline(pts, cr) }
                apply(stroke, cr)
                cr.stroke()
                i = end
                continue
            case .polygon(let pts, let fill):
                guard let first = pts.first else { break }
                cr.move(first.x, first.y)
                for p in pts.dropFirst() { cr.line(p.x, p.y) }
                cr.closePath()
                cr.setSource(fill)
                cr.fill()
            case .marker(_, let shape, let r, let fill, let stroke):
                // Runs of opaque markers of one style that do not touch one another: filled together, then
                // stroked together (touching ones keep their one-by-one painting order).
                let reach = r * 1.25 + (stroke?.width ?? 0)
                var placed: [Point] = []
                let end = runEnd(items, from: i) { item in
                    guard case .marker(let c, shape, r, fill, stroke) = item, fill.alpha == 1, (stroke?.color.alpha ?? 1) == 1,
                          placed.count < 64,
                          !placed.contains(where: { abs($0.x - c.x) < 2 * reach && abs($0.y - c.y) < 2 * reach })
                    else { return false }
                    placed.append(c)
                    return true
                }
                for case .marker(let c, _, _, _, _) in items[i..<end] { markerPath(c, shape, r, cr) }
                cr.setSource(fill)
                if let stroke { cr.fillPreserve(); apply(stroke, cr); cr.stroke() } else { cr.fill() }
                i = end
                continue
            case .text(let box):
                text.draw(box, on: cr)
            }
            i += 1
        }
    }

    /// The end of the run of items from `start` that `belongs` accepts (at least `start + 1`).
    private func runEnd(_ items: [Primitive], from start: Int, _ belongs: (Primitive) -> Bool) -> Int {
        var end = start
        while end < items.count, belongs(items[end]) { end += 1 }
        return max(end, start + 1)
    }

    private func addPolyline(_ pts: [Point], _ cr: CairoContext) {
        guard let first = pts.first else { return }
        cr.move(first.x, first.y)
        for p in pts.dropFirst() { cr.line(p.x, p.y) }
    }

    private func apply(_ s: Stroke, _ cr: CairoContext) {
        cr.setSource(s.color)
        cr.setLineWidth(s.width)
        cr.setDash(s.dash)
    }

    private func markerPath(_ c: Point, _ shape: MarkerShape, _ r: Double, _ cr: CairoContext) {
        switch shape {
        case .circle:
            cr.arc(c.x, c.y, radius: r)
        case .square:
            let s = r * 0.9
            cr.rectangle(c.x - s, c.y - s, 2 * s, 2 * s)
        case .triangle:
            let s = r * 1.25
            cr.move(c.x, c.y - s)
            cr.line(c.x + s * 0.95, c.y + s * 0.6)
            cr.line(c.x - s * 0.95, c.y + s * 0.6)
            cr.closePath()
        case .diamond:
            let s = r * 1.25
            cr.move(c.x, c.y - s)
            cr.line(c.x + s, c.y)
            cr.line(c.x, c.y + s)
            cr.line(c.x - s, c.y)
            cr.closePath()
        }
    }
}
