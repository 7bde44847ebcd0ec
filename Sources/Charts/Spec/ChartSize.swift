/// The canvas: width and height in chart units (CSS pixels) and a pixel scale for PNG.
///
/// ```swift
/// ChartSize.slide                // 1920×1080 (ChartSize.preset("slide") by name)
/// ChartSize(width: 800, height: 500, scale: 2)   // a 1600×1000 PNG, same layout
/// ```
public struct ChartSize: Sendable, Hashable, Codable {
    /// Width in chart units (CSS pixels).
    public var width: Double
    /// Height in chart units (CSS pixels).
    public var height: Double
    /// PNG pixels per chart unit (2 for high-DPI). Vector outputs ignore it.
    public var scale: Double

    public init(width: Double = 1200, height: Double = 750, scale: Double = 1) {
        self.width = width; self.height = height; self.scale = scale
    }

    /// The named presets: `default` 1200×750, `slide` 1920×1080, `a4-half` (A5 landscape at 96 dpi),
    /// `square` 1000×1000, `sparkline` 360×90.
    public static let presets: [(name: String, size: ChartSize)] = [
        ("default", .standard), ("slide", .slide), ("a4-half", .a4Half), ("square", .square), ("sparkline", .sparkline),
    ]

    /// `default`: 1200×750.
    public static let standard = ChartSize(width: 1200, height: 750)
    /// `slide`: 1920×1080.
    public static let slide = ChartSize(width: 1920, height: 1080)
    /// `a4-half`: A5 landscape at 96 dpi, 794×561.
    public static let a4Half = ChartSize(width: 794, height: 561)
    /// `square`: 1000×1000.
    public static let square = ChartSize(width: 1000, height: 1000)
    /// `sparkline`: 360×90.
    public static let sparkline = ChartSize(width: 360, height: 90)

    /// The preset called `name`, or nil.
    public static func preset(_ name: String) -> ChartSize? {
        presets.first { $0.name == name.lowercased() }?.size
    }

    /// Text grows with the canvas: 1 at 1200×750.
    var fontScale: Double {
        min(1.7, max(0.62, ((width * height) / (1200 * 750)).squareRoot()))
    }
}
