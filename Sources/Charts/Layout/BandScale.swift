/// Equal bands for categories (years or names), with inner padding.
public struct BandScale: Sendable, Hashable {
    /// The number of bands.
    public let count: Int
    /// The pixel range the bands share.
    public let from: Double
    public let to: Double
    /// Fraction of each band left empty (split on both sides).
    public let padding: Double

    public init(count: Int, from: Double, to: Double, padding: Double = 0.3) {
        self.count = max(1, count); self.from = from; self.to = to; self.padding = padding
    }

    /// The full band width, padding included.
    public var step: Double { (to - from) / Double(count) }
    /// The width of the filled part of a band.
    public var bandwidth: Double { step * (1 - padding) }
    /// The start of band `i`'s filled part.
    public func start(_ i: Int) -> Double { from + Double(i) * step + step * padding / 2 }
    /// The centre of band `i`.
    public func center(_ i: Int) -> Double { from + (Double(i) + 0.5) * step }
}
