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
    /// Numbered lines of a text (`\n`, `\r\n` or a bare `\r` end a line); page-number lines (`- 4 -`,
    /// `第 4 页`) are dropped.
    static func lines(_ text: String) -> [DocumentBlock] {
        var out: [DocumentBlock] = []
        var number = 0
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        func emit(_ end: String.UTF8View.Index) {
            number += 1
            let line = Substring(utf8[start..<end])
            if !isPageNumber(line) { out.append(.line(String(line), number: number)) }
        }
        while i != utf8.endIndex {
            let b = utf8[i]
            if b == 0x0A || b == 0x0D {
                emit(i)
                var next = utf8.index(after: i)
                if b == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                start = next
                i = next
                continue
            }
            i = utf8.index(after: i)
        }
        emit(utf8.endIndex)
        return droppingRunningHeaders(out)
    }

    /// The lines without the repeats of a running page header: a line naming the report (`…信息公开…报…`, with
    /// its year's digits) that comes back at the top of later pages, inside the tables.
    static func droppingRunningHeaders(_ blocks: [DocumentBlock]) -> [DocumentBlock] {
        var seen: Set<String> = []
        return blocks.filter { block in
            guard case let .line(text, _, _) = block, text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
                  text.contains("信息公开"), text.contains("报") else { return true }
            let key = String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
            return seen.insert(key).inserted
        }
    }

    /// True for lines that hold only a page number, as PDF text tools print them.
    static func isPageNumber(_ line: Substring) -> Bool {
        // quick rejection: page-number lines are short and hold an ASCII digit
        guard line.utf8.count <= 64, line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
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
        // `<html`, `<!doctype html` or `<table` in the first 2 KB, any case (on bytes: no string is built)
        let head = bytes.prefix(2048)
        let keys: [[UInt8]] = [Array("<html".utf8), Array("<!doctype html".utf8), Array("<table".utf8)]
        var i = head.startIndex
        while let lt = head[i...].firstIndex(of: 0x3C) {
            for k in keys where lt + k.count <= head.endIndex {
                var ok = true
                for j in 1..<k.count {
                    var b = head[lt + j]
                    if b >= 0x41 && b <= 0x5A { b += 0x20 }
                    if b != k[j] { ok = false; break }
                }
                if ok { return true }
            }
            i = lt + 1
        }
        return false
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
        // only the part of the page up to the last `charset` is rewritten (usually a few hundred bytes of <head>)
        guard let last = lastCharsetEnd(text.utf8) else { return text }
        guard let re = try? NSRegularExpression(pattern: "charset\\s*=\\s*[\"']?[A-Za-z0-9_-]+", options: [.caseInsensitive])
        else { return text }
        // the declaration's value follows `charset`: take a margin, then cut at a character boundary
        var cut = text.utf8.index(text.utf8.startIndex, offsetBy: min(text.utf8.count, last + 80))
        while cut != text.utf8.endIndex, text.utf8[cut] & 0xC0 == 0x80 { cut = text.utf8.index(after: cut) }
        let head = String(text.utf8[..<cut])!
        let ns = head as NSString
        return re.stringByReplacingMatches(in: head, range: NSRange(location: 0, length: ns.length), withTemplate: "charset=utf-8")
            + String(text.utf8[cut...])!
    }

    /// The byte offset just past the last `charset` (any case) in `utf8`, or nil.
    static func lastCharsetEnd(_ utf8: String.UTF8View) -> Int? {
        let key = Array("charset".utf8)
        var last: Int?
        var matched = 0
        for (i, b) in utf8.enumerated() {
            let l = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
            if l == key[matched] {
                matched += 1
                if matched == key.count { last = i + 1; matched = 0 }
            } else {
                matched = l == key[0] ? 1 : 0
            }
        }
        return last
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
