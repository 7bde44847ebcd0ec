import CCairo

/// Draws a ``Scene`` on a cairo context, text through the same ``PangoText`` that measured it.
package struct SceneRenderer {
    let text: PangoText

    /// A renderer whose text is drawn by `text` (the engine that measured the scenes it draws).
    package init(text: PangoText) { self.text = text }

    /// How far ahead a batch looks for more members.
    private static let window = 256

    package func draw(_ scene: Scene, on cr: CairoContext) {
        cr.setSource(scene.background)
        cr.paint()
        cr.setLineJoinRound()
        let items = scene.items
        let batches = items.map(DrawBatch.init)
        let bounds = items.map(\.paintBounds)
        var drawn = [Bool](repeating: false, count: items.count)
        for i in items.indices where !drawn[i] {
            guard let batch = batches[i] else { drawOne(items[i], cr); continue }
            // Later members join when they touch none of the primitives they would move ahead of.
            var members = [i]
            var passed: [Rect] = []
            var memberBounds = [bounds[i]]
            var j = i + 1
            while j < items.count, j - i <= Self.window {
                defer { j += 1 }
                if drawn[j] { continue }
                let b = bounds[j]
                if batches[j] == batch, !passed.contains(where: { $0.intersects(b) }),
                   !batch.membersMustNotTouch || !memberBounds.contains(where: { $0.intersects(b) }) {
                    members.append(j)
                    memberBounds.append(b)
                    drawn[j] = true
                } else {
                    passed.append(b)
                }
            }
            drawBatch(batch, members.map { items[$0] }, cr)
        }
    }

    private func drawBatch(_ batch: DrawBatch, _ members: [Primitive], _ cr: CairoContext) {
        switch batch {
        case .stroke(let stroke):
            for case .polyline(let pts, _) in members { addPolyline(pts, cr) }
            apply(stroke, cr)
            cr.stroke()
        case .fill(let color):
            for case .rect(let r, _, _) in members { cr.rectangle(r.x, r.y, r.width, r.height) }
            cr.setSource(color)
            cr.fill()
        case .marker(let shape, let r, let fill, let stroke):
            for case .marker(let c, _, _, _, _) in members { markerPath(c, shape, r, cr) }
            cr.setSource(fill)
            if let stroke { cr.fillPreserve(); apply(stroke, cr); cr.stroke() } else { cr.fill() }
        }
    }

    private func drawOne(_ item: Primitive, _ cr: CairoContext) {
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
            guard !pts.isEmpty else { return }
            addPolyline(pts, cr)
            apply(stroke, cr)
            cr.stroke()
        case .polygon(let pts, let fill):
            guard let first = pts.first else { return }
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
