/// A point in chart units (CSS pixels at scale 1).
public struct Point: Sendable, Hashable, Codable {
    /// Rightwards.
    public var x: Double
    /// Downwards.
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

/// A width and a height in chart units.
public struct Size: Sendable, Hashable, Codable {
    /// Horizontal extent.
    public var width: Double
    /// Vertical extent.
    public var height: Double
    public init(_ width: Double, _ height: Double) { self.width = width; self.height = height }
}

/// An axis-aligned rectangle; `y` grows downwards.
public struct Rect: Sendable, Hashable, Codable {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width (non-negative).
    public var width: Double
    /// Height (non-negative).
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    /// Left edge.
    public var minX: Double { x }
    /// Top edge.
    public var minY: Double { y }
    /// Right edge.
    public var maxX: Double { x + width }
    /// Bottom edge.
    public var maxY: Double { y + height }
    /// Horizontal centre.
    public var midX: Double { x + width / 2 }
    /// Vertical centre.
    public var midY: Double { y + height / 2 }

    /// True when the two rectangles share interior area (touching edges do not count).
    public func intersects(_ o: Rect) -> Bool {
        minX < o.maxX - 0.01 && o.minX < maxX - 0.01 && minY < o.maxY - 0.01 && o.minY < maxY - 0.01
    }

    /// True when `o` lies within this rectangle (with a tolerance of 0.5 units).
    public func contains(_ o: Rect) -> Bool {
        o.minX >= minX - 0.5 && o.maxX <= maxX + 0.5 && o.minY >= minY - 0.5 && o.maxY <= maxY + 0.5
    }

    /// The rectangle grown by `d` on every side.
    public func inset(by d: Double) -> Rect {
        Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
    }
}
