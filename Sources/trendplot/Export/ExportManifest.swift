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

    /// The manifest as pretty JSON with sorted keys (the same entries always give the same bytes): the bytes
    /// `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, plus a newline,
    /// written straight into one buffer (the encoder's intermediate tree costs several times the file's size,
    /// and the file lists every chart of an export).
    func json() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + files.count * 900)
        func raw(_ text: String) { out.append(contentsOf: text.utf8) }
        func string(_ text: String) {
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
        func key(_ name: String, _ indent: String) { raw(indent); string(name); raw(" : ") }
        raw("{\n  \"files\" : [")
        for (n, e) in files.enumerated() {
            raw(n == 0 ? "\n    {\n" : ",\n    {\n")
            let i = "      "
            key("altText", i); string(e.altText); raw(",\n")
            key("bytes", i); raw(String(e.bytes)); raw(",\n")
            if let entity = e.entity { key("entity", i); string(entity); raw(",\n") }
            key("file", i); string(e.file); raw(",\n")
            key("format", i); string(e.format); raw(",\n")
            key("inputHash", i); string(e.inputHash); raw(",\n")
            key("kind", i); string(e.kind); raw(",\n")
            key("metrics", i)
            if e.metrics.isEmpty { raw("[\n\n      ]") } else {
                raw("[\n")
                for (m, metric) in e.metrics.enumerated() { raw(m == 0 ? "        " : ",\n        "); string(metric) }
                raw("\n      ]")
            }
            raw(",\n")
            key("sha256", i); string(e.sha256); raw(",\n")
            key("title", i); string(e.title); raw("\n    }")
        }
        raw(files.isEmpty ? "\n\n  ],\n" : "\n  ],\n")
        key("generator", "  "); string(generator); raw("\n}\n")
        return out
    }
}
