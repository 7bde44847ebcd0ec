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

    /// The colour of series that get no palette colour (beyond the palette, or the rest behind highlighted ones).
    public var rest: Color
    /// Totals (waterfall ends) and single-colour bars (rank): a neutral that is neither a series nor a sign colour.
    public var neutral: Color

    /// The theme called `name`.
    ///
    /// The three themes keep one hue per palette slot (slot 0 is blue in each, slot 1 green, …); only lightness
    /// changes, so a deck in dark and a printout in briefing colours agree. Sign colours (rises, falls) are used
    /// by no series.
    public static func named(_ name: Name) -> Theme {
        switch name {
        case .briefing:
            return Theme(name: name, background: .white, text: Color(hex: 0x1A1A1A), mutedText: Color(hex: 0x555555),
                         grid: Color(hex: 0xE3E3E3), axis: Color(hex: 0x6B6B6B),
                         palette: okabeIto, dashes: [[]],
                         positive: Color(hex: 0x3F5468), negative: Color(hex: 0x7A4E9E),
                         highlight: Color(hex: 0xF0E442, alpha: 0.28), reference: Color(hex: 0x555555),
                         rest: Color(hex: 0xB5B5B5), neutral: Color(hex: 0x8A8F96))
        case .print:
            // Four greys at least 20 L* apart (L* 0, 38, 60, 81); lines also differ by dash and marker.
            return Theme(name: name, background: .white, text: .black, mutedText: Color(hex: 0x404040),
                         grid: Color(hex: 0xD9D9D9), axis: Color(hex: 0x404040),
                         palette: [Color(hex: 0x000000), Color(hex: 0x5E5E5E), Color(hex: 0x919191), Color(hex: 0xC8C8C8)],
                         dashes: [[], [9, 4], [2, 3], [9, 3, 2, 3]],
                         positive: Color(hex: 0x3A3A3A), negative: Color(hex: 0xA8A8A8),
                         highlight: Color(hex: 0x000000, alpha: 0.08), reference: Color(hex: 0x000000),
                         rest: Color(hex: 0xDDDDDD), neutral: Color(hex: 0x767676))
        case .dark:
            return Theme(name: name, background: Color(hex: 0x1B1E23), text: Color(hex: 0xF0F0F0),
                         mutedText: Color(hex: 0xB8B8B8), grid: Color(hex: 0x363B42), axis: Color(hex: 0x8A9099),
                         palette: okabeItoDark, dashes: [[]],
                         positive: Color(hex: 0xA9BCCF), negative: Color(hex: 0xB79CF0),
                         highlight: Color(hex: 0xF0E442, alpha: 0.16), reference: Color(hex: 0xB8B8B8),
                         rest: Color(hex: 0x5A6068), neutral: Color(hex: 0x9AA0A8))
        }
    }

    /// Okabe & Ito (2008) without the yellow (1.3:1 on white), ordered for lines on white: blue, vermillion,
    /// bluish green, reddish purple, orange, sky blue, black. Slots keep their hue from before (callers' slots
    /// such as 行政许可 0, 行政处罚 2 keep their colour); rises and falls use a grey-blue and violet pair that
    /// no slot has.
    public static let okabeIto: [Color] = [
        Color(hex: 0x0072B2), Color(hex: 0xD55E00), Color(hex: 0x009E73), Color(hex: 0xCC79A7),
        Color(hex: 0xE69F00), Color(hex: 0x56B4E9), Color(hex: 0x000000),
    ]

    /// The same hues for the dark background, lighter: slot for slot the hue of ``okabeIto``.
    public static let okabeItoDark: [Color] = [
        Color(hex: 0x3D9BE0), Color(hex: 0xF0804A), Color(hex: 0x2CC79B), Color(hex: 0xE391C2),
        Color(hex: 0xF2B33D), Color(hex: 0x8FD2F7), Color(hex: 0xE6E6E6),
    ]

    /// The colour of palette slot `i`; slots beyond the palette get ``rest`` (a colour is never repeated).
    public func seriesColor(_ i: Int) -> Color { palette.indices.contains(i) ? palette[i] : rest }

    /// The dash pattern of series `i` (cycled).
    public func seriesDash(_ i: Int) -> [Double] { dashes[i % dashes.count] }

    /// The marker of series `i`: shapes differ so series read without colour.
    public func seriesMarker(_ i: Int) -> MarkerShape { MarkerShape.allCases[i % MarkerShape.allCases.count] }

    /// Text colour that reads on a fill of `fill` (composited over the background): near-black or white,
    /// whichever contrasts more (black on Okabe–Ito orange, sky, pink and green).
    public func textColor(on fill: Color) -> Color {
        let f = fill.composited(over: background)
        let dark = Color(hex: 0x111111)
        return f.contrast(with: dark) >= f.contrast(with: .white) ? dark : .white
    }

    /// `color` made readable as text on `fill` (default: the background): darkened on light grounds, lightened
    /// on dark ones, just enough for a WCAG contrast of 4.5:1, keeping its hue.
    public func readable(_ color: Color, on fill: Color? = nil) -> Color {
        let ground = (fill ?? background).composited(over: background)
        let c = color.composited(over: ground)
        if c.contrast(with: ground) >= 4.5 { return c }
        let target: Color = ground.luminance > 0.18 ? .black : .white
        var t = 0.0
        var out = c
        while t < 1 && out.contrast(with: ground) < 4.5 {
            t += 0.05
            out = c.mixed(with: target, t)
        }
        return out
    }
}
