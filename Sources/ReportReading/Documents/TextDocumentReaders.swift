import Foundation
import SeriesModel

/// Plain text: text pulled out of PDFs by other tools (one cell per line) and text copied from web pages (cells
/// run together). The fallback reader for anything that is not recognised otherwise.
public enum TextDocumentReader: DocumentReader {
    public static let format = ReportFormat.text
    public static let extensions = ["txt", "text"]
    public static func sniff(_ bytes: [UInt8]) -> Bool { false }

    public static func read(_ bytes: [UInt8], file: String) throws -> ReadDocument {
        let (text, encoding) = try TextDecoding.decode(bytes, file: file)
        // a converter's Markdown saved as .txt (OCR tools): read its pipe tables as tables
        if MarkdownTables.looksLikeMarkdown(text) {
            return ReadDocument(SourceDocument(format: .markdown, blocks: MarkdownTables.blocks(text)), encoding: encoding.rawValue)
        }
        return ReadDocument(SourceDocument(format: .text, blocks: lines(text)), encoding: encoding.rawValue)
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
}

/// HTML pages (libxml2's HTML parser; rowspan/colspan expanded into grids), in UTF-8 or the charset the page
/// declares (GB18030/GBK/GB2312). A `.txt` file whose first bytes are HTML is read as HTML too.
public enum HTMLDocumentReader: DocumentReader {
    public static let format = ReportFormat.html
    public static let extensions = ["html", "htm", "xhtml"]

    public static func sniff(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<table")
    }

    /// HTML by extension, or by content unless the extension says Markdown.
    public static func matches(_ bytes: [UInt8], extension ext: String) -> Bool {
        extensions.contains(ext) || (!MarkdownDocumentReader.extensions.contains(ext) && sniff(bytes))
    }

    public static func read(_ bytes: [UInt8], file: String) throws -> ReadDocument {
        let declared = declaredCharset(bytes)
        let (text, encoding) = try TextDecoding.decode(bytes, file: file, declared: declared)
        let utf8 = Array(replacingCharsetDeclarations(text).utf8)
        guard let page = HTMLReportPage(utf8: utf8) else {
            throw InputError(file: file, message: ExtractionMessages.unparsableHTML)
        }
        return ReadDocument(SourceDocument(format: .html, blocks: page.blocks()), encoding: encoding.rawValue)
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

/// Markdown with pipe tables (what PDF converters and OCR tools often write).
public enum MarkdownDocumentReader: DocumentReader {
    public static let format = ReportFormat.markdown
    public static let extensions = ["md", "markdown"]
    public static func sniff(_ bytes: [UInt8]) -> Bool { false }

    public static func read(_ bytes: [UInt8], file: String) throws -> ReadDocument {
        let (text, encoding) = try TextDecoding.decode(bytes, file: file)
        return ReadDocument(SourceDocument(format: .markdown, blocks: MarkdownTables.blocks(text)), encoding: encoding.rawValue)
    }
}
