import Foundation
import SeriesModel

/// Reads Markdown: pipe tables become grids, every other line stays a line of text.
///
/// ```
/// | 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
/// |---|---|---|---|
/// | 规章 | 0 | 0 | 0 |
/// ```
enum MarkdownTables {
    static func blocks(_ text: String) -> [DocumentBlock] {
        var out: [DocumentBlock] = []
        var rows: [[GridCell]] = []
        var lines: [Int] = []
        func endTable() {
            guard !rows.isEmpty else { return }
            let width = rows.map(\.count).max() ?? 0
            let padded = rows.map { $0 + Array(repeating: GridCell(text: "", isOrigin: true), count: width - $0.count) }
            out.append(.table(GridTable(rows: padded, lines: lines)))
            rows = []
            lines = []
        }
        var number = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            let t = String(trim(line))
            if t.hasPrefix("|") {
                let cells = cellsOf(t)
                if cells.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" || $0 == " " } && $0.contains("-") }) { continue }
                rows.append(cells.map { GridCell(text: $0, isOrigin: true) })
                lines.append(number)
            } else {
                endTable()
                out.append(.line(String(line), number: number))
            }
        }
        endTable()
        return out
    }

    /// True when a text holds pipe tables (at least two `|---|` separator lines): a converter's Markdown saved
    /// as `.txt`, read as Markdown so that its cells stay apart.
    static func looksLikeMarkdown(_ text: String) -> Bool {
        var separators = 0
        var atLineStart = true
        var inCandidate = false, dashes = 0, onlyTableChars = true
        for b in text.utf8 {
            if b == 0x0A || b == 0x0D {
                if inCandidate && onlyTableChars && dashes >= 3 {
                    separators += 1
                    if separators >= 2 { return true }
                }
                atLineStart = true
                inCandidate = false
                continue
            }
            if atLineStart {
                if b == 0x20 || b == 0x09 { continue }
                atLineStart = false
                inCandidate = b == 0x7C  // |
                dashes = 0
                onlyTableChars = true
                continue
            }
            guard inCandidate else { continue }
            switch b {
            case 0x2D: dashes += 1  // -
            case 0x7C, 0x3A, 0x20, 0x09: break  // | : space tab
            default: onlyTableChars = false
            }
        }
        return inCandidate && onlyTableChars && dashes >= 3 && separators >= 1
    }

    /// `s` without leading and trailing spaces (any Unicode space, as `.whitespaces` trims).
    static func trim<S: StringProtocol>(_ s: S) -> Substring {
        let sub = Substring(s)
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || ($0.isWhitespace && !$0.isNewline) }
        guard let first = sub.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = sub.lastIndex(where: { !isSpace($0) })!
        return sub[first...last]
    }

    /// The cells of one pipe-table line; `\|` is a literal bar.
    static func cellsOf(_ line: String) -> [String] {
        var cells: [String] = []
        var cur = ""
        var escaped = false
        for ch in line {
            if escaped { cur.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; continue }
            if ch == "|" { cells.append(cur); cur = ""; continue }
            cur.append(ch)
        }
        cells.append(cur)
        if let f = cells.first, trim(f).isEmpty { cells.removeFirst() }
        if let l = cells.last, trim(l).isEmpty { cells.removeLast() }
        return cells.map { String(trim($0)) }
    }
}
