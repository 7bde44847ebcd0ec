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

    /// The figures stated in the stream before `end` (the start of the first table).
    static func figures(_ stream: CharStream, upTo end: Int, file: String) -> [NarrativeFigure] {
        let limit = min(end, stream.count)
        let text = stream.text(0..<limit)
        let ns = text as NSString
        // UTF-16 offset → stream index, built once (regex ranges are UTF-16).
        var streamIndex: [Int32] = []
        streamIndex.reserveCapacity(ns.length + 1)
        for (i, u) in stream.scalars[0..<limit].enumerated() {
            streamIndex.append(Int32(i))
            if u.value > 0xFFFF { streamIndex.append(Int32(i)) }
        }
        streamIndex.append(Int32(limit))
        var out: [NarrativeFigure] = []
        for (topic, pattern) in patterns {
            guard let re = try? NSRegularExpression(pattern: pattern) else { continue }
            for m in re.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                guard let v = Double(ns.substring(with: m.range(at: 1))) else { continue }
                let offset = Int(streamIndex[min(m.range.location, streamIndex.count - 1)])
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
        return out
    }
}
