/// One key-findings sentence, with the observations and sources it rests on.
///
/// ```swift
/// let f = Findings(language: .zh).generate(dataset).first!
/// f.text      // "2020年行政许可事项4794项，较上年减少640项（-11.8%）。"
/// f.uses      // [牡丹江市人民政府 2019 licensing.items, 牡丹江市人民政府 2020 licensing.items]
/// f.sources   // ["mudanjiang_2020.txt:259"]
/// ```
public struct Finding: Sendable, Hashable, Codable {
    /// What the sentence is about.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A year-over-year change of a headline figure.
        case change
        /// Growth over the whole span.
        case trend
        /// The largest relative movers of the latest year.
        case movers
        /// The disclosure rate.
        case disclosure
        /// Shares of a total (applicants, outcomes).
        case shares
        /// Reviews and lawsuits.
        case disputes
        /// The main reasons for denying or not providing information.
        case reasons
        /// Years without data.
        case gap
        /// How the bodies rank against each other.
        case ranking
    }

    /// What the sentence is about.
    public var kind: Kind
    /// The body.
    public var entity: String
    /// The year the sentence is about (the later year of a span), if one.
    public var year: Int?
    /// The main metric, if one.
    public var metric: String?
    /// The sentence.
    public var text: String
    /// The observations whose values the sentence quotes or uses.
    public var uses: [ObservationKey]
    /// The distinct sources of those observations, in order.
    public var sources: [String]
    /// How much the sentence matters, for ranking the key conclusions of a briefing: larger = bigger news
    /// (a relative change weighted by the size of the numbers; 0 for notes). Not encoded.
    public var magnitude: Double = 0

    private enum CodingKeys: String, CodingKey { case kind, entity, year, metric, text, uses, sources }

    /// The part of the report template a sentence belongs to, in the order a briefing groups them.
    public enum Topic: Int, Sendable, Hashable, CaseIterable, Comparable {
        /// 依申请公开: requests, outcomes, the disclosure rate, reasons.
        case applications
        /// 行政复议和行政诉讼.
        case disputes
        /// 主动公开: licensing, penalties, coercion, fees, procurement.
        case proactive
        /// 规范性文件.
        case normativeDocuments
        /// Comparisons between bodies.
        case comparison
        /// Notes on the data (gap years), not findings.
        case dataNote

        public static func < (a: Topic, b: Topic) -> Bool { a.rawValue < b.rawValue }

        /// The heading of the group: `申请办理`.
        public func title(_ language: Language) -> String {
            let zh = language == .zh
            switch self {
            case .applications: return zh ? "依申请公开办理" : "Information requests"
            case .disputes: return zh ? "行政复议和行政诉讼" : "Reviews and lawsuits"
            case .proactive: return zh ? "主动公开与行政执法" : "Proactive disclosure and enforcement"
            case .normativeDocuments: return zh ? "规范性文件" : "Normative documents"
            case .comparison: return zh ? "各单位比较" : "Comparison of the bodies"
            case .dataNote: return zh ? "数据说明" : "Notes on the data"
            }
        }

        /// The topic of a metric id.
        public static func of(metric: String) -> Topic {
            if metric.hasPrefix("applications.") || metric == "indicator.disclosure_rate" { return .applications }
            if metric.hasPrefix("review.") || metric.hasPrefix("litigation") || metric.hasPrefix("indicator.review")
                || metric.hasPrefix("indicator.disputes") { return .disputes }
            if metric.hasPrefix("normative_docs.") || metric.hasPrefix("regulations.") { return .normativeDocuments }
            return .proactive
        }
    }

    /// The template section the sentence belongs to.
    public var topic: Topic {
        switch kind {
        case .gap: return .dataNote
        case .ranking: return .comparison
        case .disclosure, .shares, .reasons: return .applications
        case .disputes: return .disputes
        case .change, .trend, .movers: return metric.map { Topic.of(metric: $0) } ?? .proactive
        }
    }
}
