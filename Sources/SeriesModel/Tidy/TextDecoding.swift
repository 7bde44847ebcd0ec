import Foundation

/// The character encodings trendplot reads.
public enum TextEncoding: String, Sendable, Hashable, Codable {
    case utf8 = "UTF-8"
    case gb18030 = "GB18030"
}

/// Turns file bytes into text: UTF-8 with or without BOM, or GB18030 (also for GBK/GB2312 data).
///
/// ```swift
/// let (text, encoding) = try TextDecoding.decode(bytes, file: "report.txt")
/// ```
public enum TextDecoding {
    /// `String.Encoding` for GB18030 (kCFStringEncodingGB_18030_2000), a superset of GBK and GB2312.
    public static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Decodes `bytes`. UTF-8 is tried first (a leading BOM is dropped); then GB18030.
    /// - Parameter declared: a charset the file itself declares (e.g. an HTML `<meta charset>`), if any.
    /// - Throws: ``InputError`` when the bytes are neither valid UTF-8 nor valid GB18030, or look binary.
    public static func decode(_ bytes: [UInt8], file: String, declared: String? = nil) throws -> (text: String, encoding: TextEncoding) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            throw InputError(file: file, place: "byte \(nul)", message: "binary data (a NUL byte): expected a text, HTML or Markdown report")
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
        throw InputError(file: file, message: "the bytes are neither UTF-8 nor GB18030/GBK text")
    }

    /// True for charset labels of the GB family (gb2312, gbk, gb18030, cp936, x-gbk), any case.
    public static func isGBFamily(_ label: String) -> Bool {
        let l = label.lowercased().replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "-", with: "")
        return ["gb2312", "gbk", "gb18030", "cp936", "xgbk", "euccn", "hzgb2312"].contains(l)
    }
}
