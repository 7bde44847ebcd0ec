/// The rank of each entity for one metric in one year: 1 for the largest value, ties share a rank (1, 2, 2, 4).
///
/// ```swift
/// Ranking.ranks(in: dataset, metric: "licensing.decisions", year: 2020)
/// // [Rank(entity: "牡丹江市人民政府", rank: 1, value: 387576), …]
/// ```
public enum Ranking {
    /// One entity's place.
    public struct Rank: Sendable, Hashable, Codable {
        /// The body.
        public var entity: String
        /// 1 = largest.
        public var rank: Int
        /// The value ranked.
        public var value: Double
    }

    /// The entities with a value of `metric` in `year`, largest first (ties by name).
    public static func ranks(in dataset: Dataset, metric: String, year: Int, ascending: Bool = false) -> [Rank] {
        var rows: [(String, Double)] = []
        for e in dataset.entities {
            if let v = dataset.value(entity: e, year: year, metric: metric) { rows.append((e, v)) }
        }
        rows.sort { a, b in a.1 != b.1 ? (ascending ? a.1 < b.1 : a.1 > b.1) : a.0 < b.0 }
        var out: [Rank] = []
        for (i, r) in rows.enumerated() {
            let rank = i > 0 && rows[i - 1].1 == r.1 ? out[i - 1].rank : i + 1
            out.append(Rank(entity: r.0, rank: rank, value: r.1))
        }
        return out
    }
}
