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

    /// The manifest as pretty JSON with sorted keys (the same entries always give the same bytes): the bytes
    /// `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, plus a newline,
    /// written without the encoder's intermediate tree. ``ExportRunner`` streams the same pieces to the file.
    func json() -> [UInt8] {
        var out = Self.jsonHead
        for (n, entry) in files.enumerated() { Self.appendJSON(entry, first: n == 0, to: &out) }
        out += Self.jsonTail(empty: files.isEmpty, generator: generator)
        return out
    }

    /// The bytes before the first entry.
    static let jsonHead = Array("{\n  \"files\" : [".utf8)

    /// The bytes after the last entry.
    static func jsonTail(empty: Bool, generator: String) -> [UInt8] {
        var out = Array((empty ? "\n\n  ],\n" : "\n  ],\n").utf8)
        appendKey("generator", "  ", to: &out)
        appendString(generator, to: &out)
        out += Array("\n}\n".utf8)
        return out
    }

    /// One entry of the `files` array, with the separator before it.
    static func appendJSON(_ e: Entry, first: Bool, to out: inout [UInt8]) {
        func raw(_ text: String) { out.append(contentsOf: text.utf8) }
        func field(_ name: String, _ value: String, last: Bool = false) {
            appendKey(name, "      ", to: &out)
            appendString(value, to: &out)
            raw(last ? "\n    }" : ",\n")
        }
        raw(first ? "\n    {\n" : ",\n    {\n")
        field("altText", e.altText)
        appendKey("bytes", "      ", to: &out)
        raw(String(e.bytes) + ",\n")
        if let entity = e.entity { field("entity", entity) }
        field("file", e.file)
        field("format", e.format)
        field("inputHash", e.inputHash)
        field("kind", e.kind)
        appendKey("metrics", "      ", to: &out)
        if e.metrics.isEmpty { raw("[\n\n      ]") } else {
            raw("[\n")
            for (m, metric) in e.metrics.enumerated() {
                raw(m == 0 ? "        " : ",\n        ")
                appendString(metric, to: &out)
            }
            raw("\n      ]")
        }
        raw(",\n")
        field("sha256", e.sha256)
        field("title", e.title, last: true)
    }

    private static func appendKey(_ name: String, _ indent: String, to out: inout [UInt8]) {
        out.append(contentsOf: indent.utf8)
        appendString(name, to: &out)
        out.append(contentsOf: " : ".utf8)
    }

    /// A JSON string as `JSONEncoder` escapes it (slashes kept).
    private static func appendString(_ text: String, to out: inout [UInt8]) {
        func raw(_ text: String) { out.append(contentsOf: text.utf8) }
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            case 0..<0x20: raw("\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16))
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
