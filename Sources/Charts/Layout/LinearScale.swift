/// Maps a value domain linearly onto a pixel range (which may run downwards, as y does).
public struct LinearScale: Sendable, Hashable {
    /// The values mapped.
    public let domain: ClosedRange<Double>
    /// The pixel positions of the domain's lower and upper bounds.
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
