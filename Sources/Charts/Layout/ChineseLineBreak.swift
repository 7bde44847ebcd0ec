/// Line breaking for Chinese text (避头尾), as chart titles, captions and findings need it.
///
/// - No line starts with closing punctuation (、，。；：！？）》」』’”·% …) and none ends with an opening one (（《「‘“).
/// - A number and its unit stay together: `2019年`, `2019—2022年`, `32件`, `+2.1个百分点`, `1.07万件`, `12.5%`.
/// - Latin words are not split.
/// - The last line never holds only one or two characters (punctuation not counted) when a line before it can give.
/// - `balanced`: the fewest lines that fit, made as even as possible, preferring breaks after 、，；.
///
/// ```swift
/// let lines = ChineseLineBreak.lines("行政许可、行政处罚和行政强制决定数量", maxWidth: 200, balanced: true) {
///     Double($0.count) * 20
/// }
/// // ["行政许可、行政处罚", "和行政强制决定数量"]
/// ```
public enum ChineseLineBreak {
    /// `text` broken into lines no wider than `maxWidth` (as `measure` reports) where that is possible; a piece
    /// that cannot be broken (a number with its unit, a Latin word) wider than `maxWidth` gets a line of its own.
    /// Explicit newlines are kept as paragraph breaks.
    public static func lines(_ text: String, maxWidth: Double, balanced: Bool,
                             measure: (String) -> Double) -> [String] {
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            out += breakParagraph(String(paragraph), maxWidth: maxWidth, balanced: balanced, measure: measure)
        }
        return out
    }

    // MARK: Character classes

    /// Characters that must not begin a line.
    static let noLineStart: Set<Character> = Set("、，。；：！？）》」』’”·・%％‰…—–〕】〉﹚｝]},.;:!?)'\"ー～〜")
    /// Characters that must not end a line.
    static let noLineEnd: Set<Character> = Set("（《「『‘“〔【〈﹙｛([{")
    /// Preferred places to break after in balanced lines.
    static let preferredBreakAfter: Set<Character> = Set("、，；。：！？")
    /// Units that stay with the number before them, longest first.
    static let units: [String] = [
        "个百分点", "百分点", "万亿元", "万亿", "亿元", "万元", "万件", "亿件", "万人", "万次", "万项", "万个",
        "年度", "周岁", "万", "亿", "年", "月", "日", "号", "件", "项", "个", "次", "人", "家", "条", "份", "天", "倍",
        "元", "页", "届", "岁", "名", "起", "宗", "批", "期", "位", "分", "%", "％", "‰",
    ]

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber || ("０"..."９").contains(c) }
    private static func isLatin(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }

    // MARK: Pieces

    /// Splits `text` into pieces that no break may fall inside.
    static func pieces(_ text: String) -> [String] {
        let chars = Array(text)
        var atoms: [String] = []
        var i = 0
        while i < chars.count {
            let start = i
            if let end = numberEnd(chars, from: i) {
                i = end
                for unit in units {
                    let u = Array(unit)
                    if i + u.count <= chars.count && Array(chars[i..<(i + u.count)]) == u { i += u.count; break }
                }
            } else if isLatin(chars[i]) {
                while i < chars.count && (isLatin(chars[i]) || (chars[i] == "-" || chars[i] == "'") && i + 1 < chars.count && isLatin(chars[i + 1])) { i += 1 }
            } else if chars[i] == " " {
                while i < chars.count && chars[i] == " " { i += 1 }
            } else if chars[i] == "—" || chars[i] == "…" {
                // A doubled dash or ellipsis is one mark.
                let c = chars[i]
                while i < chars.count && chars[i] == c { i += 1 }
            } else {
                i += 1
            }
            atoms.append(String(chars[start..<i]))
        }
        // Glue: closing marks to the piece before, opening marks to the piece after.
        var glued: [String] = []
        var pendingOpen = ""
        for atom in atoms {
            guard let first = atom.first else { continue }
            if !glued.isEmpty && pendingOpen.isEmpty && noLineStart.contains(first) {
                glued[glued.count - 1] += atom
            } else if atom.count == 1 && noLineEnd.contains(first) {
                pendingOpen += atom
            } else {
                glued.append(pendingOpen + atom)
                pendingOpen = ""
            }
        }
        if !pendingOpen.isEmpty {
            if glued.isEmpty { glued.append(pendingOpen) } else { glued[glued.count - 1] += pendingOpen }
        }
        return glued
    }

    /// The end of a number starting at `i` (sign, ▲/▼, digits, separators, decimals, a year range), or nil.
    private static func numberEnd(_ c: [Character], from i: Int) -> Int? {
        var j = i
        while j < c.count && "+-−±▲▼<>约".contains(c[j]) && j + 1 < c.count { j += 1 }
        guard j < c.count, isDigit(c[j]) else { return nil }
        func digits(_ k: inout Int) {
            while k < c.count {
                if isDigit(c[k]) { k += 1 }
                else if (c[k] == "," || c[k] == ".") && k + 1 < c.count && isDigit(c[k + 1]) { k += 1 }
                else { break }
            }
        }
        digits(&j)
        // A range: 2019—2022, 3~5, 2019-2022.
        if j + 1 < c.count && "—–~～-".contains(c[j]) {
            var k = j
            while k < c.count && "—–~～-".contains(c[k]) { k += 1 }
            if k < c.count && isDigit(c[k]) { digits(&k); j = k }
        }
        return j
    }

    // MARK: Breaking

    private static func contentCount(_ s: String) -> Int {
        s.filter { !noLineStart.contains($0) && !noLineEnd.contains($0) && $0 != " " }.count
    }

    private static func breakParagraph(_ text: String, maxWidth: Double, balanced: Bool,
                                       measure: (String) -> Double) -> [String] {
        let p = pieces(text)
        if p.isEmpty { return [""] }
        if measure(text) <= maxWidth { return [text] }
        let widths = p.map { measure($0) }
        // Greedy fill: the fewest lines.
        var breaks: [Int] = []          // index of the first piece of each line after the first
        var w = 0.0
        for (k, pw) in widths.enumerated() {
            if k > 0 && w > 0 && w + pw > maxWidth && p[k] != " " {
                breaks.append(k)
                w = p[k].hasPrefix(" ") ? 0 : pw
            } else {
                w += pw
            }
        }
        if balanced && !breaks.isEmpty {
            breaks = balancedBreaks(p, widths, lineCount: breaks.count + 1, maxWidth: maxWidth) ?? breaks
        }
        var lines = assemble(p, breaks)
        // No last line of one or two characters: pull pieces down from the line before while it fits.
        while lines.count >= 2, contentCount(lines[lines.count - 1]) <= 2 {
            var prevPieces = pieces(lines[lines.count - 2])
            guard prevPieces.count >= 2 else { break }
            let moved = prevPieces.removeLast()
            let newLast = moved + lines[lines.count - 1]
            if measure(newLast) > maxWidth { break }
            lines[lines.count - 2] = prevPieces.joined()
            lines[lines.count - 1] = newLast
        }
        return lines.map { trimSpaces($0) }
    }

    private static func assemble(_ p: [String], _ breaks: [Int]) -> [String] {
        var lines: [String] = []
        var start = 0
        for b in breaks + [p.count] {
            lines.append(p[start..<b].joined())
            start = b
        }
        return lines
    }

    private static func trimSpaces(_ s: String) -> String {
        var t = Substring(s)
        while t.hasPrefix(" ") { t.removeFirst() }
        while t.hasSuffix(" ") { t.removeLast() }
        return String(t)
    }

    /// Breaks into exactly `lineCount` lines that fit, minimising the spread of line widths, with a bonus for
    /// breaking after 、，； and a penalty for breaking between two Chinese characters.
    private static func balancedBreaks(_ p: [String], _ widths: [Double], lineCount: Int, maxWidth: Double) -> [Int]? {
        let n = p.count
        var prefix = [0.0]
        for w in widths { prefix.append(prefix.last! + w) }
        let target = prefix[n] / Double(lineCount)
        func width(_ a: Int, _ b: Int) -> Double {
            var w = prefix[b] - prefix[a]
            if p[a].hasPrefix(" ") { w -= widths[a] }
            if b - 1 > a && p[b - 1].hasSuffix(" ") { w -= widths[b - 1] }
            return w
        }
        func breakCost(before k: Int) -> Double {
            guard let last = p[k - 1].last else { return 0 }
            if preferredBreakAfter.contains(last) { return -0.35 }
            if last == " " || p[k].hasPrefix(" ") { return 0 }
            if let f = p[k].first, !f.isASCII, !last.isASCII { return 0.25 }
            return 0.05
        }
        let inf = Double.infinity
        // cost[l][k]: best cost of the first k pieces in l lines.
        var cost = Array(repeating: Array(repeating: inf, count: n + 1), count: lineCount + 1)
        var from = Array(repeating: Array(repeating: -1, count: n + 1), count: lineCount + 1)
        cost[0][0] = 0
        for l in 1...lineCount {
            for k in l...n {
                for j in (l - 1)..<k where cost[l - 1][j] < inf {
                    let w = width(j, k)
                    if w > maxWidth && k - j > 1 { continue }
                    let dev = (w - target) / max(target, 1)
                    var c = cost[l - 1][j] + dev * dev
                    if k < n { c += breakCost(before: k) * 0.2 }
                    if c < cost[l][k] { cost[l][k] = c; from[l][k] = j }
                }
            }
        }
        guard cost[lineCount][n] < inf else { return nil }
        var breaks: [Int] = []
        var k = n
        var l = lineCount
        while l > 1 {
            let j = from[l][k]
            breaks.append(j)
            k = j; l -= 1
        }
        return breaks.reversed()
    }
}
