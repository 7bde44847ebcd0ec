/// splitmix64 (Steele, Lea, Flood 2014) on a 64-bit state: a small deterministic PRNG, so fuzz runs, property tests
/// and the benchmark workload (which must match `../shared/bench/workload.py`) are the same on every machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's state; the next output is derived from it.
    public var state: UInt64

    /// A generator started at `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 pseudo-random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
