/// A description of a chart for screen readers: a short title and a longer description.
public struct AltText: Sendable, Hashable, Codable {
    /// One line: what is shown.
    public var title: String
    /// Range, trend and notable points in sentences.
    public var description: String

    public init(title: String, description: String) { self.title = title; self.description = description }

    /// Title and description as one paragraph.
    public var text: String { description.isEmpty ? title : title + "\n" + description }
}
