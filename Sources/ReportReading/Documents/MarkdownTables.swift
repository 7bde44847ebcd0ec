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
            let t = line.trimmingCharacters(in: .whitespaces)
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
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let t = line.drop { $0 == " " || $0 == "\t" }
            guard t.first == "|", t.contains("-") else { continue }
            if t.allSatisfy({ $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " || $0 == "\t" }), t.contains("---") {
                separators += 1
                if separators >= 2 { return true }
            }
        }
        return false
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
        if cells.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { cells.removeFirst() }
        if cells.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { cells.removeLast() }
        return cells.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
