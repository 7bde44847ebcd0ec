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

    static let fileName = "manifest.json"

    var generator: String = ExportPlan.generator
    /// Sorted by file name.
    var files: [Entry] = []

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
        out += Self.jsonTail(empty: files.isEmpty, generator: generator)
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

    /// The bytes after the last entry: the end of the array and the generator, encoded by `JSONEncoder`.
    static func jsonTail(empty: Bool, generator: String) -> [UInt8] {
        let name = (try? entryEncoder().encode([generator])).map { bytes -> String in
            let text = String(decoding: bytes, as: UTF8.self)     // ["…"] pretty-printed: the string is its one line
            return text.split(separator: "\n").dropFirst().first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "\"\""
        } ?? "\"\""
        return Array(((empty ? "\n\n  ],\n" : "\n  ],\n") + "  \"generator\" : \(name)\n}\n").utf8)
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
