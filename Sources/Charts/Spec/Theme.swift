/// Colours, strokes and type sizes of a chart.
///
/// ```swift
/// let t = Theme.named(.print)
/// t.seriesColor(0)      // near-black
/// t.seriesDash(1)       // [8, 4]: a dashed second line that survives greyscale
/// ```
public struct Theme: Sendable, Hashable, Codable {
    /// The built-in themes.
    public enum Name: String, Sendable, Hashable, Codable, CaseIterable {
        /// White background, Okabe–Ito colour-blind-safe palette.
        case briefing
        /// Black, greys and dash patterns: reads when printed in greyscale.
        case print
        /// Dark background for screens and slides.
        case dark
    }

    /// Which built-in theme.
    public var name: Name
    /// Canvas fill.
    public var background: Color
    /// Titles, labels.
    public var text: Color
    /// Subtitle, ticks, source line.
    public var mutedText: Color
    /// Grid lines.
    public var grid: Color
    /// Axis and zero lines.
    public var axis: Color
    /// Series colours, cycled.
    public var palette: [Color]
    /// Dash patterns cycled per series (empty = solid).
    public var dashes: [[Double]]
    /// Rises in change and waterfall charts.
    public var positive: Color
    /// Falls in change and waterfall charts.
    public var negative: Color
    /// The highlighted-year band.
    public var highlight: Color
    /// Reference lines and their labels.
    public var reference: Color

    /// The theme called `name`.
    public static func named(_ name: Name) -> Theme {
        switch name {
        case .briefing:
            return Theme(name: name, background: .white, text: Color(hex: 0x1A1A1A), mutedText: Color(hex: 0x555555),
                         grid: Color(hex: 0xE3E3E3), axis: Color(hex: 0x6B6B6B),
                         palette: okabeIto, dashes: [[]],
                         positive: Color(hex: 0x0072B2), negative: Color(hex: 0xD55E00),
                         highlight: Color(hex: 0xF0E442, alpha: 0.28), reference: Color(hex: 0x555555))
        case .print:
            return Theme(name: name, background: .white, text: .black, mutedText: Color(hex: 0x404040),
                         grid: Color(hex: 0xD9D9D9), axis: Color(hex: 0x404040),
                         palette: [Color(hex: 0x000000), Color(hex: 0x5A5A5A), Color(hex: 0x8C8C8C),
                                   Color(hex: 0x2E2E2E), Color(hex: 0x737373), Color(hex: 0xA6A6A6)],
                         dashes: [[], [9, 4], [2, 3], [9, 3, 2, 3], [5, 5], [1, 2]],
                         positive: Color(hex: 0x3A3A3A), negative: Color(hex: 0x9A9A9A),
                         highlight: Color(hex: 0x000000, alpha: 0.08), reference: Color(hex: 0x000000))
        case .dark:
            return Theme(name: name, background: Color(hex: 0x1B1E23), text: Color(hex: 0xF0F0F0),
                         mutedText: Color(hex: 0xB8B8B8), grid: Color(hex: 0x363B42), axis: Color(hex: 0x8A9099),
                         palette: [Color(hex: 0x56B4E9), Color(hex: 0xE69F00), Color(hex: 0x009E73),
                                   Color(hex: 0xCC79A7), Color(hex: 0xF0E442), Color(hex: 0xD55E00), Color(hex: 0xFFFFFF)],
                         dashes: [[]],
                         positive: Color(hex: 0x56B4E9), negative: Color(hex: 0xE69F00),
                         highlight: Color(hex: 0xF0E442, alpha: 0.16), reference: Color(hex: 0xB8B8B8))
        }
    }

    /// Okabe & Ito (2008), ordered for lines on white: blue, vermillion, bluish green, reddish purple,
    /// orange, sky blue, black, yellow.
    public static let okabeIto: [Color] = [
        Color(hex: 0x0072B2), Color(hex: 0xD55E00), Color(hex: 0x009E73), Color(hex: 0xCC79A7),
        Color(hex: 0xE69F00), Color(hex: 0x56B4E9), Color(hex: 0x000000), Color(hex: 0xF0E442),
    ]

    /// The colour of series `i` (cycled).
    public func seriesColor(_ i: Int) -> Color { palette[i % palette.count] }

    /// The dash pattern of series `i` (cycled).
    public func seriesDash(_ i: Int) -> [Double] { dashes[i % dashes.count] }

    /// The marker of series `i`: shapes differ so series read without colour.
    public func seriesMarker(_ i: Int) -> MarkerShape { MarkerShape.allCases[i % MarkerShape.allCases.count] }

    /// Text colour that reads on a fill of `fill`.
    public func textColor(on fill: Color) -> Color {
        fill.luminance > 0.35 ? Color(hex: 0x111111) : .white
    }
}
