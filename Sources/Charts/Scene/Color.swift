import Foundation

/// An sRGB colour with alpha, components in 0…1.
public struct Color: Sendable, Hashable, Codable {
    /// Red, 0…1.
    public var red: Double
    /// Green, 0…1.
    public var green: Double
    /// Blue, 0…1.
    public var blue: Double
    /// Opacity, 0 transparent … 1 opaque.
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// A colour from `0xRRGGBB`.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255, alpha: alpha)
    }

    /// The same colour with another alpha.
    public func opacity(_ a: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: a) }

    /// Relative luminance (WCAG), 0 black … 1 white.
    public var luminance: Double {
        func lin(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * lin(red) + 0.7152 * lin(green) + 0.0722 * lin(blue)
    }

    /// The WCAG contrast ratio between two opaque colours, 1…21.
    public func contrast(with o: Color) -> Double {
        let a = luminance, b = o.luminance
        return (Swift.max(a, b) + 0.05) / (Swift.min(a, b) + 0.05)
    }

    /// This colour drawn over an opaque `ground`: the opaque colour seen.
    public func composited(over ground: Color) -> Color {
        guard alpha < 1 else { return self }
        func m(_ c: Double, _ g: Double) -> Double { c * alpha + g * (1 - alpha) }
        return Color(red: m(red, ground.red), green: m(green, ground.green), blue: m(blue, ground.blue))
    }

    /// The colour `t` (0…1) of the way towards `o`.
    public func mixed(with o: Color, _ t: Double) -> Color {
        func m(_ a: Double, _ b: Double) -> Double { a + (b - a) * t }
        return Color(red: m(red, o.red), green: m(green, o.green), blue: m(blue, o.blue), alpha: m(alpha, o.alpha))
    }

    /// `#rrggbb`.
    public var hexString: String {
        func h(_ c: Double) -> String {
            let v = Int((c * 255).rounded())
            let s = String(v, radix: 16)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + h(red) + h(green) + h(blue)
    }

    /// Pure black.
    public static let black = Color(hex: 0x000000)
    /// Pure white.
    public static let white = Color(hex: 0xFFFFFF)
}

