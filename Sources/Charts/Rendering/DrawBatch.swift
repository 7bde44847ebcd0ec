/// Which primitives of a scene can be painted together as one cairo path, and what each may paint over.
///
/// Cairo's cost per path (and, in SVG and PDF, the style written for each path) dominates simple charts, so
/// the renderer paints opaque primitives of one style (grid lines, tick marks, bars of one series, markers of
/// one series) as one path. A primitive is only ever moved ahead of primitives it cannot touch, so the
/// picture is the same as painting one by one.
enum DrawBatch: Hashable {
    /// Opaque polylines stroked alike.
    case stroke(Stroke)
    /// Opaque rectangles filled alike, without outline.
    case fill(Color)
    /// Opaque markers alike (members must not touch: all are filled before any is outlined).
    case marker(MarkerShape, radius: Double, fill: Color, stroke: Stroke?)

    /// The batch `item` may join, or nil when it is painted on its own.
    init?(_ item: Primitive) {
        switch item {
        case .polyline(let pts, let s) where s.color.alpha == 1 && !pts.isEmpty:
            self = .stroke(s)
        case .rect(_, let fill?, nil) where fill.alpha == 1:
            self = .fill(fill)
        case .marker(_, let shape, let r, let fill, let s) where fill.alpha == 1 && (s?.color.alpha ?? 1) == 1:
            self = .marker(shape, radius: r, fill: fill, stroke: s)
        default:
            return nil
        }
    }

    /// True when members must keep clear of one another.
    var membersMustNotTouch: Bool { if case .marker = self { true } else { false } }
}

extension Primitive {
    /// A rectangle holding every pixel the primitive may paint (anti-aliasing, stroke joins, glyph ink and
    /// halos included, with room to spare).
    var paintBounds: Rect {
        switch self {
        case .rect(let r, _, let s):
            return r.inset(by: -((s?.width ?? 0) + 2))
        case .polyline(let pts, let s):
            return Self.bounds(pts).inset(by: -(s.width * 2 + 2))
        case .polygon(let pts, _):
            return Self.bounds(pts).inset(by: -2)
        case .marker(let c, _, let r, _, let s):
            let reach = r * 1.5 + (s?.width ?? 0) + 2
            return Rect(x: c.x - reach, y: c.y - reach, width: 2 * reach, height: 2 * reach)
        case .text(let box):
            return box.frame.inset(by: -(box.style.size * 0.5 + 4))
        }
    }

    private static func bounds(_ pts: [Point]) -> Rect {
        guard let first = pts.first else { return Rect(x: 0, y: 0, width: 0, height: 0) }
        var lo = first, hi = first
        for p in pts {
            lo = Point(min(lo.x, p.x), min(lo.y, p.y))
            hi = Point(max(hi.x, p.x), max(hi.y, p.y))
        }
        return Rect(x: lo.x, y: lo.y, width: hi.x - lo.x, height: hi.y - lo.y)
    }
}
