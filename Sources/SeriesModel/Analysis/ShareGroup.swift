/// A group of metrics read as shares of a total, e.g. the outcomes of 表三 as shares of （七）总计.
///
/// ```swift
/// let rows = ShareGroup.applicationOutcomes.shares(in: dataset, entity: "平潭综合实验区", year: 2021)
/// rows.first!.share     // .ratio(0.4348) — 予以公开 30 of 69
/// ```
public struct ShareGroup: Sendable, Hashable {
    /// One part of the total.
    public struct Part: Sendable, Hashable {
        /// A short key, e.g. `granted`.
        public var key: String
        /// Chinese name.
        public var zh: String
        /// English name.
        public var en: String
        /// How the part is summed.
        public var sum: MetricSum
    }

    /// The share of one part in one year.
    public struct Share: Sendable, Hashable, Codable {
        /// The body.
        public var entity: String
        /// The year.
        public var year: Int
        /// The part's key.
        public var part: String
        /// The part's value.
        public var value: Double
        /// The total.
        public var total: Double
        /// `value / total`; `.notAvailable` when the total is zero.
        public var share: Relative
        /// The observation keys the figures come from.
        public var uses: [ObservationKey]
    }

    /// The shift of one part's share between two years, in percentage points.
    public struct Shift: Sendable, Hashable, Codable {
        /// The body.
        public var entity: String
        /// The part's key.
        public var part: String
        /// The earlier year.
        public var fromYear: Int
        /// The later year.
        public var toYear: Int
        /// The change of the share in percentage points (`(share₂ − share₁) × 100`).
        public var points: Double
    }

    /// The group's id, e.g. `outcomes`.
    public var id: String
    /// Chinese name.
    public var zh: String
    /// English name.
    public var en: String
    /// The total.
    public var total: MetricSum
    /// The parts, in display order.
    public var parts: [Part]

    /// The shares of every part whose value is present for `entity` in `year` (empty without a total).
    public func shares(in dataset: Dataset, entity: String, year: Int) -> [Share] {
        let lookup: (String) -> Double? = { dataset.value(entity: entity, year: year, metric: $0) }
        guard let t = total.evaluate(lookup) else { return [] }
        return parts.compactMap { p in
            guard let v = p.sum.evaluate(lookup) else { return nil }
            let share: Relative = t.value > 0 ? .ratio(v.value / t.value) : .notAvailable
            let uses = (v.used + t.used).map { ObservationKey(entity: entity, year: year, metric: $0) }
            return Share(entity: entity, year: year, part: p.key, value: v.value, total: t.value, share: share, uses: uses)
        }
    }

    /// The shift of every part's share between each pair of consecutive available years of `entity`.
    public func shifts(in dataset: Dataset, entity: String) -> [Shift] {
        let years = dataset.series(entity: entity, metric: total.metrics.first ?? "")?.years ?? []
        var out: [Shift] = []
        var previous: (year: Int, shares: [String: Double])?
        for y in years {
            var now: [String: Double] = [:]
            for s in shares(in: dataset, entity: entity, year: y) { if let r = s.share.ratio { now[s.part] = r } }
            if let p = previous {
                for part in parts {
                    if let a = p.shares[part.key], let b = now[part.key] {
                        out.append(Shift(entity: entity, part: part.key, fromYear: p.year, toYear: y, points: (b - a) * 100))
                    }
                }
            }
            previous = (y, now)
        }
        return out
    }

    /// The outcomes of 表三 （一）…（六） as shares of （七）总计.
    public static let applicationOutcomes: ShareGroup = {
        func app(_ row: String) -> String { "applications.\(row).total" }
        let rows = MetricCatalog.applicationRows.map(\.key)
        func part(_ key: String, _ zh: String, _ en: String, _ prefix: String) -> Part {
            Part(key: key, zh: zh, en: en, sum: MetricSum(rows.filter { $0.hasPrefix(prefix) }.map(app)))
        }
        return ShareGroup(
            id: "outcomes", zh: "办理结果构成", en: "Outcomes of applications",
            total: MetricSum([app("total_processed")]),
            parts: [
                Part(key: "granted", zh: "予以公开", en: "granted", sum: MetricSum([app("granted")])),
                Part(key: "partial_granted", zh: "部分公开", en: "partially granted", sum: MetricSum([app("partial_granted")])),
                part("denied", "不予公开", "denied", "denied_"),
                part("unable", "无法提供", "unable to provide", "unable_"),
                part("not_processed", "不予处理", "not processed", "not_processed_"),
                Part(key: "other", zh: "其他处理", en: "other handling",
                     sum: MetricSum(anyOf: [[app("other_handling")],
                                            [app("other_overdue_correction"), app("other_overdue_fee"), app("other_other")]])),
            ])
    }()

    /// New applications by applicant type: 自然人 and 法人或其他组织 as shares of the total.
    public static let applicants: ShareGroup = {
        func col(_ c: String) -> String { "applications.new_received.\(c)" }
        return ShareGroup(
            id: "applicants", zh: "申请人构成", en: "Applicants",
            total: MetricSum([col("total")]),
            parts: [
                Part(key: "natural_person", zh: "自然人", en: "natural persons", sum: MetricSum([col("natural_person")])),
                Part(key: "organisations", zh: "法人或其他组织", en: "legal persons and organisations",
                     sum: MetricSum(["commercial", "research", "social_welfare", "legal_service", "other_org"].map(col))),
            ])
    }()
}
