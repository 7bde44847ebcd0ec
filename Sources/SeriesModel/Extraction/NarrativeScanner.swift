import Foundation

/// Finds figures in the running text that the tables also hold, for the narrative check (identity 6).
enum NarrativeScanner {
    /// (topic, pattern with the number as group 1).
    static let patterns: [(topic: String, pattern: String)] = [
        ("normative_docs", "(?:公开|发布|制发|印发|出台)[^。；，,]{0,8}?(?:行政)?规范性文件(\\d+)(?:件|个|份)"),
        ("applications", "(?:受理|收到|接收|新收)[^。；，,\\d]{0,12}?申请(\\d+)件"),
        ("applications", "(?:受理|收到|接收|新收)(?:各类)?(\\d+)件(?:政府信息公开|依申请公开)?申请"),
    ]

    static func figures(_ stream: CharStream, upTo end: Int, file: String) -> [NarrativeFigure] {
        let text = stream.text(0..<min(end, stream.count))
        var out: [NarrativeFigure] = []
        for (topic, pattern) in patterns {
            guard let re = try? NSRegularExpression(pattern: pattern) else { continue }
            for m in re.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let whole = Range(m.range, in: text), let g = Range(m.range(at: 1), in: text),
                      let v = Double(text[g]) else { continue }
                let offset = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: whole.lowerBound)
                var place = "\(file)#text"
                if offset < stream.count, case let .line(n) = stream.place(at: offset), n > 0 { place = "\(file):\(n)" }
                out.append(NarrativeFigure(topic: topic, value: v, quote: String(text[whole]), source: place))
            }
        }
        return out
    }
}
