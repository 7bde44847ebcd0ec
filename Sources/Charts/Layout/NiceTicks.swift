import Foundation

/// Round tick values covering a range: steps of 1, 2, 2.5 or 5 times a power of ten.
///
/// ```swift
/// let t = NiceTicks(min: 4794, max: 5434, count: 5)
/// t.values   // [4600, 4800, 5000, 5200, 5400, 5600]
/// ```
public struct NiceTicks: Sendable, Hashable {
    /// The first tick (≤ the data minimum).
    public let lower: Double
    /// The last tick (≥ the data maximum).
    public let upper: Double
    /// The distance between ticks.
    public let step: Double
    /// The ticks from `lower` to `upper`.
    public let values: [Double]

    /// Ticks covering `min…max` with about `count` intervals, never closer than `minStep` (1 for counts).
    public init(min lo: Double, max hi: Double, count: Int, minStep: Double = 0) {
        var lo = lo, hi = hi
        if lo > hi { swap(&lo, &hi) }
        if lo == hi {
            if lo == 0 { hi = 5 } else if lo > 0 { lo = 0 } else { hi = 0 }
        }
        // Counts (minStep 1) never get a fractional step such as 2.5.
        var step = Swift.max(Self.bestStep(lo, hi, count: Swift.max(1, count), integer: minStep >= 1), minStep)
        if minStep >= 1 && step != step.rounded() { step = step.rounded(.up) }
        let first = (lo / step).rounded(.down)
        let last = (hi / step).rounded(.up)
        self.step = step
        self.lower = first * step
        self.upper = last * step
        let span = last - first                          // not finite for ±1e308: ends only, never a trap
        let n = span.isFinite && span < 100_000 ? Int(span) : 0
        self.values = (0...Swift.max(0, n)).map { Self.clean((first + Double($0)) * step, step) }
    }

    /// The round step whose interval count is nearest `count` (ties go to the larger step).
    static func bestStep(_ lo: Double, _ hi: Double, count: Int, integer: Bool = false) -> Double {
        let raw = (hi - lo) / Double(count)
        guard raw > 0, raw.isFinite else { return 1 }
        let mag = pow(10, (log10(raw)).rounded(.down))
        var best = integer ? Swift.max(1, niceStep(raw).rounded(.up)) : niceStep(raw), bestScore = Double.infinity
        for m in [0.5, 1, 2, 2.5, 5, 10, 20] {
            let c = m * mag
            if integer && (c < 1 || c != c.rounded()) { continue }
            let n = (hi / c).rounded(.up) - (lo / c).rounded(.down)
            let score = abs(n - Double(count)) + (n > Double(count) + 2 ? 10 : 0)
            if score < bestScore - 1e-9 || (abs(score - bestScore) < 1e-9 && c > best) { best = c; bestScore = score }
        }
        return best
    }

    /// The smallest of 1, 2, 2.5, 5, 10 × 10ⁿ that is at least `raw`.
    public static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let mag = pow(10, (log10(raw)).rounded(.down))
        let norm = raw / mag
        for m in [1.0, 2, 2.5, 5, 10] where norm <= m + 1e-9 { return m * mag }
        return 10 * mag
    }

    /// Removes floating-point noise such as 0.30000000000000004.
    private static func clean(_ v: Double, _ step: Double) -> Double {
        let digits = Swift.max(0, -Int((log10(step)).rounded(.down)) + 2)
        let p = pow(10, Double(Swift.min(digits, 12)))
        let r = (v * p).rounded() / p
        return r == 0 ? 0 : r
    }
}
