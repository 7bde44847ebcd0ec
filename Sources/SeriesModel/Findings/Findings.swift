import Foundation

/// Generates the key-findings sentences of a briefing from a dataset: headline changes, growth over the span,
/// the largest movers, the disclosure rate, applicant and outcome shares, reviews and lawsuits, and gap years.
///
/// Every sentence keeps the observation keys and sources of the numbers it quotes.
///
/// ```swift
/// var dataset = Dataset(observations)
/// dataset.addIndicators()
/// for f in Findings(language: .zh).generate(dataset) { print(f.text) }
/// // 2020年行政许可事项4794项，较上年减少640项（-11.8%）。
/// ```
public struct Findings: Sendable {
    /// The language of the sentences.
    public var language: Language
    /// Only years in this range are considered (nil = open).
    public var from: Int?
    /// Only years up to this one are considered.
    public var to: Int?
    /// How many movers the movers sentence names.
    public var moverCount: Int
    /// Changes from a base below this are not counted as movers (a rise from 2 to 5 is not news).
    public var moverMinimumBase: Double

    /// Creates a generator.
    public init(language: Language = .zh, from: Int? = nil, to: Int? = nil, moverCount: Int = 3, moverMinimumBase: Double = 10) {
        self.language = language
        self.from = from
        self.to = to
        self.moverCount = moverCount
        self.moverMinimumBase = moverMinimumBase
    }

    /// The findings for each entity of `dataset` (or only `entities`), entity by entity, then — with two or
    /// more entities — how they rank on the headline figures of the latest year.
    public func generate(_ dataset: Dataset, entities: [String]? = nil) -> [Finding] {
        let list = entities ?? dataset.entities
        return list.flatMap { findings(dataset, entity: $0) } + rankingFindings(dataset, entities: list)
    }

    /// One sentence per headline metric that two or more of `entities` report in the same latest year.
    public func rankingFindings(_ dataset: Dataset, entities: [String]) -> [Finding] {
        guard entities.count >= 2 else { return [] }
        var out: [Finding] = []
        let metrics = Phrase.headline.map(\.metric) + ["indicator.disclosure_rate"]
        for metric in metrics {
            var byYear: [Int: [(entity: String, value: Double)]] = [:]
            for e in entities {
                guard let s = dataset.series(entity: e, metric: metric)?.restricted(from: from, to: to) else { continue }
                for p in s.points { byYear[p.year, default: []].append((e, p.value)) }
            }
            guard let (year, rows) = byYear.filter({ $0.value.count >= 2 }).max(by: { $0.key < $1.key }) else { continue }
            let sorted = rows.sorted { $0.value != $1.value ? $0.value > $1.value : $0.entity < $1.entity }
            let phrase = metric == "indicator.disclosure_rate"
                ? Phrase(zh: "公开率", measure: "%", en: "disclosure rate", enUnit: "") : Phrase.of(metric)
            let top = sorted.prefix(3).map { zh ? "\($0.entity)（\(phrase.zhAmount($0.value))）" : "\($0.entity) (\(phrase.enAmount($0.value)))" }
            let text = zh
                ? "\(year)年\(sorted.count)个主体中，\(phrase.zh)\(metric.hasPrefix("indicator.") ? "最高" : "最多")的依次为：\(top.joined(separator: "、"))。"
                : "In \(year), the highest \(phrase.en) among \(sorted.count) bodies: \(top.joined(separator: ", "))."
            let uses = sorted.map { ObservationKey(entity: $0.entity, year: year, metric: metric) }
            out.append(make(dataset, .ranking, sorted[0].entity, year, metric, text, uses))
        }
        return out
    }

    var zh: Bool { language == .zh }

    func sources(_ dataset: Dataset, _ keys: [ObservationKey]) -> [String] {
        var seen = Set<String>(), out: [String] = []
        for k in keys {
            if let s = dataset.observation(k)?.source, seen.insert(s).inserted { out.append(s) }
        }
        return out
    }

    func make(_ dataset: Dataset, _ kind: Finding.Kind, _ entity: String, _ year: Int?, _ metric: String?,
              _ text: String, _ uses: [ObservationKey], magnitude: Double = 0) -> Finding {
        Finding(kind: kind, entity: entity, year: year, metric: metric, text: text, uses: uses, sources: sources(dataset, uses),
                magnitude: magnitude)
    }

    /// The weight of a move from `from` to `to`: the size of the relative change (log ratio, capped) times the
    /// order of magnitude of the numbers, so that 181 → 10,690 outranks 3 → 7 and 4 → 5.
    static func magnitude(from: Double, to: Double) -> Double {
        let a = abs(from), b = abs(to)
        guard a != b else { return 0 }
        let relative = a == 0 || b == 0 ? 2.0 : min(4, abs(log(b / a)))
        return relative * log10(10 + abs(b - a))
    }

    /// The findings for one entity.
    public func findings(_ dataset: Dataset, entity: String) -> [Finding] {
        var out: [Finding] = []
        var all: [Series] = []
        for i in dataset.seriesIndices(entity: entity) {
            let s = dataset.series(at: i).restricted(from: from, to: to)
            if !s.points.isEmpty { all.append(s) }
        }
        guard let latest = all.compactMap({ $0.points.last?.year }).max() else { return [] }
        let byMetric = Dictionary(all.map { ($0.metric, $0) }, uniquingKeysWith: { a, _ in a })

        // Headline changes of the latest year.
        for (metric, phrase) in Phrase.headline {
            guard let s = byMetric[metric], let p = s.point(in: latest) else { continue }
            if let f = changeSentence(dataset, s, p, phrase) { out.append(f) }
        }
        // Growth over the span for headline series with three or more years.
        for (metric, phrase) in Phrase.headline {
            guard let s = byMetric[metric], s.points.count >= 3, let f = trendSentence(dataset, s, phrase) else { continue }
            out.append(f)
        }
        if let f = moversSentence(dataset, all, latest) { out.append(f) }
        if let f = disclosureSentence(dataset, entity, byMetric, latest) { out.append(f) }
        for group in [ShareGroup.applicants, ShareGroup.applicationOutcomes] {
            if let f = sharesSentence(dataset, group, entity, latest) { out.append(f) }
        }
        if let f = reasonsSentence(dataset, entity, latest) { out.append(f) }
        if let f = disputesSentence(dataset, entity, latest) { out.append(f) }
        if let f = gapSentence(dataset, entity, all) { out.append(f) }
        return out
    }
}
