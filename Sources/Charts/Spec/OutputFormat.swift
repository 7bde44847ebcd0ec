/// The file formats a chart renders to.
public enum OutputFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case png, svg, pdf

    /// The format named by a file's extension (`chart.svg` → `.svg`), or nil.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }
}
