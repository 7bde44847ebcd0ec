/// The language of the words a chart generates.
public enum ChartLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    case zh, en
}
