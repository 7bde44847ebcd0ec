import Charts
import Foundation
import ReportReading
import SeriesModel

/// `manifest.json` of an export folder: one entry per file, enough to skip unchanged charts on the next run.
///
/// ```json
/// {"files": [{"altText": "折线图：…", "bytes": 61234, "entity": null, "file": "metric_licensing.items.png",
///             "format": "png", "inputHash": "…", "kind": "line", "metrics": ["licensing.items"],
///             "sha256": "…", "title": "行政许可·项目数量"}], "generator": "trendplot-export/1"}
/// ```
package struct ExportManifest: Codable, Equatable, Sendable {
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

    /// Metrics or views of the data that no chart draws, with the reason: each listed once (zero in every year,
    /// drawn per metric only, one year with too few values).
    struct Omission: Codable, Equatable, Sendable {
        /// The body, or nil for a metric left out of the per-metric charts.
        var entity: String?
        /// The view not drawn, or nil when only metrics are left out.
        var chart: String?
        /// Why, in words.
        var reason: String
        var metrics: [String]
    }

    static let fileName = "manifest.json"

    var generator: String = ExportPlan.generator
    /// Sorted by file name.
    var files: [Entry] = []
    /// In plan order (bodies, then views); empty when every metric is drawn.
    var omitted: [Omission] = []

    init(generator: String = ExportPlan.generator, files: [Entry] = [], omitted: [Omission] = []) {
        self.generator = generator; self.files = files; self.omitted = omitted
    }

    private enum CodingKeys: String, CodingKey { case generator, files, omitted }

    /// Reads a manifest; one written before omissions were listed has none.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        generator = try c.decode(String.self, forKey: .generator)
        files = try c.decode([Entry].self, forKey: .files)
        omitted = try c.decodeIfPresent([Omission].self, forKey: .omitted) ?? []
    }

    /// The manifest in `directory`, or nil when there is none or it cannot be read (then every chart is redrawn).
    static func read(from directory: String) -> ExportManifest? {
        guard let data = FileManager.default.contents(atPath: directory + "/" + fileName) else { return nil }
        return try? JSONDecoder().decode(ExportManifest.self, from: data)
    }

    /// The manifest as pretty JSON with sorted keys (the same entries always give the same bytes): what
    /// `JSONEncoder` writes for the whole manifest, plus a newline. ``ExportRunner`` streams the same pieces to the
    /// file, one entry at a time, so the manifest of 10,000 files is never encoded as one tree.
    func json() -> [UInt8] {
        var out = Self.jsonHead
        let encoder = Self.entryEncoder()
        for (n, entry) in files.enumerated() { Self.appendJSON(entry, first: n == 0, encoder: encoder, to: &out) }
        out += Self.jsonTail(empty: files.isEmpty, generator: generator, omitted: omitted)
        return out
    }

    /// The encoder of one entry: the options of the whole file.
    static func entryEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The bytes before the first entry.
    static let jsonHead = Array("{\n  \"files\" : [".utf8)

    /// The bytes after the last entry: the end of the array, the generator and the omissions, as `JSONEncoder`
    /// writes them (the keys after `files` of a manifest without files, whose start is fixed).
    static func jsonTail(empty: Bool, generator: String, omitted: [Omission]) -> [UInt8] {
        let start = "{\n  \"files\" : [\n\n  ],\n"
        let whole = (try? entryEncoder().encode(ExportManifest(generator: generator, omitted: omitted)))
            .map { String(decoding: $0, as: UTF8.self) } ?? ""
        let rest = whole.hasPrefix(start) ? String(whole.dropFirst(start.count)) : "  \"generator\" : \"\"\n}"
        return Array(((empty ? "\n\n  ],\n" : "\n  ],\n") + rest + "\n").utf8)
    }

    /// One entry of the `files` array, with the separator before it: `JSONEncoder`'s bytes of the entry, indented
    /// to the depth it has in the file.
    static func appendJSON(_ e: Entry, first: Bool, encoder: JSONEncoder, to out: inout [UInt8]) {
        out.append(contentsOf: (first ? "\n" : ",\n").utf8)
        guard let bytes = try? encoder.encode(e) else { return }
        var lineStart = true
        for b in bytes {
            if lineStart && b != 0x0A { out.append(contentsOf: "    ".utf8) }    // empty lines stay empty
            out.append(b)
            lineStart = b == 0x0A
        }
    }

}
