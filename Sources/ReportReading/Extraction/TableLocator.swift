import SeriesModel

/// Finds the three tables in the stream by their headings, and their rows by their labels.
///
/// Headings are matched tolerantly: 表二 starts at `第二十条第（一）项`, 表三 at `收到和处理政府信息公开申请`
/// (after 表二), 表四 at the first `复议` followed closely by `诉讼` (so `行政法复议` works), and 表四 ends at `五、`.
struct TableLocator {
    let stream: CharStream

    /// Character ranges of 表二, 表三 and 表四 (nil when a table was not found).
    struct Regions {
        var table2: Range<Int>?
        var table3: Range<Int>?
        var table4: Range<Int>?

        func range(of table: Int) -> Range<Int>? {
            table == 2 ? table2 : table == 3 ? table3 : table4
        }
    }

    /// A row label found in the stream.
    struct FoundRow {
        var spec: RowSpec
        /// Where the label (with its enumerator) starts.
        var labelStart: Int
        /// Where the numbers may start.
        var valuesStart: Int
        /// Where the row ends (the next row's label or the table's end).
        var end: Int
        /// Why the row's place is a guess (`label matched tolerantly`, `row placed by position`), nil when its
        /// label was found as printed in the template.
        var guess: String?
        /// How a label that was not printed as in the template was still matched, when that is no guess (one slip
        /// in a label found once between its neighbours, holding exactly its row's numbers): a source note.
        var note: String?
        /// True when the tolerant match is the only one between the row's found neighbours.
        var unique = false
    }

    static let tolerantGuess = "label matched tolerantly", wrappedGuess = "label wrapped around its numbers"

    private func key(_ s: String) -> [Unicode.Scalar] { CharStream.normalized(s) }

    func regions() -> Regions {
        let n = stream.count
        let t2 = stream.find(key("第二十条第（一）项"), from: 0) ?? stream.find(key("二、主动公开政府信息情况"), from: 0)
            ?? stream.find(key("第二十条"), from: 0)
        var t3: Int?
        var from = t2 ?? 0
        while let p = stream.find(key("收到和处理政府信息公开申请"), from: from) {
            let window = p..<min(n, p + 400)
            if stream.find(key("申请人情况"), from: window.lowerBound, to: window.upperBound) != nil
                || stream.find(key("本年新收"), from: window.lowerBound, to: window.upperBound) != nil {
                t3 = p
                break
            }
            from = p + 1
        }
        if t3 == nil, let p = stream.find(key("本年新收政府信息公开申请"), from: t2 ?? 0) { t3 = p }
        var t4: Int?
        var search = t3 ?? t2 ?? 0
        while let p = stream.find(key("复议"), from: search) {
            if stream.find(key("诉讼"), from: p, to: min(n, p + 14)) != nil { t4 = p; break }
            search = p + 1
        }
        let t4End = t4.flatMap { stream.find(key("五、"), from: $0) } ?? n
        var r = Regions()
        if let t2 { r.table2 = t2..<(t3 ?? t4 ?? n) }
        if let t3 { r.table3 = t3..<(t4 ?? n) }
        if let t4 { r.table4 = t4..<max(t4, t4End) }
        return r
    }

    /// Finds the labels of `rows` in order inside `region`; rows whose label is missing are left out.
    func rows(_ rows: [RowSpec], in region: Range<Int>) -> [FoundRow] {
        var found: [FoundRow] = []
        var cursor = region.lowerBound
        for spec in rows {
            guard let search = spec.searchKey else {
                found.append(FoundRow(spec: spec, labelStart: cursor, valuesStart: cursor, end: region.upperBound))
                continue
            }
            let k = key(search)
            let enumerator = spec.enumerator.map(key)
            var from = cursor
            var hit: (start: Int, end: Int)?
            while let p = stream.find(k, from: from, to: region.upperBound) {
                var start = p
                if let e = enumerator, let s = enumeratorStart(e, before: p) { start = s }
                if spec.enumeratorRequired && start == p { from = p + 1; continue }
                hit = (start, p + k.count)
                break
            }
            guard let hit else { continue }
            found.append(FoundRow(spec: spec, labelStart: hit.start, valuesStart: hit.end, end: region.upperBound))
            cursor = hit.end
        }
        found = tolerantPass(rows, found: found, region: region)
        for i in found.indices.dropLast() { found[i].end = max(found[i].valuesStart, found[i + 1].labelStart) }
        return found
    }

    /// Looks for the labels the exact pass missed between their found neighbours, allowing one wrong, missing or
    /// extra character (keys of six or more) in a search key of four or more characters (OCR and typing slips:
    /// `本机关不掌屋`).
    private func tolerantPass(_ rows: [RowSpec], found: [FoundRow], region: Range<Int>) -> [FoundRow] {
        let foundKeys = Set(found.map(\.spec.key))
        guard found.count < rows.count else { return found }
        var out = found
        for (index, spec) in rows.enumerated() where !foundKeys.contains(spec.key) {
            guard let search = spec.searchKey, !spec.enumeratorRequired else { continue }
            let k = key(search)
            guard k.count >= 4 else { continue }
            let before = rows[..<index].map(\.key), after = rows[(index + 1)...].map(\.key)
            let lo = out.last { before.contains($0.spec.key) }?.valuesStart ?? region.lowerBound
            let hi = out.first { after.contains($0.spec.key) }?.labelStart ?? region.upperBound
            guard lo < hi else { continue }
            let hit: Range<Int>, guess: String, unique: Bool
            if let split = splitFind(k, from: lo, to: hi) {
                // the values sit between the label's two halves: they start after the first half
                hit = split
                guess = Self.wrappedGuess
                unique = splitFind(k, from: split.lowerBound + 1, to: hi) == nil
            } else if let near = approximateFind(k, from: lo, to: hi) {
                hit = near
                guess = Self.tolerantGuess
                unique = approximateFind(k, from: near.lowerBound + 1, to: hi) == nil
            } else {
                continue
            }
            let start = spec.enumerator.map(key).flatMap { enumeratorStart($0, before: hit.lowerBound) } ?? hit.lowerBound
            let row = FoundRow(spec: spec, labelStart: start, valuesStart: hit.upperBound, end: region.upperBound, guess: guess,
                               unique: unique)
            let at = out.firstIndex { $0.labelStart > start } ?? out.count
            out.insert(row, at: at)
        }
        return out
    }

    /// The first place in `from..<to` where `k` occurs cut in two by a run of numbers (`pdftotext` prints a
    /// wrapped label's halves around the row's numbers: `1.本机关不` 12 0 0 … `掌握相关政府信息`): the range of the
    /// first half, whose end is where the row's numbers start.
    func splitFind(_ k: [Unicode.Scalar], from: Int, to: Int) -> Range<Int>? {
        let s = stream.scalars
        let end = min(to, s.count)
        var i = from
        while i < end {
            defer { i += 1 }
            guard s[i] == k[0] else { continue }
            var m = 0
            while m < k.count, i + m < end, s[i + m] == k[m] { m += 1 }
            guard m >= 1, m < k.count, m >= 2 || k.count - m >= 3 else { continue }
            var j = i + m, digits = 0
            while j < end, NumberScanner.isDigit(s[j]) || s[j] == "." || s[j] == "-" || s[j] == "+" || s[j] == CharStream.blankCell {
                if NumberScanner.isDigit(s[j]) { digits += 1 }
                j += 1
            }
            guard digits > 0, j + (k.count - m) <= end else { continue }
            if (0..<(k.count - m)).allSatisfy({ s[j + $0] == k[m + $0] }) { return i..<(i + m) }
        }
        return nil
    }

    /// The first place in `from..<to` where `k` occurs with at most one substituted, missing or extra character.
    func approximateFind(_ k: [Unicode.Scalar], from: Int, to: Int) -> Range<Int>? {
        let s = stream.scalars
        let end = min(to, s.count)
        var i = from
        while i < end {
            // substitution (same length)
            if i + k.count <= end {
                var diff = 0
                var wrongIsLabelText = true
                for j in 0..<k.count where s[i + j] != k[j] {
                    diff += 1
                    // a digit or a marker in place of a label character is a number next to the label, not a slip
                    if NumberScanner.isDigit(s[i + j]) || s[i + j].value >= 0xE000 && s[i + j].value <= 0xE0FF { wrongIsLabelText = false }
                    if diff > 1 { break }
                }
                if diff <= 1 && wrongIsLabelText { return i..<(i + k.count) }
            }
            // one key character missing in the text, or one extra character in the text
            for len in [k.count - 1, k.count + 1] where k.count >= 6 && i + len <= end && s[i] == k[0] {
                let t = Array(s[i..<(i + len)])
                if t.contains(where: { NumberScanner.isDigit($0) || $0.value >= 0xE000 && $0.value <= 0xE0FF }) { continue }
                var m = 0
                while m < min(t.count, k.count) && t[m] == k[m] { m += 1 }
                let rest = len < k.count ? (Array(k[(m + 1)...]) == Array(t[m...])) : (Array(k[m...]) == Array(t[(m + 1)...]))
                if rest { return i..<(i + len) }
            }
            i += 1
        }
        return nil
    }

    /// The start of `enumerator` when it sits right before `index` (`2.` also matches `2、`, `2，`, `（2）`;
    /// `属于` may follow it).
    private func enumeratorStart(_ e: [Unicode.Scalar], before index: Int) -> Int? {
        let s = stream.scalars
        if e.count == 2, NumberScanner.isDigit(e[0]), e[1] == "." {
            let start = index - 2
            if start >= 0, s[start] == e[0], s[start + 1] == "." || s[start + 1] == "、" || s[start + 1] == "，" { return start }
            if index - 3 >= 0, s[index - 3] == "（", s[index - 2] == e[0], s[index - 1] == "）" { return index - 3 }
            return nil
        }
        let start = index - e.count
        return start >= 0 && stream.matches(e, at: start) ? start : nil
    }
}
