import Foundation
import PDFInput
import Testing
import ZIPFoundation
@testable import ReportReading
@testable import SeriesModel
import TestSupport

/// The seeded mutation test through every input reader — text, Markdown, HTML, DOCX and the PDF text layer: one
/// printed digit of one table number of a real report is changed where the reader meets it (the file's bytes;
/// `word/document.xml` inside the DOCX, rezipped; the cell texts ``PDFReader`` produced, fed on through
/// ``PDFDocumentReader/document(_:file:)``). Then either the changed number is flagged (not emitted, or open), or it
/// changes exactly that one cell, to the mutated value, and — for a 表三/表四 cell — an identity that held before
/// now fails in `check`. No other cell may change its emitted value; body, year and template stay.
@Suite struct ReaderMutationTests {
    struct Tally: CustomStringConvertible {
        var rounds = 0, caught = 0, flagged = 0, table2 = 0, uncheckable = 0, untouched = 0, refused = 0
        var problems: [String] = []
        var description: String {
            "\(rounds) mutations: \(caught) changed only their cell and an identity caught it, \(flagged) flagged/not emitted, "
                + "\(table2) changed only their 表二 cell (no identity), \(uncheckable) beside blank cells (identity not evaluable), "
                + "\(untouched) changed nothing, \(refused) refused, \(problems.count) problems"
        }
    }

    /// Non-derived values by `metric@year`.
    static func values(_ r: ExtractionResult) -> [String: Double] {
        var out: [String: Double] = [:]
        for o in r.observations where !o.derived { out["\(o.metric)@\(o.year)"] = o.value }
        return out
    }

    static func failures(_ r: ExtractionResult) -> Set<String> {
        Set(ReportChecker.run([r]).findings.filter { $0.severity == .error && "1234".contains($0.rule.prefix(1)) }
            .map { "\($0.rule) \($0.place) \($0.lhs) \($0.rhs)" })
    }

    /// Scores one mutated reading against the unmutated one: `old` was printed, `new` is printed now.
    static func judge(_ label: String, base: ExtractionResult, mutated: ExtractionResult?, old: String?, new: String?, into t: inout Tally) {
        t.rounds += 1
        guard let m = mutated else { t.refused += 1; return }
        if m.report.entity != base.report.entity || m.report.year != base.report.year || m.report.template != base.report.template {
            t.problems.append("\(label): the header changed to \(m.report.entity) \(m.report.year) \(m.report.template)")
            return
        }
        let a = values(base), b = values(m)
        let changed = b.keys.filter { a[$0] != b[$0] }.sorted()
        let removed = a.keys.filter { b[$0] == nil }
        if changed.isEmpty { if removed.isEmpty { t.untouched += 1 } else { t.flagged += 1 }; return }
        guard changed.count == 1, let key = changed.first, let was = a[key], let now = b[key],
              old.map({ $0 == NumberText.plain(was) }) ?? true, new.map({ $0 == NumberText.plain(now) }) ?? true,
              oneDigitApart(NumberText.plain(was), NumberText.plain(now)) else {
            t.problems.append("\(label) \(old ?? "?")→\(new ?? "?"): \(changed.map { "\($0) \(a[$0].map(NumberText.plain) ?? "–")→\(NumberText.plain(b[$0]!))" })")
            return
        }
        if key.hasPrefix("applications.") || key.hasPrefix("review.") || key.hasPrefix("litigation") {
            if !failures(m).subtracting(failures(base)).isEmpty {
                t.caught += 1
            } else if !m.blankCells.isEmpty {
                t.uncheckable += 1
            } else {
                t.problems.append("\(label) \(key) \(NumberText.plain(was))→\(NumberText.plain(now)): no identity failed")
            }
        } else {
            t.table2 += 1
        }
    }

    /// True when `a` and `b` differ in exactly one digit.
    static func oneDigitApart(_ a: String, _ b: String) -> Bool {
        a.count == b.count && zip(a, b).filter { $0 != $1 }.count == 1
    }

    /// Changes one digit of `digits` (never to a leading zero): the new digits.
    static func mutate(_ digits: String, _ rng: inout SplitMix64) -> String {
        var d = Array(digits)
        let at = Int.random(in: 0..<d.count, using: &rng)
        var c = d[at]
        while c == d[at] || (at == 0 && c == "0" && d.count > 1) { c = Character(String(Int.random(in: 0...9, using: &rng))) }
        d[at] = c
        return String(d)
    }

    /// The byte ranges in `bytes` where `digits` stands as a whole number (no digit, `.` or `,` on either side).
    static func occurrences(of digits: String, in bytes: [UInt8], markup: Bool) -> [Range<Int>] {
        let key = Array(digits.utf8)
        guard !key.isEmpty, bytes.count >= key.count else { return [] }
        func isPart(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || b == 0x2E || b == 0x2C }
        var out: [Range<Int>] = []
        var i = 0
        while i + key.count <= bytes.count {
            if bytes[i] == key[0], bytes[i..<(i + key.count)].elementsEqual(key),
               i == 0 || !isPart(bytes[i - 1]), i + key.count == bytes.count || !isPart(bytes[i + key.count]) {
                if !markup || inText(bytes, at: i) { out.append(i..<(i + key.count)) }
                i += key.count
            } else {
                i += 1
            }
        }
        return out
    }

    /// True when `at` lies in the text between two tags (`>…<`), not inside a tag's attributes.
    static func inText(_ bytes: [UInt8], at: Int) -> Bool {
        var i = at - 1
        while i >= 0 { if bytes[i] == 0x3E { return true }; if bytes[i] == 0x3C { return false }; i -= 1 }
        return false
    }

    /// A mutation of the bytes of a report: a table number (an emitted whole count of the unmutated reading) found
    /// where it stands in the bytes (after the first table heading), one digit changed.
    /// When the number stands nowhere whole (web text runs cells together: `行政许可3960181`), a digit of a run in the
    /// tables is changed instead, and which cell it belongs to is left to the reading (old and new unknown).
    static func byteMutation(_ bytes: [UInt8], base: ExtractionResult, tablesFrom: Int, markup: Bool, _ rng: inout SplitMix64)
        -> (bytes: [UInt8], old: String?, new: String?)? {
        let counts = base.observations.filter { !$0.derived && $0.value >= 0 && $0.value == $0.value.rounded() && $0.value < 1e12
            && !$0.source.contains("→") }
        for _ in 0..<20 {
            guard let o = counts.randomElement(using: &rng) else { return nil }
            let old = NumberText.plain(o.value)
            let places = occurrences(of: old, in: bytes, markup: markup).filter { $0.lowerBound >= tablesFrom }
            guard let place = places.randomElement(using: &rng) else { continue }
            let new = mutate(old, &rng)
            var b = bytes
            b.replaceSubrange(place, with: Array(new.utf8))
            return (b, old, new)
        }
        let digits = (tablesFrom..<bytes.count).filter { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 && (!markup || inText(bytes, at: $0)) }
        guard let at = digits.randomElement(using: &rng) else { return nil }
        var b = bytes
        b[at] = Array(mutate(String(UnicodeScalar(bytes[at])), &rng).utf8)[0]
        return (b, nil, nil)
    }

    /// Where the tables start in `bytes`: the first 表二 heading (`第二十条`), else 0.
    static func tablesStart(_ bytes: [UInt8]) -> Int {
        let key = Array("第二十条".utf8)
        guard bytes.count >= key.count else { return 0 }
        return (0...(bytes.count - key.count)).first { bytes[$0..<($0 + key.count)].elementsEqual(key) } ?? 0
    }

    static func extract(_ bytes: [UInt8], file: String) -> ExtractionResult? {
        try? ReportExtractor.extract(bytes, file: file)
    }

    /// Text, Markdown and HTML: the file's bytes.
    @Test(arguments: [("mudanjiang/mudanjiang_2020.txt", 40), ("pingtan/pingtan_2021.txt", 30), ("pingtan/pingtan_2019.txt", 30),
                      ("fixture:mudanjiang_2020.md", 40), ("pingtan/pingtan_2021.html", 25), ("pingtan/pingtan_2019.html", 25)])
    func textMarkdownAndHTML(_ file: String, _ rounds: Int) throws {
        let bytes = file.hasPrefix("fixture:")
            ? Array(try Data(contentsOf: ExtractionFixtures.fixtures.appendingPathComponent(String(file.dropFirst(8)))))
            : try ExtractionFixtures.bytes(file)
        let name = URL(fileURLWithPath: file).lastPathComponent
        let base = try ReportExtractor.extract(bytes, file: name)
        var rng = SplitMix64(seed: 20_261_206 &+ UInt64(bytes.count))
        var t = Tally()
        let from = Self.tablesStart(bytes)
        for _ in 0..<rounds {
            guard let (b, old, new) = Self.byteMutation(bytes, base: base, tablesFrom: from, markup: name.hasSuffix(".html"), &rng) else { continue }
            Self.judge(name, base: base, mutated: Self.extract(b, file: name), old: old, new: new, into: &t)
        }
        print("reader mutation, \(name): \(t)")
        #expect(t.rounds == rounds)
        #expect(t.problems.isEmpty, "\(t.problems.prefix(10).joined(separator: "\n"))")
        #expect(t.caught + t.table2 + t.flagged + t.uncheckable > rounds / 2)
    }

    /// DOCX: a digit of `word/document.xml`, the archive rezipped in memory.
    @Test(arguments: [("pingtan_2021.docx", 30), ("mudanjiang_2020.docx", 30)])
    func docx(_ name: String, _ rounds: Int) throws {
        let original = try WordDocumentTests.document(name)
        let archive = try Archive(data: Data(original), accessMode: .read)
        var entries: [(String, Data)] = []
        for entry in archive where entry.type == .file {
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
            entries.append((entry.path, data))
        }
        let xmlIndex = try #require(entries.firstIndex { $0.0 == "word/document.xml" })
        let xml = Array(entries[xmlIndex].1)
        func rezip(_ newXML: [UInt8]) throws -> [UInt8] {
            let out = try Archive(data: Data(), accessMode: .create)
            for (k, (path, data)) in entries.enumerated() {
                let d = k == xmlIndex ? Data(newXML) : data
                try out.addEntry(with: path, type: .file, uncompressedSize: Int64(d.count), compressionMethod: .deflate) { pos, size in
                    d.subdata(in: Int(pos)..<Int(pos) + size)
                }
            }
            return Array(try #require(out.data))
        }
        let base = try ReportExtractor.extract(try rezip(xml), file: name)
        #expect(Self.values(base) == Self.values(try ReportExtractor.extract(original, file: name)))
        var rng = SplitMix64(seed: 20_261_207 &+ UInt64(xml.count))
        var t = Tally()
        let from = Self.tablesStart(xml)
        for _ in 0..<rounds {
            guard let (b, old, new) = Self.byteMutation(xml, base: base, tablesFrom: from, markup: true, &rng) else { continue }
            Self.judge(name, base: base, mutated: Self.extract(try rezip(b), file: name), old: old, new: new, into: &t)
        }
        print("reader mutation, \(name): \(t)")
        #expect(t.rounds == rounds)
        #expect(t.problems.isEmpty, "\(t.problems.prefix(10).joined(separator: "\n"))")
        #expect(t.caught + t.table2 + t.flagged + t.uncheckable > rounds / 2)
    }

    /// The PDF text layer: a digit of one table cell's text as ``PDFReader`` read it, before the report's grid and
    /// stream are built from it.
    @Test(arguments: [("pingtan_2021.pdf", 40), ("mudanjiang_2020.pdf", 40)])
    func pdfTextLayer(_ name: String, _ rounds: Int) throws {
        let content = try PDFReader.read(try WordDocumentTests.document(name), file: name)
        let base = try ReportExtractor.extract(read: try PDFDocumentReader.document(content, file: name), file: name)
        // every table cell whose text is a whole number
        var cells: [(block: Int, row: Int, column: Int)] = []
        for (b, block) in content.blocks.enumerated() {
            guard case let .table(table) = block else { continue }
            for (r, row) in table.rows.enumerated() {
                for (c, cell) in row.enumerated() where cell.isOrigin && !cell.text.isEmpty && cell.text.allSatisfy(\.isASCII)
                    && cell.text.allSatisfy(\.isNumber) { cells.append((b, r, c)) }
            }
        }
        #expect(cells.count > 100)
        var rng = SplitMix64(seed: 20_261_208)
        var t = Tally()
        for _ in 0..<rounds {
            let pick = cells.randomElement(using: &rng)!
            guard case var .table(table) = content.blocks[pick.block] else { continue }
            let old = table.rows[pick.row][pick.column].text
            let new = Self.mutate(old, &rng)
            table.rows[pick.row][pick.column].text = new
            var changed = content
            changed.blocks[pick.block] = .table(table)
            let r = try? ReportExtractor.extract(read: try PDFDocumentReader.document(changed, file: name), file: name)
            Self.judge("\(name) table \(table.number) r\(pick.row + 1)c\(pick.column + 1)", base: base, mutated: r,
                       old: String(Int(old)!), new: String(Int(new)!), into: &t)
        }
        print("reader mutation, \(name) (text layer): \(t)")
        #expect(t.problems.isEmpty, "\(t.problems.prefix(10).joined(separator: "\n"))")
        #expect(t.caught + t.table2 + t.flagged + t.uncheckable > rounds / 2)
    }
}
