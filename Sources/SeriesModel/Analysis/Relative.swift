/// A ratio whose base may be zero or missing — never NaN or infinity.
///
/// ```swift
/// Relative(value: 4794, base: 5434)   // .ratio(-0.1178)
/// Relative(value: 12, base: 0)        // .new
/// Relative(value: 12, base: nil)      // .notAvailable
/// ```
public enum Relative: Sendable, Hashable {
    /// `(value − base) / |base|`, or any other finite ratio.
    case ratio(Double)
    /// The base is zero and the value is not: the figure is new.
    case new
    /// The base is missing, or both are zero, or the ratio is undefined.
    case notAvailable

    /// The change of `value` relative to `base`.
    public init(value: Double?, base: Double?) {
        guard let value, let base else { self = .notAvailable; return }
        if base == 0 {
            self = value == 0 ? .notAvailable : .new
            return
        }
        let r = (value - base) / abs(base)
        self = r.isFinite ? .ratio(r) : .notAvailable
    }

    /// The ratio when there is one.
    public var ratio: Double? {
        if case .ratio(let r) = self { return r }
        return nil
    }

    /// The ratio in percent (`-0.1178` → `-11.78`), when there is one.
    public var percent: Double? { ratio.map { $0 * 100 } }

    /// `new` or `n/a` for the cases without a ratio, nil otherwise: the note shown in place of a number.
    public var note: String? {
        switch self {
        case .ratio: return nil
        case .new: return "new"
        case .notAvailable: return "n/a"
        }
    }
}

extension Relative: Codable {
    /// Encodes a ratio as a number and the other cases as `"new"` / `"n/a"`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .ratio(let r): try c.encode(r)
        case .new: try c.encode("new")
        case .notAvailable: try c.encode("n/a")
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let r = try? c.decode(Double.self) {
            self = .ratio(r)
        } else {
            self = try c.decode(String.self) == "new" ? .new : .notAvailable
        }
    }
}
