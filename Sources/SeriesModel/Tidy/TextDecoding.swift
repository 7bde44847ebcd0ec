import Foundation

/// The character encodings trendplot reads.
public enum TextEncoding: String, Sendable, Hashable, Codable {
    case utf8 = "UTF-8"
    case gb18030 = "GB18030"
    case utf16 = "UTF-16"
}

/// Turns file bytes into text: UTF-8 with or without BOM, GB18030 (also for GBK/GB2312 data), or UTF-16 with its
/// byte order mark (what Notepad saves as "Unicode").
///
/// ```swift
/// let (text, encoding) = try TextDecoding.decode(bytes, file: "report.txt")
/// ```
public enum TextDecoding {
    /// `String.Encoding` for GB18030 (kCFStringEncodingGB_18030_2000), a superset of GBK and GB2312.
    public static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Decodes `bytes`. UTF-16 is read when the bytes start with its byte order mark; otherwise UTF-8 is tried first
    /// (a leading BOM is dropped), then GB18030.
    /// - Parameters:
    ///   - declared: a charset the file itself declares (e.g. an HTML `<meta charset>`), if any.
    ///   - expecting: what the file should be, for the messages (`a text, HTML or Markdown report`).
    /// - Throws: ``InputError`` when the bytes are neither valid UTF-8 nor valid GB18030 (naming the byte offset and
    ///   line of the first byte that is not UTF-8), or look binary.
    public static func decode(_ bytes: [UInt8], file: String, declared: String? = nil,
                              expecting: String = "a text, HTML or Markdown report") throws -> (text: String, encoding: TextEncoding) {
        if let utf16 = try decodeUTF16(bytes, file: file) { return (utf16, .utf16) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            if looksLikeUTF16(body) {
                throw InputError(file: file, message: "the text is UTF-16 without a byte order mark: save it as UTF-8 (in Notepad: 另存为 → 编码 UTF-8) and run again")
            }
            throw InputError(file: file, place: "byte \(nul)", message: "binary data (a NUL byte): expected \(expecting)")
        }
        let gbDeclared = declared.map { isGBFamily($0) } ?? false
        if !gbDeclared, let s = String(validating: body, as: UTF8.self) {
            return (s, .utf8)
        }
        if let s = String(data: Data(body), encoding: gb18030) {
            return (s, .gb18030)
        }
        if let s = String(validating: body, as: UTF8.self) {
            return (s, .utf8)
        }
        let bad = firstInvalidUTF8(bytes)
        let line = bytes[..<bad].reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
        let cut = bad >= bytes.count - 3 && firstInvalidUTF8(Array(bytes[..<bad])) == bad
        throw InputError(file: file, place: "byte \(bad) (line \(line))",
                         message: "the bytes are neither UTF-8 nor GB18030/GBK text: the first byte that is not UTF-8 is here"
                             + (cut ? " (the file ends in the middle of a character: was the download cut short?)" : "")
                             + "; fix or re-download the file")
    }

    /// The offset of the first byte of `bytes` that does not start or continue a valid UTF-8 sequence (`bytes.count`
    /// when all are valid).
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var i = 0
        let n = bytes.count
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < n {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= n else { return i }
            let s = String(validating: bytes[i..<i + length], as: UTF8.self)
            guard s != nil else { return i }
            i += length
        }
        return n
    }

    /// The offsets of the bytes that are not UTF-8 in bytes that otherwise are (a flipped byte, a download cut in the
    /// middle of a character): nil when there are none, or too many (more than 64, or 1% of the bytes) for the text to
    /// be UTF-8 with a few damaged bytes.
    public static func damagedUTF8(_ bytes: [UInt8]) -> [Int]? {
        var bad: [Int] = []
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let limit = min(64, max(1, bytes.count / 100))
        while i < bytes.count {
            let next = firstInvalidUTF8(Array(bytes[i...]))
            if i + next >= bytes.count { break }
            bad.append(i + next)
            if bad.count > limit { return nil }
            i += next + 1
        }
        return bad.isEmpty ? nil : bad
    }

    /// `bytes` with the byte at each of `offsets` replaced by `replacement`.
    public static func replacing(_ bytes: [UInt8], at offsets: [Int], with replacement: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + offsets.count * replacement.count)
        var start = 0
        for o in offsets {
            out += bytes[start..<o]
            out += replacement
            start = o + 1
        }
        out += bytes[start...]
        return out
    }

    /// UTF-16 text that starts with its byte order mark, or nil for other bytes.
    static func decodeUTF16(_ bytes: [UInt8], file: String) throws -> String? {
        let little = bytes.starts(with: [0xFF, 0xFE]), big = bytes.starts(with: [0xFE, 0xFF])
        guard little || big else { return nil }
        guard bytes.count % 2 == 0, let s = String(data: Data(bytes.dropFirst(2)), encoding: little ? .utf16LittleEndian : .utf16BigEndian) else {
            throw InputError(file: file, message: "the text starts as UTF-16 but is not valid UTF-16: save it as UTF-8 and run again")
        }
        return s
    }

    /// True when every second byte of the first ones is NUL: ASCII text in UTF-16 without a byte order mark.
    static func looksLikeUTF16(_ body: ArraySlice<UInt8>) -> Bool {
        let head = Array(body.prefix(200))
        guard head.count >= 4 else { return false }
        let even = stride(from: 0, to: head.count, by: 2).filter { head[$0] == 0 }.count
        let odd = stride(from: 1, to: head.count, by: 2).filter { head[$0] == 0 }.count
        return max(even, odd) * 10 >= head.count / 2 * 8 && min(even, odd) * 10 <= head.count / 2
    }

    /// True for charset labels of the GB family (gb2312, gbk, gb18030, cp936, x-gbk), any case.
    public static func isGBFamily(_ label: String) -> Bool {
        let l = label.lowercased().replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "-", with: "")
        return ["gb2312", "gbk", "gb18030", "cp936", "xgbk", "euccn", "hzgb2312"].contains(l)
    }
}
