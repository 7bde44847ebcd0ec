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
}
