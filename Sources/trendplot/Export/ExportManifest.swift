import Foundation

/// `manifest.json` of an export folder: one entry per file, enough to skip unchanged charts on the next run.
///
/// ```json
/// {"files": [{"altText": "折线图：…", "bytes": 61234, "entity": null, "file": "metric_licensing.items.png",
///             "format": "png", "inputHash": "…", "kind": "line", "metrics": ["licensing.items"],
///             "sha256": "…", "title": "行政许可·项目数量"}], "generator": "trendplot-export/1"}
/// ```
struct ExportManifest: Codable, Equatable, Sendable {
    struct Entry: Codable, Equatable, Sendable {
        /// The file name inside the export folder.
        var file: String
        var metrics: [String]
        /// The body, or nil for a chart comparing every body.
        var entity: String?
        var kind: String
        var format: String
        /// ``ExportFile/inputHash``: SHA-256 of the generator version, format and spec.
        var inputHash: String
        /// SHA-256 of the file's bytes.
        var sha256: String
        var bytes: Int
        var title: String
        var altText: String
    }

    static let fileName = "manifest.json"

    var generator: String = ExportPlan.generator
    /// Sorted by file name.
    var files: [Entry] = []

    /// The manifest in `directory`, or nil when there is none or it cannot be read (then every chart is redrawn).
    static func read(from directory: String) -> ExportManifest? {
        guard let data = FileManager.default.contents(atPath: directory + "/" + fileName) else { return nil }
        return try? JSONDecoder().decode(ExportManifest.self, from: data)
    }

    /// The manifest as pretty JSON with sorted keys (the same entries always give the same bytes).
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
