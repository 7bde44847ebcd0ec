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
    /// The typeface family (nil = the sans-serif CJK face every chart uses; `.serif` for a document's body text).
    public var family: FontFamily?

    public init(size: Double, bold: Bool = false, color: Color, halo: Color? = nil, family: FontFamily? = nil) {
        self.size = size; self.bold = bold; self.color = color; self.halo = halo; self.family = family
    }
}

/// A typeface family: the sans-serif CJK face (黑体 style) or the serif one (宋体 style, Noto Serif CJK SC).
public enum FontFamily: String, Sendable, Hashable, Codable {
    case sans, serif
}

/// What a text box is for; used by layout checks, tests and alt text.
public enum TextRole: String, Sendable, Hashable, Codable {
    case title, subtitle, source, axisTitle, tickLabel, valueLabel, seriesLabel, legend, note, panelTitle
}
