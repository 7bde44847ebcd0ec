import Foundation
import SeriesModel

/// Finds the template, the body and the year of a report from its labels, title and statistics period.
enum ReportHeader {
    static let markers2019 = ["本年新制作数量", "上一年项目数量", "政府集中采购", "本年新公开数量", "对外公开总数量"].map(CharStream.normalized)
    static let markers2021 = ["本年制发件数", "本年收费金额", "逾期不补正", "现行有效件数", "本年废止件数", "逾期未按收费通知"].map(CharStream.normalized)

    /// The template whose labels the stream holds more of, or nil when neither (or both equally).
    static func template(_ stream: CharStream) -> TemplateVersion? {
        let a = markers2019.filter { stream.find($0, from: 0) != nil }.count
        let b = markers2021.filter { stream.find($0, from: 0) != nil }.count
        if a == b { return nil }
        return a > b ? .v2019 : .v2021
    }

    /// The body and year from the title (`牡丹江市人民政府` / `2020年政府信息公开工作年度报告`), and the year of
    /// the statistics period (`统计期限自2021年1月1日`).
    static func titleAndPeriod(_ stream: CharStream) -> (entity: String?, titleYear: Int?, periodYear: Int?) {
        let limit = min(stream.count, 6000)
        let head = stream.text(0..<limit)
        let scalars = Array(head.unicodeScalars)
        var entity: String?
        var titleYear: Int?
        if let m = firstMatch("(\\d{4})年度?(?:政府信息公开|政务公开|信息公开)(?:工作)?年度?报告", in: head) {
            titleYear = Int(m.groups[0])
            let yearStart = m.scalarStart
            entity = entityBefore(yearStart, scalars: scalars, stream: stream)
        }
        if entity == nil, let m = firstMatch("(?:政府信息公开|政务公开)(?:工作)?年度?报告", in: head) {
            var start = m.scalarStart
            while start > 0, !NumberScanner.isDigit(scalars[start - 1]), "〇零一二三四五六七八九十年度".unicodeScalars.contains(scalars[start - 1]) {
                start -= 1
            }
            entity = entityBefore(start, scalars: scalars, stream: stream)
        }
        var periodYear: Int?
        if let m = firstMatch("(?:统计|期限|时间|期间)[^。]{0,12}?自?(\\d{4})年0?1月0?1日", in: stream.text(0..<min(stream.count, 20000))) {
            periodYear = Int(m.groups[0])
        }
        return (entity, titleYear, periodYear)
    }

    private static let stops: Set<Unicode.Scalar> = [":", "：", "_", "|", "》", "《", "，", "。", "、", ">", "-", "—"]

    /// The name printed before the year, back to the line or cell boundary where it starts. When the year starts
    /// its own line (`牡丹江市人民政府` / `2020 年…`), that is the previous line.
    static func entityBefore(_ index: Int, scalars: [Unicode.Scalar], stream: CharStream) -> String? {
        func segment(endingAt end: Int) -> String {
            var i = end
            while i > 0 {
                let c = scalars[i - 1]
                if stops.contains(c) || NumberScanner.isDigit(c) { break }
                i -= 1
                if stream.boundary[i] { break }
            }
            return String(String.UnicodeScalarView(scalars[i..<end]))
        }
        let name = segment(endingAt: index)
        let cleaned = name.replacingOccurrences(of: "关于", with: "")
        guard cleaned.unicodeScalars.count >= 2, cleaned.unicodeScalars.count <= 40,
              cleaned.unicodeScalars.contains(where: { $0.value >= 0x4E00 && $0.value <= 0x9FFF }) else { return nil }
        return EntityName.normalize(cleaned)
    }

    struct Match {
        var groups: [String]
        var scalarStart: Int
    }

    /// The first match of `pattern` in `text`, with its start as a Unicode-scalar offset.
    static func firstMatch(_ pattern: String, in text: String) -> Match? {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return nil }
        let ns = NSRange(text.startIndex..., in: text)
        guard let m = re.firstMatch(in: text, range: ns), let whole = Range(m.range, in: text) else { return nil }
        var groups: [String] = []
        for g in 1..<m.numberOfRanges {
            if let r = Range(m.range(at: g), in: text) { groups.append(String(text[r])) } else { groups.append("") }
        }
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: whole.lowerBound)
        return Match(groups: groups, scalarStart: start)
    }
}
