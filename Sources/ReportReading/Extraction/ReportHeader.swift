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

    // The title's endings: (政府信息公开|政务公开|信息公开)(工作)?(年度)?报 — `政府信息公开工作年度报告`, `…年度报告`,
    // `…工作报告`, `…报告`, or cut by a site (`…工作年度报`).

    /// The years a report can describe: the regulations' reports began in 2008; nothing later than next year.
    static let plausibleYears: ClosedRange<Int> = 2008...(Calendar(identifier: .gregorian).component(.year, from: Date()) + 1)

    /// The body and year from the title, and the year of the statistics period (`统计期限自2021年1月1日`).
    ///
    /// Titles put the year before the ending (`牡丹江市人民政府2020年政府信息公开工作年度报告`, `…2020年度…`,
    /// `…二〇二〇年…`) or before the body (`2019年上海市人民政府办公厅政府信息公开工作年度报告`); the body may be
    /// on the line before the year. Digits inside a name are kept (`测试01县人民政府`); years outside
    /// ``plausibleYears`` are not taken.
    static func titleAndPeriod(_ stream: CharStream) -> (entity: String?, titleYear: Int?, periodYear: Int?) {
        let limit = min(stream.count, 6000)
        let scalars = stream.scalars
        var entity: String?
        var titleYear: Int?
        for start in titleEndings(stream, upTo: limit) {
            var p = start
            var year: Int?
            if let (y, ys) = yearEnding(before: p, scalars: scalars) {
                year = y
                p = ys
            }
            guard var name = segment(endingAt: p, scalars: scalars, stream: stream) else { continue }
            if year == nil, let (y, rest) = leadingYear(name) {
                year = y
                name = rest
            }
            if let y = year, !plausibleYears.contains(y) { year = nil }
            if titleYear == nil { titleYear = year }
            if let e = cleanName(name) {
                entity = e
                if year != nil { titleYear = year }
                break
            }
        }
        return (entity, titleYear, periodYear(stream, upTo: min(stream.count, 20000)))
    }

    private static let endingHeads = ["政府信息公开", "政务公开", "信息公开"].map(CharStream.normalized)
    private static let work = CharStream.normalized("工作"), annual = CharStream.normalized("年度")

    /// Where each title ending starts before `limit`, in order, not overlapping.
    static func titleEndings(_ stream: CharStream, upTo limit: Int) -> [Int] {
        var out: [Int] = []
        var i = 0
        while i < limit {
            var matched: Int?
            for head in endingHeads where stream.matches(head, at: i) {
                var j = i + head.count
                if stream.matches(work, at: j) { j += work.count }
                if stream.matches(annual, at: j) { j += annual.count }
                if j < stream.count, stream.scalars[j] == "报" { matched = j + 1 }
                break
            }
            if let end = matched {
                out.append(i)
                i = end
            } else {
                i += 1
            }
        }
        return out
    }

    private static let periodWords = ["统计", "期限", "时间", "期间"].map(CharStream.normalized)

    /// The year of the statistics period: `(统计|期限|时间|期间)`, at most 12 characters without `。`, then
    /// `自`? `YYYY年1月1日` (or `01月01日`).
    static func periodYear(_ stream: CharStream, upTo limit: Int) -> Int? {
        let s = stream.scalars
        var i = 4
        while i < limit {
            defer { i += 1 }
            guard s[i] == "年" else { continue }
            var j = i + 1
            if j < limit, s[j] == "0" { j += 1 }
            guard j + 3 < limit, s[j] == "1", s[j + 1] == "月" else { continue }
            j += 2
            if s[j] == "0" { j += 1 }
            guard j + 1 < limit, s[j] == "1", s[j + 1] == "日" else { continue }
            let d = i - 4
            guard (d..<i).allSatisfy({ NumberScanner.isDigit(s[$0]) }) else { continue }
            // a period word ending at most 13 characters before the year, with no 。 between
            var e = d
            var found = false
            while e >= 0 && d - e <= 13 {
                if e < d && s[e] == "。" { break }
                if periodWords.contains(where: { e >= $0.count && stream.matches($0, at: e - $0.count) }) { found = true; break }
                e -= 1
            }
            guard found else { continue }
            let y = (d..<i).reduce(0) { $0 * 10 + Int(s[$1].value - 0x30) }
            if plausibleYears.contains(y) { return y }
        }
        return nil
    }

    private static let stops: Set<Unicode.Scalar> = [":", "：", "_", "|", "》", "《", "，", "。", "、", ">", "-", "—", "#", "*", "【", "】", "[", "]"]
    /// Digits of a year as printed or misread by OCR: Chinese numerals, and the letters OCR reads for 0 and 1.
    private static let chineseDigits: [Unicode.Scalar: Int] = ["〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "o": 0, "一": 1, "二": 2, "三": 3,
                                                                 "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
                                                                 "l": 1, "I": 1, "丨": 1]

    /// The year printed right before `index` as `2020年`, `2020年度` or `二〇二〇年`: its value and start.
    static func yearEnding(before index: Int, scalars: [Unicode.Scalar]) -> (Int, Int)? {
        var i = index
        if i > 0, scalars[i - 1] == "度" { i -= 1 }
        guard i > 0, scalars[i - 1] == "年" else { return nil }
        i -= 1
        guard i >= 4 else { return nil }
        var value = 0
        for k in (i - 4)..<i {
            let c = scalars[k]
            if NumberScanner.isDigit(c) { value = value * 10 + Int(c.value - 0x30) } else if let d = chineseDigits[c] {
                value = value * 10 + d
            } else { return nil }
        }
        if i - 5 >= 0, NumberScanner.isDigit(scalars[i - 5]) { return nil }
        return (value, i - 4)
    }

    /// A year that starts a name (`2019年上海市…`, `2020年度…`, `二〇二〇年…`) and the rest of the name.
    static func leadingYear(_ name: String) -> (Int, String)? {
        let u = Array(name.unicodeScalars)
        guard u.count > 5 else { return nil }
        var value = 0
        for k in 0..<4 {
            if NumberScanner.isDigit(u[k]) { value = value * 10 + Int(u[k].value - 0x30) } else if let d = chineseDigits[u[k]] {
                value = value * 10 + d
            } else { return nil }
        }
        guard u[4] == "年" else { return nil }
        var rest = 5
        if rest < u.count, u[rest] == "度" { rest += 1 }
        return (value, String(String.UnicodeScalarView(u[rest...])))
    }

    /// The text before `end` back to the line or cell boundary (or a punctuation stop) where it starts. When the
    /// year starts its own line (`牡丹江市人民政府` / `2020 年…`), that is the previous line.
    static func segment(endingAt end: Int, scalars: [Unicode.Scalar], stream: CharStream) -> String? {
        var i = end
        while i > 0 {
            let c = scalars[i - 1]
            if stops.contains(c) { break }
            i -= 1
            if stream.boundary[i] { break }
        }
        if i > 0, scalars[i - 1] == "《" { return nil }
        return String(String.UnicodeScalarView(scalars[i..<end]))
    }

    /// A body's name from a title segment: after `关于`, without leading digits or signs; nil unless it is
    /// 2–40 characters with a Chinese character first.
    static func cleanName(_ segment: String) -> String? {
        var name = Substring(segment)
        if let r = name.range(of: "关于", options: .backwards) { name = name[r.upperBound...] }
        name = name.drop { c in !c.unicodeScalars.allSatisfy { $0.value >= 0x3400 && $0.value <= 0x9FFF } }
        for suffix in ["的", "本级"] where name.hasSuffix(suffix) { name = name.dropLast(suffix.count) }
        let n = name.unicodeScalars.count
        guard n >= 2, n <= 40, !["中华人民共和国", "本机关", "我单位", "我局", "我厅", "我委", "我办"].contains(String(name)) else { return nil }
        return EntityName.normalize(String(name))
    }
}
