/// A stroke: colour, width and an optional dash pattern.
public struct Stroke: Sendable, Hashable, Codable {
    /// Line colour.
    public var color: Color
    /// Line width in chart units.
    public var width: Double
    /// Alternating on/off lengths; empty = solid.
    public var dash: [Double]

    public init(_ color: Color, width: Double, dash: [Double] = []) {
        self.color = color; self.width = width; self.dash = dash
    }
}

/// A marker shape, distinct per series so lines read in greyscale.
public enum MarkerShape: String, Sendable, Hashable, Codable, CaseIterable {
    case circle, square, triangle, diamond
}

/// A measured text box: the string, its style and the frame it occupies on the canvas.
public struct TextBox: Sendable, Hashable, Codable {
    /// The text (may wrap when `wrapWidth` is set).
    public var text: String
    /// Font size, weight, colour.
    public var style: TextStyle
    /// The axis-aligned box the text covers, as measured by Pango (rotation applied).
    public var frame: Rect
    /// Wrap width in chart units, or nil for one line.
    public var wrapWidth: Double?
    /// True for text running bottom-to-top (rotated −90°).
    public var vertical: Bool
    /// What the text is for.
    public var role: TextRole
    /// The series the text labels (value and series labels), or nil.
    public var series: Int?

    public init(text: String, style: TextStyle, frame: Rect, wrapWidth: Double? = nil, vertical: Bool = false, role: TextRole,
                series: Int? = nil) {
        self.text = text; self.style = style; self.frame = frame
        self.wrapWidth = wrapWidth; self.vertical = vertical; self.role = role; self.series = series
    }
}

/// One drawing primitive of a ``Scene``.
public enum Primitive: Sendable, Hashable, Codable {
    /// A filled and/or stroked rectangle.
    case rect(Rect, fill: Color?, stroke: Stroke?)
    /// An open polyline (a line segment when it has two points).
    case polyline([Point], Stroke)
    /// A filled closed polygon.
    case polygon([Point], fill: Color)
    /// A marker centred on a point.
    case marker(Point, shape: MarkerShape, radius: Double, fill: Color, stroke: Stroke?)
    /// Text, measured.
    case text(TextBox)
}

/// Where the data is drawn, kept beside the primitives so layout can keep labels off it and tests can check that
/// every label is nearest its own series.
public struct DataMark: Sendable, Hashable, Codable {
    /// The geometry of a mark.
    public enum Shape: Sendable, Hashable, Codable {
        /// A data point (marker or line vertex) with the radius it is drawn with.
        case point(Point, radius: Double)
        /// A stretch of a data, trend or reference line, with its stroke width.
        case segment(Point, Point, width: Double)
        /// A bar or bar segment.
        case rect(Rect)
    }
    /// The geometry.
    public var shape: Shape
    /// The series drawn, or nil (reference lines, totals, rules).
    public var series: Int?

    public init(_ shape: Shape, series: Int?) { self.shape = shape; self.series = series }

    /// True when the mark touches `r` grown by `pad`.
    public func touches(_ r: Rect, pad: Double = 1) -> Bool {
        let g = r.inset(by: -pad)
        switch shape {
        case .point(let p, let radius):
            return g.inset(by: -radius).containsPoint(p)
        case .segment(let a, let b, let width):
            return g.inset(by: -width / 2).intersectsSegment(a, b)
        case .rect(let m):
            return m.intersects(g)
        }
    }

    /// The distance from `r` to the mark's point (points and the top/end centre of bars); nil for lines.
    public func distance(to r: Rect) -> Double? {
        switch shape {
        case .point(let p, _): return r.distance(to: p)
        case .rect(let m): return r.distance(to: m)
        case .segment: return nil
        }
    }
}

extension Rect {
    /// True when `p` lies inside (edges included).
    public func containsPoint(_ p: Point) -> Bool { p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY }

    /// The distance from `p` to the nearest point of the rectangle (0 inside).
    public func distance(to p: Point) -> Double {
        let dx = max(minX - p.x, 0, p.x - maxX), dy = max(minY - p.y, 0, p.y - maxY)
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The gap between two rectangles (0 when they touch or overlap).
    public func distance(to o: Rect) -> Double {
        let dx = max(o.minX - maxX, 0, minX - o.maxX), dy = max(o.minY - maxY, 0, minY - o.maxY)
        return (dx * dx + dy * dy).squareRoot()
    }

    /// True when the segment `a`–`b` passes through the rectangle's interior.
    public func intersectsSegment(_ a: Point, _ b: Point) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - minX), (dx, maxX - a.x), (-dy, a.y - minY), (dy, maxY - a.y)] {
            if p == 0 { if q < 0 { return false }; continue }
            let r = q / p
            if p < 0 { if r > t1 { return false }; t0 = max(t0, r) } else { if r < t0 { return false }; t1 = min(t1, r) }
        }
        return t0 < t1
    }
}
