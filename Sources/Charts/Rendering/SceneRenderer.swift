import CCairo

/// Draws a ``Scene`` on a cairo context, text through the same ``PangoText`` that measured it.
struct SceneRenderer {
    let text: PangoText

    func draw(_ scene: Scene, on cr: CairoContext) {
        cr.setSource(scene.background)
        cr.paint()
        cr.setLineJoinRound()
        for item in scene.items {
            switch item {
            case .rect(let r, let fill, let stroke):
                cr.rectangle(r.x, r.y, r.width, r.height)
                if let fill {
                    cr.setSource(fill)
                    if stroke == nil { cr.fill() } else { cr.fillPreserve() }
                }
                if let stroke { apply(stroke, cr); cr.stroke() }
                cr.newPath()
            case .polyline(let pts, let stroke):
                guard let first = pts.first else { continue }
                cr.move(first.x, first.y)
                for p in pts.dropFirst() { cr.line(p.x, p.y) }
                apply(stroke, cr)
                cr.stroke()
            case .polygon(let pts, let fill):
                guard let first = pts.first else { continue }
                cr.move(first.x, first.y)
                for p in pts.dropFirst() { cr.line(p.x, p.y) }
                cr.closePath()
                cr.setSource(fill)
                cr.fill()
            case .marker(let c, let shape, let r, let fill, let stroke):
                markerPath(c, shape, r, cr)
                cr.setSource(fill)
                if let stroke { cr.fillPreserve(); apply(stroke, cr); cr.stroke() } else { cr.fill() }
            case .text(let box):
                text.draw(box, on: cr)
            }
        }
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
