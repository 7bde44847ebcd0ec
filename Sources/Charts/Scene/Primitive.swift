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

    public init(text: String, style: TextStyle, frame: Rect, wrapWidth: Double? = nil, vertical: Bool = false, role: TextRole) {
        self.text = text; self.style = style; self.frame = frame
        self.wrapWidth = wrapWidth; self.vertical = vertical; self.role = role
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
