/// Maps a value domain linearly onto a pixel range (which may run downwards, as y does).
public struct LinearScale: Sendable, Hashable {
    public let domain: ClosedRange<Double>
    public let from: Double
    public let to: Double

    public init(domain: ClosedRange<Double>, from: Double, to: Double) {
        self.domain = domain; self.from = from; self.to = to
    }

    /// The pixel position of `v`.
    public func callAsFunction(_ v: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span != 0 else { return (from + to) / 2 }
        return from + (v - domain.lowerBound) / span * (to - from)
    }
}

/// Equal bands for categories (years or names), with inner padding.
public struct BandScale: Sendable, Hashable {
    public let count: Int
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
