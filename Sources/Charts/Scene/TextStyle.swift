/// How a piece of text is set: size in chart units, weight, colour.
public struct TextStyle: Sendable, Hashable, Codable {
    /// Font size in chart units (pixels at scale 1).
    public var size: Double
    /// Bold or regular.
    public var bold: Bool
    /// Fill colour.
    public var color: Color
    /// An outline in this colour drawn under the text so it reads over lines (nil = none).
    public var halo: Color?

    public init(size: Double, bold: Bool = false, color: Color, halo: Color? = nil) {
        self.size = size; self.bold = bold; self.color = color; self.halo = halo
    }
}

/// What a text box is for; used by layout checks, tests and alt text.
public enum TextRole: String, Sendable, Hashable, Codable {
    case title, subtitle, source, axisTitle, tickLabel, valueLabel, seriesLabel, legend, note, panelTitle
}
