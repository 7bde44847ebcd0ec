import Foundation
import SeriesModel

/// Turns the bytes of a report file into a ``SourceDocument``: decoding, format detection, HTML and Markdown tables.
enum ReportDocumentReader {
    /// Reads `bytes` as the format its extension (or content) says.
    static func read(_ bytes: [UInt8], file: String) throws -> (document: SourceDocument, encoding: TextEncoding) {
        let ext = file.split(separator: ".").last.map { $0.lowercased() } ?? ""
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        let looksHTML = head.contains("<html") || head.contains("<!doctype html") || head.contains("<table")
        if ext == "html" || ext == "htm" || (ext != "md" && looksHTML) {
            let declared = declaredCharset(bytes)
            let (text, encoding) = try TextDecoding.decode(bytes, file: file, declared: declared)
            let utf8 = Array(replacingCharsetDeclarations(text).utf8)
            guard let page = HTMLReportPage(utf8: utf8) else {
                throw InputError(file: file, message: ExtractionMessages.unparsableHTML)
            }
            return (SourceDocument(format: .html, blocks: page.blocks()), encoding)
        }
        let (text, encoding) = try TextDecoding.decode(bytes, file: file)
        if ext == "md" || ext == "markdown" {
            return (SourceDocument(format: .markdown, blocks: MarkdownTables.blocks(text)), encoding)
        }
        return (SourceDocument(format: .text, blocks: lines(text)), encoding)
    }

    /// Numbered lines of a text; page-number lines (`- 4 -`, `第 4 页`) are dropped.
    static func lines(_ text: String) -> [DocumentBlock] {
        var out: [DocumentBlock] = []
        var number = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            if isPageNumber(line) { continue }
            out.append(.line(String(line), number: number))
        }
        return out
    }

    /// True for lines that hold only a page number, as PDF text tools print them.
    static func isPageNumber(_ line: Substring) -> Bool {
        let t = line.unicodeScalars.filter { !$0.properties.isWhitespace }
        guard !t.isEmpty, t.count <= 12 else { return false }
        let s = String(String.UnicodeScalarView(t))
        let dashes: Set<Character> = ["-", "—", "–", "－", "‐"]
        if let f = s.first, let l = s.last, dashes.contains(f), dashes.contains(l) {
            let mid = s.dropFirst().dropLast()
            return !mid.isEmpty && mid.allSatisfy { $0.isASCII && $0.isNumber }
        }
        if s.hasPrefix("第"), s.hasSuffix("页") {
            return s.dropFirst().dropLast().allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "共" || $0 == "页" }
        }
        return false
    }

    /// The charset an HTML page declares in its first bytes (`<meta charset=gb2312>`), if any.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let r = head.range(of: "charset=") else { return nil }
        let rest = head[r.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        return name.isEmpty ? nil : String(name)
    }

    /// The page text with its charset declarations rewritten to UTF-8 (it is handed to libxml2 as UTF-8).
    static func replacingCharsetDeclarations(_ text: String) -> String {
        guard let re = try? NSRegularExpression(pattern: "charset\\s*=\\s*[\"']?[A-Za-z0-9_-]+", options: [.caseInsensitive])
        else { return text }
        let ns = text as NSString
        return re.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: ns.length), withTemplate: "charset=utf-8")
    }
}
