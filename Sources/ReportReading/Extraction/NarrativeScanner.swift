import Foundation
import SeriesModel

/// Finds figures in the running text that the tables also hold, for the narrative check (identity 6).
enum NarrativeScanner {
    /// (topic, pattern with the number as group 1), matched on the normalised text (no whitespace).
    static let patterns: [(topic: String, pattern: String)] = [
        ("normative_docs", "(?:公开|发布|制发|印发|出台)[^。；，,]{0,8}?(?:行政)?规范性文件(\\d+)(?:件|个|份)"),
        ("applications", "(?:受理|收到|接收|新收)[^。；，,\\d]{0,12}?申请(\\d+)件"),
        ("applications", "(?:受理|收到|接收|新收)(?:各类)?(\\d+)件(?:政府信息公开|依申请公开)?申请"),
    ]

    /// The patterns, compiled once.
    private static let compiled: [(topic: String, re: NSRegularExpression)] = patterns.compactMap { p in
        (try? NSRegularExpression(pattern: p.pattern)).map { (p.topic, $0) }
    }

    private static let keys = ["规范性文件", "申请"].map(CharStream.normalized)

    /// The figures stated in the stream before `end` (the start of the first table). Only sentences (up to `。`)
    /// that hold a count (`12件`) and one of the topics' words are handed to the patterns.
    static func figures(_ stream: CharStream, upTo end: Int, file: String) -> [NarrativeFigure] {
        let limit = min(end, stream.count)
        let s = stream.scalars
        var sentences: [Range<Int>] = []
        var start = 0
        var hasCount = false
        for i in 0...limit {
            if i == limit || s[i] == "。" {
                if hasCount, keys.contains(where: { stream.find($0, from: start, to: i) != nil }) { sentences.append(start..<i) }
                start = i + 1
                hasCount = false
                continue
            }
            if i > start, s[i] == "件" || s[i] == "个" || s[i] == "份", NumberScanner.isDigit(s[i - 1]) { hasCount = true }
        }
        var out: [NarrativeFigure] = []
        for (topic, re) in compiled {
            for sentence in sentences {
                let text = stream.text(sentence)
                let ns = text as NSString
                for m in re.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                    guard let v = Double(ns.substring(with: m.range(at: 1))) else { continue }
                    // UTF-16 offset → stream index
                    let prefix = ns.substring(to: m.range.location)
                    let offset = sentence.lowerBound + prefix.unicodeScalars.count
                    var place = "\(file)#text"
                    if offset < stream.count {
                        switch stream.place(at: offset) {
                        case let .line(n) where n > 0: place = SourceRef(file: file, location: .line(n)).description
                        case let .pageLine(p, n): place = SourceRef(file: file, location: .pageLine(page: p, line: n)).description
                        default: break
                        }
                    }
                    out.append(NarrativeFigure(topic: topic, value: v, quote: ns.substring(with: m.range), source: place))
                }
            }
        }
        return out
    }
}
